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
        // the one wrong transfer (a sibling with a key of its own) is narrowed after its one failure
        assertThat(bank.wrongTransfers()).isEqualTo(1);
        assertThat(bank.wrongTransfersRepeated()).isZero();
    }

    @Test
    void without_shared_memory_nothing_is_avoided_and_the_oracle_bounds_it() {
        assertThat(results.get("none").avoided()).isZero();
        assertThat(results.get("episodic").avoided()).as("episodic forgets between tasks: it cannot spare a sibling").isZero();
        assertThat(results.get("oracle").avoided()).isGreaterThanOrEqualTo(results.get("bank").avoided());
        assertThat(results.get("bank").avoided()).isGreaterThan(results.get("none").avoided());
    }
}
