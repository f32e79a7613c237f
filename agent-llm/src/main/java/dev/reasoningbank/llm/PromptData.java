package dev.reasoningbank.llm;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.reflect.ReflectionContext;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders failures and lessons as the data blocks of the prompts. Data is untrusted: a closing tag
 * inside it is defused ({@code </x>} becomes {@code < /x>}) so it cannot end its delimited block.
 */
@Internal
public final class PromptData {

    /** How much of a stack trace goes into a prompt. */
    static final int MAX_TRACE = 1_500;

    private PromptData() {}

    /** Untrusted text made safe to place between delimiters. */
    public static String data(String text) {
        return text == null ? "" : text.replace("</", "< /");
    }

    /** What a refinement adds to the failure: the lesson that was applied and did not work, and what happened. */
    static String refinement(ReflectionContext context) {
        return context.refining().map(failed -> data("\nA lesson was applied to this call and did NOT work; propose a different fix "
                + "(a tighter bound, another case, another date pattern...), or Advice if there is none:\n" + lesson(failed)
                + "\n  what happened: " + context.whatHappened())).orElse("");
    }

    /** The redacted failure as the reflect-failure prompt shows it. */
    static String failure(Failure f) {
        StringBuilder out = new StringBuilder();
        out.append("tool: ").append(f.tool()).append('\n');
        out.append("error kind: ").append(f.kind()).append('\n');
        if (f.httpStatus() > 0) {
            out.append("HTTP status: ").append(f.httpStatus()).append('\n');
        }
        f.failedHost().ifPresent(h -> out.append("host that failed: ").append(h).append('\n'));
        f.retryAfterHint().ifPresent(r -> out.append("server asked to retry after: ").append(r.toMillis()).append(" ms\n"));
        if (f.rootCause() != dev.reasoningbank.core.failure.RootCause.NONE) {
            out.append("root cause: ").append(f.rootCause()).append('\n');
        }
        out.append("exception: ").append(f.exceptionType()).append('\n');
        out.append("message: ").append(f.message()).append('\n');
        if (!f.errorCode().isEmpty()) {
            out.append("server's error code: ").append(f.errorCode()).append('\n');
        }
        if (!f.errorField().isEmpty()) {
            out.append("parameter the server names: ").append(f.errorField()).append('\n');
        }
        if (!f.headers().isEmpty()) {
            out.append("response headers: ").append(f.headers().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "))).append('\n');
        }
        f.successorHint().ifPresent(next -> out.append("successor the server names: ").append(next).append('\n'));
        if (!f.body().isEmpty() && !f.body().strip().equals(f.message())) {
            out.append("response body (excerpt): ").append(f.body().length() <= 600 ? f.body() : f.body().substring(0, 600) + "…").append('\n');
        }
        out.append("arguments: ").append(arguments(f.arguments())).append('\n');
        out.append("arguments a SAME_VALUE condition can match: ")
                .append(f.fingerprints().isEmpty() ? "none" : String.join(", ", f.fingerprints().keySet().stream().sorted().toList())).append('\n');
        String trace = f.trace().length() <= MAX_TRACE ? f.trace() : f.trace().substring(0, MAX_TRACE) + "…";
        out.append("trace:\n").append(trace.strip());
        return data(out.toString());
    }

    static String arguments(Map<String, ?> arguments) {
        return arguments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Lessons as a list the model can read; {@code none} when there are none. */
    public static String lessons(List<Lesson> lessons) {
        if (lessons.isEmpty()) {
            return "none";
        }
        return data(lessons.stream().map(PromptData::lesson).collect(Collectors.joining("\n")));
    }

    /** One lesson in three lines: what it is, when it applies, what to do. */
    /** A lesson's text as a model reads it: one line each, no control characters (they cannot forge structure). */
    private static String flat(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString().strip();
    }

    static String lesson(Lesson l) {
        String when = "tool " + l.trigger().tool() + ", " + l.trigger().errorKind() + " errors"
                + l.trigger().conditions().stream().map(PromptData::condition).map(c -> ", " + c).collect(Collectors.joining());
        return "- " + l.id() + " [" + l.strategy().type() + ", " + l.status().name().toLowerCase(java.util.Locale.ROOT) + "] " + flat(l.title()) + "\n"
                + "  when: " + when + "\n"
                + "  do: " + flat(l.content()) + action(l.strategy());
    }

    private static String condition(ArgumentCondition c) {
        return switch (c.op()) {
            case FINGERPRINT -> c.parameter() + " repeats the value that failed";
            case HOST -> c.parameter() + " targets host " + c.value();
            case PRESENT -> c.parameter() + " is given";
            case MISSING -> c.parameter() + " is missing";
        };
    }

    private static String action(Strategy strategy) {
        if (strategy instanceof Strategy.ReplaceParam r) {
            return " (applied automatically: " + r.parameter() + " comes from source '" + r.source() + "')";
        }
        if (strategy instanceof Strategy.SkipTask s) {
            return " (applied automatically: calls to " + s.host() + " are skipped)";
        }
        if (strategy instanceof Strategy.FixArgument f) {
            return " (applied automatically: " + f.transform() + (f.operand().isEmpty() ? "" : " " + f.operand()) + " on " + f.parameter() + ")";
        }
        return "";
    }
}
