package dev.reasoningbank.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reflector that asks a model for the lesson: it renders {@code reflect-failure} with the redacted
 * failure, the tool's parameter names, the closed strategy vocabulary and the similar lessons, asks
 * for a JSON-schema answer, validates it (schema shape, vocabulary, parameters of the tool, lengths,
 * no secrets, no URLs or commands in action fields, hosts that really failed), and re-asks at most
 * {@code maxReasks} times with the problems found. Unvalidated output is never returned.
 *
 * <p>When the model cannot give a valid lesson, or cannot be reached, the fallback reflector (by
 * default the rule-based one) answers instead, one warning line is logged, and the lesson's
 * {@link Provenance#reflector()} says so, e.g. {@code rules (fallback: unreachable)}.
 *
 * <pre>{@code
 * Reflector reflector = LlmReflector.builder(StructuredChat.of(LlmConfig.fromEnvironment(System.getenv())))
 *         .fallback(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
 *         .parameterSources(List.of("weather.apiKey"))
 *         .build();
 * }</pre>
 */
public final class LlmReflector implements Reflector {

    private final StructuredChat chat;
    private final PromptTemplates templates;
    private final Reflector fallback;
    private final List<String> parameterSources;
    private final int maxReasks;

    private LlmReflector(Builder b, PromptTemplates templates) {
        this.chat = b.chat;
        this.templates = templates;
        this.fallback = b.fallback;
        this.parameterSources = List.copyOf(b.parameterSources);
        this.maxReasks = b.maxReasks;
    }

    public static Builder builder(StructuredChat chat) {
        return new Builder(chat);
    }

    /** {@code llm:<provider>/<model>}, as recorded in the provenance of its lessons. */
    @Override
    public String name() {
        return "llm:" + chat.label();
    }

    /** The calls and tokens this reflector's model used (shared with whatever else uses the same {@link StructuredChat}). */
    public LlmMetrics metrics() {
        return chat.metrics();
    }

    /** The fallback's configured alternatives: a model's lesson may switch only to these. */
    @Override
    public java.util.Set<String> alternatives() {
        return fallback.alternatives();
    }

    public Reflector fallback() {
        return fallback;
    }

    @Override
    public Optional<Lesson> reflect(Failure failure, ReflectionContext context) {
        Objects.requireNonNull(failure, "failure must not be null");
        Objects.requireNonNull(context, "context must not be null");
        List<String> sources = sourcesFor(context);
        PromptTemplates.Rendered prompt = templates.render(PromptTemplates.Name.REFLECT_FAILURE, Map.of(
                "tool", failure.tool(),
                "parameters", context.toolParameters().isEmpty() ? "(unknown)" : String.join(", ", context.toolParameters()),
                "strategies", LessonAnswers.VOCABULARY,
                "transforms", LessonAnswers.transforms(),
                "parameter_sources", sources.isEmpty() ? "(none configured)" : String.join(", ", sources),
                "failure", PromptData.failure(failure) + PromptData.refinement(context),
                "similar_lessons", PromptData.lessons(context.similarLessons())));
        JsonSchema schema = JsonSchema.builder().name("Lesson")
                .rootElement(LessonAnswers.lessonSchema(context.toolParameters(), sources, false)).build();
        StructuredChat.Answer<Lesson> answer = chat.ask("reflection on a failure of " + failure.tool(), prompt.system(), prompt.user(), schema,
                text -> parse(text, failure, context), maxReasks, "the " + fallback.name() + " reflector");
        if (answer.value().isPresent()) {
            return answer.value();
        }
        String reflector = fallback.name() + " (fallback: " + answer.fallbackReason() + ")";
        return fallback.reflect(failure, context).map(lesson -> lesson.toBuilder()
                .provenance(new Provenance(reflector, lesson.provenance().failure(), lesson.provenance().createdAt()))
                .build());
    }

    /** The sources given to this reflector, else the keys of the agent's parameter source: configured once. */
    private List<String> sourcesFor(ReflectionContext context) {
        return parameterSources.isEmpty() ? context.parameterSources() : parameterSources;
    }

    private StructuredChat.Parsed<Lesson> parse(String text, Failure failure, ReflectionContext context) {
        List<String> problems = new ArrayList<>();
        JsonNode node = LessonAnswers.parseObject(text, problems);
        Lesson lesson = node == null ? null
                : LessonAnswers.lesson(node, "", failure, context.toolParameters(), sourcesFor(context),
                        fallback.alternatives(), name(), context.now(), problems);
        if (lesson != null && context.refining().filter(failed -> failed.strategy().equals(lesson.strategy())).isPresent()) {
            problems.add("strategy: this is the lesson that was just applied and did not work; propose a different fix, or Advice");
            return StructuredChat.Parsed.invalid(problems);
        }
        return lesson == null ? StructuredChat.Parsed.invalid(problems) : StructuredChat.Parsed.valid(lesson);
    }

    /** Builds an {@link LlmReflector}; only the {@link StructuredChat} is required. */
    public static final class Builder {
        private final StructuredChat chat;
        private @Nullable PromptTemplates templates;
        private Reflector fallback = RuleBasedReflector.ofDefaults();
        private List<String> parameterSources = List.of();
        private int maxReasks = StructuredChat.DEFAULT_MAX_REASKS;

        private Builder(StructuredChat chat) {
            this.chat = Objects.requireNonNull(chat, "chat must not be null");
        }

        /** The prompt templates; default: the classpath ones. */
        public Builder templates(PromptTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates must not be null");
            return this;
        }

        /** Answers when the model cannot; default {@link RuleBasedReflector#ofDefaults()}. */
        public Builder fallback(Reflector fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
            return this;
        }

        /**
         * The keys a {@code ReplaceParam} lesson may name (the keys of the agent's {@code ParameterSource},
         * e.g. {@code weather.apiKey}); when given, the model can only choose among them.
         */
        public Builder parameterSources(List<String> keys) {
            this.parameterSources = List.copyOf(Objects.requireNonNull(keys, "parameterSources must not be null"));
            return this;
        }

        /** How often an invalid answer is re-asked with its problems; default 2, at most 5. */
        public Builder maxReasks(int maxReasks) {
            if (maxReasks < 0 || maxReasks > 5) {
                throw new IllegalArgumentException("maxReasks must be between 0 and 5 but was " + maxReasks);
            }
            this.maxReasks = maxReasks;
            return this;
        }

        public LlmReflector build() {
            PromptTemplates chosen = templates;
            if (chosen == null) {
                chosen = PromptTemplates.classpath();
                templates = chosen;
            }
            return new LlmReflector(this, chosen);
        }
    }
}
