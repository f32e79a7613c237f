package dev.reasoningbank.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.policy.bank.CappedBankPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A long stream over a bank four times its cap: it never holds more than the cap, and learns as the uncapped bank does. */
class CappedBankTest {

    @Test
    void a_capped_bank_stays_within_its_cap_and_within_a_point_of_the_uncapped_one() {
        BenchConfig config = BenchConfig.reference().withTasks(2_000).withPolicies(List.of("bank", "bank-capped"))
                .withPreload(4 * CappedBankPolicy.CAP, 100).withWarmupTasks(0);
        List<PolicyResult> results = new BenchRunner(config, Registry.standard(Map.of()), ProgressListener.SILENT).run().policies();
        PolicyResult uncapped = results.get(0);
        PolicyResult capped = results.get(1);

        assertThat(uncapped.mostLessonsInBank()).isGreaterThan(CappedBankPolicy.CAP);
        assertThat(capped.lessonsInBankCurve()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CappedBankPolicy.CAP));
        assertThat(capped.successRate()).isCloseTo(uncapped.successRate(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(capped.repeatedMistakes()).isZero();
    }
}
