package dev.reasoningbank.bench.realerrors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework-errors track: error responses as FastAPI, Django REST framework, Laravel, NestJS, ASP.NET Core and
 * more render them by default, replayed the way the real-errors track replays documented ones. Split by framework;
 * the held-out frameworks were never read while writing the rules.
 */
class FrameworkErrorsTrackTest {

    @Test
    void the_bank_learns_the_defaults_of_frameworks_it_was_not_shaped_on_without_a_wrong_fix_or_a_repeat(@TempDir Path out) throws Exception {
        BenchConfig config = BenchConfig.reference().withPolicies(List.of("none", "bank", "oracle"));
        RealErrorsResults results = new RealErrorsRunner(config, Registry.standard(Map.of()), Corpus.load(Corpus.FRAMEWORK_ERRORS),
                ProgressListener.SILENT).run();
        for (String split : RealErrorsReport.SPLITS) {
            assertThat(results.splits().get(split)).allSatisfy(r -> assertThat(r.wrongFixes()).as(split + " " + r.policy()).isZero());
            SplitResult bank = results.result(split, "bank");
            assertThat(bank.repeatedMistakes()).as(split).isZero();
            assertThat(results.result(split, "none").repeatedMistakes()).as(split).isPositive();
            assertThat(bank.classesLearned()).as(split).isGreaterThan(results.result(split, "none").classesLearned());
        }
        // regression floors: dev (the first three collections, read) 75 of 77, the oracle 75; the held-out half (the fourth
        // collection, unread) 14 of 22 at its first measure (the oracle 22)
        assertThat(results.result(CorpusEntry.DEV, "bank").classesLearned()).isGreaterThanOrEqualTo(75);
        assertThat(results.result(CorpusEntry.HELD_OUT, "bank").classesLearned()).isGreaterThanOrEqualTo(14);

        RealErrorsReport.write(results, out);
        assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("track").asText()).isEqualTo(Corpus.FRAMEWORK_ERRORS);
        assertThat(Files.readString(out.resolve("report.md"))).contains("# FlakyBench, track `framework-errors`", "web frameworks",
                "split by framework");
    }
}
