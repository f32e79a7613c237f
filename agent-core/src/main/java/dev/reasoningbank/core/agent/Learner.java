package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.InvalidLessonException;
import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.tool.ParameterSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Reflect and Memorize half of the loop, shared by {@link LearningAgent} and the LangChain4j
 * integration: a failure the bank already knows only counts a recurrence of its lesson (no reflector
 * is asked again); a novel one is reflected on, with the most similar lessons as context, and the
 * lesson memorized. Publishes {@code REFLECTED} and {@code MEMORIZED} events.
 */
public final class Learner {

    private final ReasoningBank bank;
    private final Reflector reflector;
    private final ParameterSource parameters;
    private final Consumer<AgentEvent> publish;

    public Learner(ReasoningBank bank, Reflector reflector, ParameterSource parameters, Consumer<AgentEvent> publish) {
        this.bank = notNull(bank, "bank");
        this.reflector = notNull(reflector, "reflector");
        this.parameters = notNull(parameters, "parameters");
        this.publish = notNull(publish, "publish");
    }

    /**
     * Learns from a failure of a tool with the given parameters.
     *
     * @return the lesson now in the bank for this failure, or empty when nothing was learned
     */
    public Optional<Lesson> learn(String taskId, Failure failure, List<String> toolParameters) {
        Optional<Lesson> known = bank.lessonFor(failure);
        if (known.isPresent()) {
            Lesson updated = bank.recordRecurrence(known.get().id()).orElse(known.get());
            publish.accept(new AgentEvent.Memorized(taskId, updated, false));
            return Optional.of(updated);
        }
        List<Lesson> similar = bank.retrieve(new RetrievalQuery(failure.tool(), Map.of(), failure.message(), failure.kind()), 3)
                .stream().map(ScoredLesson::lesson).toList();
        ReflectionContext context = new ReflectionContext(toolParameters, similar, bank.config().clock().instant(),
                parameters.keys().stream().sorted().toList());
        Optional<Lesson> lesson = reflector.reflect(failure, context);
        publish.accept(new AgentEvent.Reflected(taskId, lesson.map(l -> l.provenance().reflector()).orElse(reflector.name()), lesson.orElse(null)));
        if (lesson.isEmpty()) {
            return Optional.empty();
        }
        try {
            MemorizeResult stored = bank.memorize(lesson.get());
            publish.accept(new AgentEvent.Memorized(taskId, stored.lesson(), stored.created()));
            return Optional.of(stored.lesson());
        } catch (InvalidLessonException invalid) {
            publish.accept(new AgentEvent.Reflected(taskId, reflector.name() + " (refused: " + invalid.getMessage() + ")", null));
            return Optional.empty();
        }
    }
}
