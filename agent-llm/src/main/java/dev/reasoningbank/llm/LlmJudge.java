package dev.reasoningbank.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Judges tool results that did not throw but may be wrong (an HTTP 200 whose body is an error) by
 * asking a model with the {@code judge} template for {@code {"success": bool, "reason": text}}. The
 * rule-based judge runs first, so an obvious error costs no model call; when the model fails or
 * keeps answering invalidly, the rule-based verdict stands.
 */
public final class LlmJudge implements OutcomeJudge {

    static final int MAX_RESULT = 4_000;

    private final StructuredChat chat;
    private final PromptTemplates templates;
    private final OutcomeJudge fallback = OutcomeJudge.ruleBased();

    public LlmJudge(StructuredChat chat, PromptTemplates templates) {
        this.chat = Objects.requireNonNull(chat, "chat must not be null");
        this.templates = Objects.requireNonNull(templates, "templates must not be null");
    }

    @Override
    public Verdict judge(ToolCall call, @Nullable Object result) {
        Verdict rules = fallback.judge(call, result);
        if (!rules.success()) {
            return rules;
        }
        List<String> secrets = new ArrayList<>();
        call.arguments().forEach((name, value) -> {
            if (value != null && Redactor.isSecretName(name)) {
                secrets.add(String.valueOf(value));
            }
        });
        Redactor redactor = Redactor.standard().withSecretValues(secrets);
        String text = redactor.redact(String.valueOf(result));
        PromptTemplates.Rendered prompt = templates.render(PromptTemplates.Name.JUDGE, Map.of(
                "tool", call.tool(),
                "arguments", PromptData.data(PromptData.arguments(redactor.redactArguments(call.arguments()))),
                "result", PromptData.data(text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT) + "…")));
        JsonSchema schema = JsonSchema.builder().name("Verdict").rootElement(JsonObjectSchema.builder()
                .addBooleanProperty("success", "whether the result is what the call needed")
                .addStringProperty("reason", "why not, in one sentence; empty on success")
                .required("success", "reason")
                .additionalProperties(false)
                .build()).build();
        return chat.ask("judging a result of " + call.tool(), prompt.system(), prompt.user(), schema, LlmJudge::parse,
                StructuredChat.DEFAULT_MAX_REASKS, "the rule-based verdict").value().orElse(rules);
    }

    private static StructuredChat.Parsed<Verdict> parse(String text) {
        List<String> problems = new ArrayList<>();
        JsonNode node = LessonAnswers.parseObject(text, problems);
        if (node == null) {
            return StructuredChat.Parsed.invalid(problems);
        }
        JsonNode success = node.get("success");
        JsonNode reason = node.get("reason");
        if (success == null || !success.isBoolean()) {
            problems.add("success must be true or false");
        }
        if (reason == null || !reason.isTextual()) {
            problems.add("reason must be a string");
        } else if (reason.asText().length() > 300) {
            problems.add("reason must be at most 300 characters");
        }
        if (!problems.isEmpty()) {
            return StructuredChat.Parsed.invalid(problems);
        }
        return StructuredChat.Parsed.valid(success.asBoolean()
                ? Verdict.SUCCESS : Verdict.failure(Redactor.standard().redact(reason.asText().strip())));
    }
}
