package dev.reasoningbank.core.agent;

import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the planner decided for one call: the lessons it retrieved (to show the model), the call as
 * the lessons rewrote it, and whether to skip it, probe it or retry it.
 *
 * @param requested the call as the task or the model asked for it, before any lesson
 * @param call the call to make, after every applicable strategy
 * @param retrieved the lessons retrieved, best first
 * @param applied the lessons whose strategy changed the call, with what they did
 * @param skip the lesson that says not to call now, if any
 * @param probe an expired skip lesson whose host this call will probe, if any
 * @param retry the backoff lesson to follow if the call fails, if any
 * @param refusal why the call is not made although its host is up, if it would fail in a way the agent cannot fix
 * @param advice lessons other tools learned on this call's host that do not hold for it: shown to a model, never applied
 */
public record Plan(
        ToolCall requested,
        ToolCall call,
        List<ScoredLesson> retrieved,
        List<AppliedLesson> applied,
        Optional<Skip> skip,
        Optional<Lesson> probe,
        Optional<Lesson> retry,
        Optional<Refusal> refusal,
        List<Lesson> advice) {

    public Plan {
        retrieved = List.copyOf(retrieved);
        applied = List.copyOf(applied);
        advice = List.copyOf(advice);
    }

    /** A lesson and what its strategy did to the call. */
    public record AppliedLesson(Lesson lesson, String action) {}

    /** Why and until when a call is skipped; {@link #explanation()} is what a model is told. */
    public record Skip(Lesson lesson, @Nullable Instant until) {
        public String explanation() {
            Strategy.SkipTask skip = (Strategy.SkipTask) lesson.strategy();
            return "Not called: host " + skip.host() + " is known to be down (lesson " + lesson.id() + ")"
                    + (until == null ? "" : "; it will be probed again after " + until) + ". Do not retry it now; "
                    + "use another host or tell the user it is unavailable.";
        }
    }

    /** Why a call is not made although its host is up: the lesson that knows it would fail, and why. */
    public record Refusal(Lesson lesson, String reason) {}

    /** What a model is told when the call is refused. */
    public Optional<String> refusalExplanation() {
        return refusal.map(r -> "Not called (lesson " + r.lesson().id() + "): " + r.reason()
                + ". Change the arguments, or tell the user what failed.");
    }

    public boolean skipped() {
        return skip.isPresent();
    }

    /** The lessons retrieved, then the advice, for a prompt. */
    public List<Lesson> lessons() {
        return java.util.stream.Stream.concat(retrieved.stream().map(ScoredLesson::lesson), advice.stream()).toList();
    }

    /** What a model is told of the advice: each lesson's tool and content, one a line; empty without advice. */
    public String adviceText() {
        return advice.stream().map(l -> "Advice from " + l.trigger().tool() + " on the same host (lesson " + l.id() + ", not applied here): "
                + l.content().replaceAll("\\s+", " ").strip()).collect(java.util.stream.Collectors.joining("\n"));
    }
}
