package dev.reasoningbank.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.BenchRunner;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.run.ProgressListener;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCurveChartTest {

    @Test
    void the_curves_set_apart_the_policies_whose_success_rates_end_together() {
        BenchConfig config = BenchConfig.reference().withTasks(120).withPolicies(List.of("episodic", "bank")).withWarmupTasks(0);
        BenchResults results = new BenchRunner(config, Registry.standard(Map.of()), ProgressListener.SILENT).run();
        PolicyResult episodic = results.policies().get(0);
        PolicyResult bank = results.policies().get(1);

        for (PolicyResult p : results.policies()) {
            assertThat(p.repeatedMistakesCurve()).hasSize(120).isSorted();
            assertThat(last(p.repeatedMistakesCurve())).isEqualTo(p.repeatedMistakes());
            assertThat(p.toolCallsPerTaskCurve()).hasSize(120);
            assertThat(p.toolCallsPerTaskCurve().stream().mapToInt(Integer::intValue).sum()).isEqualTo(p.toolCalls());
        }
        assertThat(last(episodic.repeatedMistakesCurve())).isGreaterThan(last(bank.repeatedMistakesCurve()));
        List<Number> episodicCalls = LearningCurveChart.movingAverage(episodic.toolCallsPerTaskCurve());
        List<Number> bankCalls = LearningCurveChart.movingAverage(bank.toolCallsPerTaskCurve());
        assertThat(bankCalls.get(119).doubleValue()).isLessThan(episodicCalls.get(119).doubleValue());

        BufferedImage chart = LearningCurveChart.draw(results);
        assertThat(chart.getHeight()).isGreaterThan(chart.getWidth() / 2);
    }

    @Test
    void the_moving_average_covers_the_last_window_of_tasks() {
        List<Integer> calls = new ArrayList<>(Collections.nCopies(LearningCurveChart.WINDOW, 3));
        calls.addAll(Collections.nCopies(LearningCurveChart.WINDOW, 1));
        List<Number> average = LearningCurveChart.movingAverage(calls);
        assertThat(average.get(0).doubleValue()).isEqualTo(3.0);
        assertThat(average.get(LearningCurveChart.WINDOW + LearningCurveChart.WINDOW / 2 - 1).doubleValue()).isEqualTo(2.0);
        assertThat(average.get(2 * LearningCurveChart.WINDOW - 1).doubleValue()).isEqualTo(1.0);
    }

    private static int last(List<Integer> curve) {
        return curve.get(curve.size() - 1);
    }
}
