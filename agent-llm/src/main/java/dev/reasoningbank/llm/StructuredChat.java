package dev.reasoningbank.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.reasoningbank.core.internal.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Asks a chat model for one JSON object that matches a schema, validates the answer, re-asks with
 * the validation errors, and reports model errors once. Shared by the reflectors and the judge of one
 * run, so that they share one {@link LlmMetrics} and one circuit: after an error that retrying cannot
 * fix (server unreachable, unknown model, rejected key), or two timeouts in a row, the model is not
 * called for a cool-down ({@value #COOL_DOWN_MINUTES} minutes); then one call goes through (half-open,
 * as Resilience4j's breaker does): if it answers, the circuit closes, else it opens again. A
 * long-running service never loses reflection for good.
 *
 * <p>Every fallback writes exactly one warning line; once the circuit is open, later fallbacks are
 * silent (debug level), because the first line already said the model is not used any more.
 */
@Internal
public final class StructuredChat {

    private static final Logger log = LoggerFactory.getLogger(StructuredChat.class);

    /** How often a rejected answer is re-asked by default. */
    public static final int DEFAULT_MAX_REASKS = 2;

    private final ChatModel model;
    private final String label;
    private final Optional<LlmConfig> config;
    private final LlmMetrics metrics = new LlmMetrics();
    private volatile @Nullable ModelError circuit;
    private volatile java.time.@Nullable Instant openedAt;
    static final int COOL_DOWN_MINUTES = 5;
    private static final java.time.Duration COOL_DOWN = java.time.Duration.ofMinutes(COOL_DOWN_MINUTES);
    private java.time.Clock clock = java.time.Clock.systemUTC();
    /** A server that hangs would cost a full timeout per failure: after this many in a row, stop calling it. */
    private static final int MAX_TIMEOUTS_IN_A_ROW = 2;
    private final java.util.concurrent.atomic.AtomicInteger consecutiveTimeouts = new java.util.concurrent.atomic.AtomicInteger();

    private StructuredChat(ChatModel model, String label, Optional<LlmConfig> config) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        this.label = label;
        this.config = config;
    }

    /** The same chat on another clock, for tests of the cool-down. */
    StructuredChat withClock(java.time.Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /** A structured chat over the model the configuration describes. */
    public static StructuredChat of(LlmConfig config) {
        return of(ChatModels.create(config), config);
    }

    /** A structured chat over {@code model}, built from {@code config} (used for the label and error advice). */
    public static StructuredChat of(ChatModel model, LlmConfig config) {
        return new StructuredChat(model, config.label(), Optional.of(config));
    }

    /** A structured chat over any chat model; {@code label} (e.g. {@code ollama/qwen2.5:3b}) names it in provenance. */
    public static StructuredChat of(ChatModel model, String label) {
        return new StructuredChat(model, label, Optional.empty());
    }

    /** The provider and model, e.g. {@code ollama/qwen2.5:3b}. */
    public String label() {
        return label;
    }

    public LlmMetrics metrics() {
        return metrics;
    }

    /** Why the model is no longer called in this run, if it is not. */
    public Optional<ModelError> circuitOpenBecause() {
        return Optional.ofNullable(circuit);
    }

    /**
     * The result of parsing and validating one answer: a value, or the problems to send back.
     *
     * @param value the value, {@code null} when there are problems
     * @param problems what is wrong with the answer, empty when it is valid
     */
    public record Parsed<T>(@Nullable T value, List<String> problems) {

        public Parsed {
            problems = List.copyOf(problems);
            if (value == null && problems.isEmpty()) {
                throw new IllegalArgumentException("a Parsed without a value needs at least one problem");
            }
        }

        public static <T> Parsed<T> valid(T value) {
            return new Parsed<>(Objects.requireNonNull(value, "value must not be null"), List.of());
        }

        public static <T> Parsed<T> invalid(List<String> problems) {
            return new Parsed<>(null, problems);
        }
    }

    /**
     * What {@link #ask} got.
     *
     * @param value the validated value, or empty when the caller must fall back
     * @param fallbackReason a short reason for provenance when empty, e.g. "unreachable", "invalid answer"
     */
    public record Answer<T>(Optional<T> value, String fallbackReason) {}

    /**
     * Asks for one JSON object; re-asks at most {@code maxReasks} times with the problems of the
     * previous answer. Never returns an answer that {@code parser} did not accept.
     *
     * @param purpose what is asked, for the log (e.g. "reflection on a weather failure")
     * @param system the system message (may be empty)
     * @param user the user message
     * @param schema the JSON schema the answer must match
     * @param parser parses and validates the answer's text
     * @param maxReasks how often to re-ask, at least 0
     * @param fallback what the caller uses instead, for the warning line (e.g. "the rule-based reflector")
     */
    public <T> Answer<T> ask(String purpose, String system, String user, JsonSchema schema,
            Function<String, Parsed<T>> parser, int maxReasks, String fallback) {
        if (maxReasks < 0) {
            throw new IllegalArgumentException("maxReasks must be at least 0 but was " + maxReasks);
        }
        ModelError open = circuit;
        if (open != null && !clock.instant().isBefore(Objects.requireNonNull(openedAt, "openedAt is set whenever the circuit opens")
                .plus(COOL_DOWN))) {
            // half-open: this call tests whether the model is back; a failure opens the circuit again
            log.info("{}: trying {} again after {} minutes", purpose, label, COOL_DOWN_MINUTES);
            openedAt = clock.instant();
            open = null;
        }
        if (open != null) {
            metrics.recordFallback();
            log.debug("{}: not calling {} ({}); using {}", purpose, label, open.kind().shortText(), fallback);
            return new Answer<>(Optional.empty(), open.kind().shortText());
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(user));
        ResponseFormat format = ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
        List<String> problems = List.of();
        for (int attempt = 0; attempt <= maxReasks; attempt++) {
            if (attempt > 0) {
                metrics.recordReask();
                messages.add(UserMessage.from(reask(problems)));
            }
            ChatResponse response;
            try {
                response = model.chat(ChatRequest.builder().messages(messages).responseFormat(format).build());
            } catch (RuntimeException e) {
                metrics.recordFailedCall();
                return modelFailed(purpose, fallback, ModelError.of(e, config.orElse(null)));
            }
            metrics.recordCall(response.tokenUsage());
            if (circuit != null) {
                log.info("{}: {} answers again", purpose, label);
            }
            circuit = null;
            consecutiveTimeouts.set(0);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            Parsed<T> parsed = text == null || text.isBlank()
                    ? Parsed.invalid(List.of("the answer was empty; answer with one JSON object"))
                    : parser.apply(text);
            if (parsed.problems().isEmpty()) {
                T value = Objects.requireNonNull(parsed.value(), "a Parsed without problems has a value");
                metrics.recordAccepted();
                return new Answer<>(Optional.of(value), "");
            }
            problems = parsed.problems();
            messages.add(AiMessage.from(text == null || text.isBlank() ? "(empty)" : text));
        }
        metrics.recordFallback();
        log.warn("{}: {} gave no valid answer in {} attempts ({}); using {}", purpose, label, maxReasks + 1,
                cut(String.join("; ", problems)), fallback);
        return new Answer<>(Optional.empty(), "invalid answer");
    }

    private <T> Answer<T> modelFailed(String purpose, String fallback, ModelError error) {
        metrics.recordFallback();
        int timeoutsInARow = error.kind() == ModelError.Kind.TIMEOUT ? consecutiveTimeouts.incrementAndGet() : consecutiveTimeouts.getAndSet(0);
        if (error.kind().permanent() || timeoutsInARow >= MAX_TIMEOUTS_IN_A_ROW) {
            boolean first = circuit == null;
            openedAt = clock.instant(); // before the circuit, so that a caller who sees it open also sees when
            circuit = error;
            if (first) {
                log.warn("{}: {}; using {}, and not calling {} for {} minutes", purpose, error.message(), fallback, label, COOL_DOWN_MINUTES);
            } else {
                log.debug("{}: {}; using {}", purpose, error.message(), fallback);
            }
        } else {
            log.warn("{}: {}; using {}", purpose, error.message(), fallback);
        }
        return new Answer<>(Optional.empty(), error.kind().shortText());
    }

    private static String reask(List<String> problems) {
        return "Your answer was rejected:\n" + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
                + "\nAnswer again with one corrected JSON object that matches the schema.";
    }

    private static String cut(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
