package dev.reasoningbank.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A model proposes how far its lesson holds, within the schema; it can narrow what the strategy allows, never widen it. */
class ProposedScopeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Failure dateFailure = Failure.of(ToolCall.of("invoices", Map.of("host", "api.acme.example", "from", "27/11/2026")),
            ToolException.http(400, "{\"error\":\"from must be in format YYYY-MM-DD\"}", "api.acme.example"));

    private Lesson answer(String scope, String transform, String operand, List<String> problems) throws Exception {
        String json = """
                {"title":"Write from as yyyy-MM-dd","description":"Applies to calls that pass from.","content":"Reformat from before calling.",
                 "strategy":{"type":"FixArgument","parameter":"from","source":"","host":"","skipForSeconds":0,"maxRetries":0,
                   "initialDelayMillis":0,"multiplier":0,"tool":"","value":"","transform":"%s","operand":"%s"},
                 "conditions":[{"parameter":"from","op":"PRESENT","value":""}],"lifetimeSeconds":0%s}"""
                .formatted(transform, operand, scope == null ? "" : ",\"scope\":\"" + scope + "\"");
        JsonNode node = new ObjectMapper().readTree(json);
        return LessonAnswers.lesson(node, "", dateFailure, List.of("host", "from"), List.of(), Set.of(), "llm:test", NOW, problems);
    }

    @Test
    void a_date_convention_holds_for_the_parameter_on_the_host_unless_the_model_says_this_tool_only() throws Exception {
        List<String> problems = new ArrayList<>();
        assertThat(answer("PARAMETER", "DATE_FORMAT", "yyyy-MM-dd", problems).scope()).isEqualTo(Scope.PARAMETER);
        assertThat(answer(null, "DATE_FORMAT", "yyyy-MM-dd", problems).scope()).as("no proposal: as the strategy allows").isEqualTo(Scope.PARAMETER);
        assertThat(answer("TOOL", "DATE_FORMAT", "yyyy-MM-dd", problems).scope()).isEqualTo(Scope.TOOL);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_model_cannot_widen_a_lesson_beyond_what_its_strategy_allows() throws Exception {
        List<String> problems = new ArrayList<>();
        // a limit differs between endpoints: whatever the model says, it stays with its tool
        assertThat(answer("HOST", "CLAMP_MAX", "100", problems).scope()).isEqualTo(Scope.TOOL);
        assertThat(answer("PARAMETER", "CLAMP_MAX", "100", problems).scope()).isEqualTo(Scope.TOOL);
        assertThat(answer("HOST", "DATE_FORMAT", "yyyy-MM-dd", problems).scope()).as("another kind of scope than allowed").isEqualTo(Scope.TOOL);
        assertThat(problems).isEmpty();
        assertThat(answer("EVERYWHERE", "DATE_FORMAT", "yyyy-MM-dd", problems)).isNull();
        assertThat(problems).containsExactly("scope must be one of [TOOL, HOST, PARAMETER] but was 'EVERYWHERE'");
    }
}
