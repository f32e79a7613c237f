package dev.reasoningbank.bench.run;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.failure.Failure;
import java.util.Set;

/**
 * What makes two failed calls "the same mistake", computed from the redacted {@link Failure} alone,
 * identically for every policy: {@code tool | error kind | normalized message | host}. The message is
 * normalized by core's {@code ErrorSignature} (numbers, quoted values, host names and paths become
 * placeholders); the host is kept only for the host kinds (refused, unresolvable), whose messages are
 * otherwise alike.
 */
public final class FailureSignature {

    /**
     * Kinds decided by the server's state at that moment (an outage, other clients' quota, a 5xx): no
     * lesson can prevent the first such failure, only answer it (retry, skip), so they are never
     * counted as repeated mistakes; the wasted-call and wrong-skip metrics measure how they are handled.
     */
    public static final Set<ErrorKind> SERVER_STATE_KINDS = Set.of(ErrorKind.SERVER_ERROR, ErrorKind.RATE_LIMITED, ErrorKind.HOST_DOWN);

    private FailureSignature() {}

    public static String of(Failure f) {
        boolean hostKind = f.kind() == ErrorKind.HOST_DOWN || f.kind() == ErrorKind.UNKNOWN_HOST;
        return f.tool() + " | " + f.kind() + " | " + f.signature() + (hostKind ? " | " + f.failedHost().orElse("?") : "");
    }

    /** Whether a lesson could prevent this failure from happening again. */
    public static boolean avoidable(Failure f) {
        return !SERVER_STATE_KINDS.contains(f.kind());
    }
}
