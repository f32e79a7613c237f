package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.maxLength;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.redact.Fingerprint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a lesson applies: a tool, the kind of error it raised, the error's normalized signature and
 * conditions on the call's arguments. Two lessons with equal triggers are the same lesson.
 *
 * @param tool the tool's name, never blank
 * @param errorKind the kind of error the lesson was learned from
 * @param signature the normalized error message (see {@link ErrorSignature}); may be empty
 * @param conditions conditions every one of which a call's arguments must meet; never {@code null}
 */
public record Trigger(String tool, ErrorKind errorKind, String signature, List<ArgumentCondition> conditions) {

    public Trigger {
        notBlank(tool, "tool");
        notNull(errorKind, "errorKind");
        signature = maxLength(signature == null ? "" : signature, ErrorSignature.MAX_LENGTH, "signature");
        conditions = conditions == null || conditions.isEmpty() ? List.of()
                : conditions.size() == 1 && conditions.get(0) != null ? List.of(conditions.get(0))
                : conditions.stream().sorted(BY_PARAMETER_AND_OP).distinct().toList();
    }

    /** Equal components. The signature, which tells most triggers of a tool apart, is compared first: a bank compares many. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Trigger t && signature.equals(t.signature) && tool.equals(t.tool) && errorKind == t.errorKind
                && conditions.equals(t.conditions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tool, errorKind, signature, conditions);
    }

    private static final Comparator<ArgumentCondition> BY_PARAMETER_AND_OP =
            Comparator.comparing(ArgumentCondition::parameter).thenComparing(ArgumentCondition::op);

    public static Trigger of(String tool, ErrorKind errorKind, String signature, ArgumentCondition... conditions) {
        return new Trigger(tool, errorKind, signature, List.of(conditions));
    }

    /** Whether a call to {@code toolName} with these arguments meets this trigger's tool and conditions. */
    public boolean matchesCall(String toolName, Map<String, ?> arguments) {
        return tool.equals(toolName) && conditions.stream().allMatch(c -> c.matches(arguments));
    }

    /** Whether a failed call (redacted arguments plus fingerprints) meets this trigger's tool and conditions. */
    public boolean matchesFailedCall(String toolName, Map<String, ?> redactedArguments, Map<String, String> fingerprints) {
        if (!tool.equals(toolName)) {
            return false;
        }
        for (ArgumentCondition condition : conditions) {
            if (!condition.matches(redactedArguments, fingerprints)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How specific the trigger is, for deciding between two lessons that act on the same parameter or
     * host: a condition on a value (a fingerprint, a host) counts 2, one on presence 1.
     */
    public int specificity() {
        return conditions.stream().mapToInt(c -> c.op() == ArgumentCondition.Op.FINGERPRINT || c.op() == ArgumentCondition.Op.HOST ? 2 : 1).sum();
    }

    /** A stable key that equal triggers share: used to de-duplicate and to derive lesson ids. */
    public String key() {
        String conditionKey = conditions.stream().map(c -> c.parameter() + c.op() + c.value().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(","));
        return tool + "|" + errorKind + "|" + signature + "|" + conditionKey;
    }

    /** A lesson id derived from the trigger, so that every process names the same lesson alike. */
    public String lessonId() {
        return "L-" + Fingerprint.hex(key()).substring(0, 10);
    }
}
