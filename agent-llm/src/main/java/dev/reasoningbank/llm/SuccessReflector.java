package dev.reasoningbank.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.reflect.ReflectionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Learns from a success that needed a non-obvious fix: renders {@code reflect-success} with the
 * trajectory (failures, then the call that worked) and distils at most {@value #MAX_LESSONS}
 * lessons, as the ReasoningBank paper does. Each lesson names the failure it prevents, whose trigger
 * it takes; answers are validated like {@link LlmReflector}'s. Optional: when the model is
 * unavailable or keeps answering invalidly, nothing is learned (there is no rule-based fallback for
 * successes).
 */
public final class SuccessReflector {

    /** The most lessons one trajectory yields. */
    public static final int MAX_LESSONS = 3;

    private final StructuredChat chat;
    private final PromptTemplates templates;
    private final List<String> parameterSources;
    private final int maxReasks;

    public SuccessReflector(StructuredChat chat, PromptTemplates templates, List<String> parameterSources) {
        this.chat = Objects.requireNonNull(chat, "chat must not be null");
        this.templates = Objects.requireNonNull(templates, "templates must not be null");
        this.parameterSources = List.copyOf(Objects.requireNonNull(parameterSources, "parameterSources must not be null"));
        this.maxReasks = StructuredChat.DEFAULT_MAX_REASKS;
    }

    /** {@code llm:<provider>/<model> (success)}, as recorded in the provenance of its lessons. */
    public String name() {
        return "llm:" + chat.label() + " (success)";
    }

    /** At most {@value #MAX_LESSONS} validated lessons, distinct by trigger; empty when there is nothing to learn. */
    public List<Lesson> reflect(SuccessTrajectory trajectory, ReflectionContext context) {
        Objects.requireNonNull(trajectory, "trajectory must not be null");
        Objects.requireNonNull(context, "context must not be null");
        PromptTemplates.Rendered prompt = templates.render(PromptTemplates.Name.REFLECT_SUCCESS, Map.of(
                "task", PromptData.data(trajectory.task()),
                "tool", trajectory.tool(),
                "parameters", context.toolParameters().isEmpty() ? "(unknown)" : String.join(", ", context.toolParameters()),
                "strategies", LessonAnswers.VOCABULARY,
                "transforms", LessonAnswers.transforms(),
                "parameter_sources", parameterSources.isEmpty() ? "(none configured)" : String.join(", ", parameterSources),
                "trajectory", trajectory.render(),
                "max_lessons", String.valueOf(MAX_LESSONS)));
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("lessons", JsonArraySchema.builder()
                        .items(LessonAnswers.lessonSchema(context.toolParameters(), parameterSources, true))
                        .description("at most " + MAX_LESSONS + " lessons; empty when the success needed no fix").build())
                .required("lessons")
                .additionalProperties(false)
                .build();
        JsonSchema schema = JsonSchema.builder().name("Lessons").rootElement(root).build();
        return chat.ask("success reflection on " + trajectory.tool(), prompt.system(), prompt.user(), schema,
                        text -> parse(text, trajectory, context), maxReasks, "no success lesson")
                .value().orElse(List.of());
    }

    private StructuredChat.Parsed<List<Lesson>> parse(String text, SuccessTrajectory trajectory, ReflectionContext context) {
        List<String> problems = new ArrayList<>();
        JsonNode node = LessonAnswers.parseObject(text, problems);
        if (node == null) {
            return StructuredChat.Parsed.invalid(problems);
        }
        JsonNode items = node.get("lessons");
        if (items == null || !items.isArray()) {
            return StructuredChat.Parsed.invalid(List.of("lessons must be a list"));
        }
        if (items.size() > MAX_LESSONS) {
            return StructuredChat.Parsed.invalid(List.of("lessons must hold at most " + MAX_LESSONS + " lessons but held " + items.size()));
        }
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "lessons[" + i + "].";
            JsonNode item = items.get(i);
            JsonNode index = item.get("failure");
            if (index == null || !index.isIntegralNumber() || index.asInt() < 1 || index.asInt() > trajectory.failures().size()) {
                problems.add(path + "failure must be the number of a failure, 1 to " + trajectory.failures().size());
                continue;
            }
            Lesson lesson = LessonAnswers.lesson(item, path, trajectory.failures().get(index.asInt() - 1), context.toolParameters(),
                    parameterSources, java.util.Set.of(), name(), context.now(), problems);
            if (lesson != null) {
                lessons.putIfAbsent(lesson.id(), lesson);
            }
        }
        return problems.isEmpty() ? StructuredChat.Parsed.valid(List.copyOf(lessons.values())) : StructuredChat.Parsed.invalid(problems);
    }
}
