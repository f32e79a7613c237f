package dev.reasoningbank.bench.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transfer track: what the bank must show on API families of sibling tools. */
class TransferTrackTest {

    private static Map<String, TransferTrack.Result> results;

    @BeforeAll
    static void run() {
        BenchConfig config = BenchConfig.reference().withPolicies(List.of("none", "episodic", "bank", "oracle"));
        results = new java.util.LinkedHashMap<>();
        new TransferTrack(config, Registry.standard(Map.of())).run().forEach(r -> results.put(r.policy(), r));
    }

    @Test
    void the_bank_spares_at_least_half_of_the_siblings_first_failures_and_repeats_nothing() {
        TransferTrack.Result bank = results.get("bank");
        assertThat(bank.siblingFirstEncounters()).isEqualTo(24);
        assertThat(bank.avoidedShare()).isGreaterThanOrEqualTo(0.5);
        assertThat(bank.repeatedMistakes()).isZero();
        // the two wrong transfers (a sibling with a key of its own, one with dates of its own) are narrowed after their one failure
        assertThat(bank.wrongTransfers()).isEqualTo(2);
        assertThat(bank.wrongTransfersRepeated()).isZero();
    }

    @Test
    void the_bank_counts_in_its_lessons_the_transfers_that_helped_and_those_that_hurt() {
        TransferTrack.Result bank = results.get("bank");
        assertThat(bank.transfersHurt()).as("each wrong transfer seen from outside is one the lessons counted").isEqualTo(bank.wrongTransfers());
        assertThat(bank.transfersHelped()).as("every avoided first encounter was a transfer that helped, and more followed")
                .isGreaterThanOrEqualTo(bank.avoided());
        assertThat(results.get("none").transfersHelped() + results.get("oracle").transfersHelped()).isZero();
    }

    @Test
    void without_shared_memory_nothing_is_avoided_and_the_oracle_bounds_it() {
        assertThat(results.get("none").avoided()).isZero();
        assertThat(results.get("episodic").avoided()).as("episodic forgets between tasks: it cannot spare a sibling").isZero();
        assertThat(results.get("oracle").avoided()).isGreaterThanOrEqualTo(results.get("bank").avoided());
        assertThat(results.get("bank").avoided()).isGreaterThan(results.get("none").avoided());
    }
}
