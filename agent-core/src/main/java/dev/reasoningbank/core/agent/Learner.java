package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.InvalidLessonException;
import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonPolicy;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.tool.ParameterSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Reflect and Memorize half of the loop, shared by {@link LearningAgent} and the LangChain4j
 * integration. A failure the bank already knows only counts a recurrence of its lesson; a novel one is
 * reflected on, with the most similar lessons as context, and the lesson memorized. When a lesson was
 * applied to the call and its failure came back, the lesson did not work: the reflector is asked again,
 * told what happened, and the new lesson supersedes the old one. After
 * {@link dev.reasoningbank.core.bank.ReasoningBankConfig#maxRefinements()} refinements without success, or
 * when the bank holds only advice for a failure that came back, the exact call is marked as one the
 * agent cannot fix by itself and is not made again. Publishes {@code REFLECTED}, {@code MEMORIZED} and
 * {@code UNFIXABLE} events.
 */
final class Learner {

    /** Failures decided by the server's state at that moment: never marked unfixable. */
    private static final Set<ErrorKind> TRANSIENT = Set.of(ErrorKind.SERVER_ERROR, ErrorKind.RATE_LIMITED, ErrorKind.TIMEOUT,
            ErrorKind.HOST_DOWN, ErrorKind.UNKNOWN_HOST, ErrorKind.UNKNOWN);

    private final ReasoningBank bank;
    private final Reflector reflector;
    private final ParameterSource parameters;
    private final Consumer<AgentEvent> publish;
    private final LessonPolicy policy;

    Learner(ReasoningBank bank, Reflector reflector, ParameterSource parameters, Consumer<AgentEvent> publish, LessonPolicy policy) {
        this.bank = notNull(bank, "bank");
        this.reflector = notNull(reflector, "reflector");
        this.parameters = notNull(parameters, "parameters");
        this.publish = notNull(publish, "publish");
        this.policy = notNull(policy, "policy");
    }

    /** Learns from a failure of a call no lesson was applied to. */
    public Optional<Lesson> learn(String taskId, Failure failure, List<String> toolParameters) {
        return learn(taskId, failure, toolParameters, List.of());
    }

    /**
     * Learns from a failure of a tool with the given parameters.
     *
     * @param applied the lessons that were applied to the call, with what they did
     * @return the lesson now in the bank for this failure, or empty when nothing was learned
     */
    public Optional<Lesson> learn(String taskId, Failure failure, List<String> toolParameters, List<Plan.AppliedLesson> appliedToCall) {
        // a lesson transferred from another tool that did not work here was narrowed: this tool learns afresh
        List<Plan.AppliedLesson> applied = appliedToCall.stream().filter(a -> !a.lesson().isTransferTo(failure.tool())).toList();
        List<String> appliedIds = applied.stream().map(a -> a.lesson().id()).toList();
        Optional<Lesson> known = bank.lessonFor(failure, appliedIds);
        boolean canStop = !TRANSIENT.contains(failure.kind());
        if (known.isPresent()) {
            Lesson k = known.get();
            boolean reactive = k.strategy() instanceof Strategy.SkipTask || k.strategy() instanceof Strategy.RetryWithBackoff;
            if (!canStop || reactive) {
                Lesson updated = bank.recordRecurrence(k.id()).orElse(k);
                publish.accept(new AgentEvent.Memorized(taskId, updated, false));
                return Optional.of(updated);
            }
            if (!(k.strategy() instanceof Strategy.Advice)) {
                // the lesson was there and changed nothing in this call (no value to put in, nothing it can fix)
                return Optional.of(unfixable(taskId, failure, k.refinement() + 1,
                        "the bank knows this failure but nothing it holds changes this call, and the call failed again"));
            }
            // only advice is known: this call's values may still teach a fix (the advice came from another call)
            Optional<Lesson> fix = reflect(taskId, failure, toolParameters, null, "")
                    .filter(l -> !(l.strategy() instanceof Strategy.Advice));
            if (fix.isEmpty()) {
                bank.recordRecurrence(k.id());
                return Optional.of(unfixable(taskId, failure, k.refinement() + 1,
                        "the bank knows this failure but holds no fix for it, and the call failed again"));
            }
            return memorize(taskId, fix.get(), null);
        }
        Optional<Plan.AppliedLesson> failed = applied.stream().filter(a -> PlanRunner.targets(a.lesson(), failure)).findFirst();
        if (failed.isPresent() && canStop && failed.get().lesson().refinement() >= bank.config().maxRefinements()) {
            return Optional.of(unfixable(taskId, failure, failed.get().lesson().refinement() + 1,
                    (failed.get().lesson().refinement() + 1) + " lessons in a row did not fix it"));
        }
        Optional<Lesson> lesson = reflect(taskId, failure, toolParameters, failed.map(Plan.AppliedLesson::lesson).orElse(null),
                failed.map(f -> f.action() + "; then the call failed again: " + failure.summary()).orElse(""));
        if (failed.isPresent() && canStop && (lesson.isEmpty() || lesson.get().strategy().equals(failed.get().lesson().strategy())
                || lesson.get().strategy() instanceof Strategy.Advice)) {
            return Optional.of(unfixable(taskId, failure, failed.get().lesson().refinement() + 1,
                    "the lesson applied did not fix it and the reflector has nothing else to try"));
        }
        boolean triedByTransfer = lesson.isPresent() && appliedToCall.stream().anyMatch(a -> a.lesson().isTransferTo(failure.tool())
                && PlanRunner.targets(a.lesson(), failure) && a.lesson().strategy().equals(lesson.get().strategy()));
        if (failed.isEmpty() && canStop && triedByTransfer) {
            // what the reflector proposes is what another tool's lesson just did here, and it failed: this call cannot be fixed so
            return Optional.of(unfixable(taskId, failure, 0, "the fix a lesson of another tool applied did not work here, and it is all "
                    + "the reflector proposes"));
        }
        if (failed.isEmpty() && canStop && lesson.isPresent() && lesson.get().strategy() instanceof Strategy.Advice) {
            // the reflector found nothing that changes this call: making it again would only repeat the mistake
            Optional<Lesson> advice = memorize(taskId, lesson.get(), null);
            unfixable(taskId, failure, 0, "no lesson can change this call, so making it again would fail the same way");
            return advice;
        }
        if (lesson.isEmpty()) {
            return Optional.empty();
        }
        return memorize(taskId, lesson.get(), failed.map(f -> f.lesson().id()).orElse(null));
    }

    private Optional<Lesson> reflect(String taskId, Failure failure, List<String> toolParameters, @Nullable Lesson failedLesson,
            String whatHappened) {
        List<Lesson> similar = bank.retrieve(new RetrievalQuery(failure.tool(), Map.of(), failure.message(), failure.kind()), 3)
                .stream().map(ScoredLesson::lesson).toList();
        ReflectionContext context = new ReflectionContext(toolParameters, similar, bank.config().clock().instant(),
                parameters.keys().stream().sorted().toList(), failedLesson, whatHappened);
        Optional<Lesson> lesson = reflector.reflect(failure, context);
        publish.accept(new AgentEvent.Reflected(taskId, lesson.map(l -> l.provenance().reflector()).orElse(reflector.name()), lesson.orElse(null)));
        List<String> refused = lesson.map(l -> policy.problems(l, failure)).orElse(List.of());
        if (refused.isEmpty()) {
            return lesson;
        }
        // an unsafe strategy is never stored: the plain rules (no configuration, nothing the failure's text can steer) answer instead
        Optional<Lesson> plain = RuleBasedReflector.ofDefaults().reflect(failure, context).filter(l -> policy.problems(l, failure).isEmpty());
        publish.accept(new AgentEvent.Reflected(taskId, reflector.name() + " (refused by the lesson policy: " + String.join("; ", refused)
                + "; the plain rules answer instead)", plain.orElse(null)));
        return plain;
    }

    private Optional<Lesson> memorize(String taskId, Lesson lesson, @Nullable String supersedes) {
        try {
            MemorizeResult stored = bank.memorize(lesson, supersedes);
            publish.accept(new AgentEvent.Memorized(taskId, stored.lesson(), stored.created()));
            return Optional.of(stored.lesson());
        } catch (InvalidLessonException invalid) {
            publish.accept(new AgentEvent.Reflected(taskId, reflector.name() + " (refused: " + invalid.getMessage() + ")", null));
            return Optional.empty();
        }
    }

    private Lesson unfixable(String taskId, Failure failure, int refinement, String reason) {
        Lesson mark = bank.markUnfixable(failure, refinement, "The agent could not fix this by itself: " + reason + ".");
        publish.accept(new AgentEvent.Unfixable(taskId, mark, reason));
        return mark;
    }
}
