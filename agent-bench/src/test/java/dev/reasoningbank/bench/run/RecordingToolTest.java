package dev.reasoningbank.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingToolTest {

    @Test
    void a_result_the_default_judge_fails_is_recorded_as_a_failed_call_and_still_returned() throws Exception {
        List<CallRecord> calls = new ArrayList<>();
        String matomo = "{\"result\":\"error\",\"message\":\"Date format must be: YYYY-MM-DD\"}";
        Tool stats = RecordingTool.wrap(List.of(Tool.of("stats", List.of("date"), arguments ->
                "today".equals(arguments.get("date")) ? "{\"visits\":12}" : matomo)), "127.0.0.1", calls).get(0);

        assertThat(stats.invoke(Map.of("date", "March 5th, 2024"))).isEqualTo(matomo);
        assertThat(stats.invoke(Map.of("date", "today"))).isEqualTo("{\"visits\":12}");

        assertThat(calls).extracting(CallRecord::failed).containsExactly(true, false);
        assertThat(calls.get(0).error().getMessage()).contains("Date format must be");
    }
}
