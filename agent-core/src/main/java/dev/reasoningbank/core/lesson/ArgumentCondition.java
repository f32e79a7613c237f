package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.redact.Fingerprint;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on one argument of a tool call. Values that might be secret are kept only as
 * fingerprints ({@link Op#FINGERPRINT}); a host name is kept as it is, because a host is not a secret.
 *
 * @param parameter the argument's name, never blank
 * @param op how the argument is tested
 * @param value the operand: a fingerprint, a host, or empty for {@link Op#PRESENT} and {@link Op#MISSING}
 */
public record ArgumentCondition(String parameter, Op op, String value) {

    /** The closed list of tests an argument condition can make. */
    public enum Op {
        /** The argument's fingerprint equals {@code value} (the argument itself is never stored). */
        FINGERPRINT,
        /** The argument is a host, a host:port or a URL whose host (and port) equals {@code value}. */
        HOST,
        /** The argument is present and not blank. */
        PRESENT,
        /** The argument is absent or blank. */
        MISSING
    }

    public ArgumentCondition {
        notBlank(parameter, "parameter");
        notNull(op, "op");
        value = value == null ? "" : value;
        if ((op == Op.FINGERPRINT || op == Op.HOST) && value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank for a " + op + " condition on '" + parameter + "'");
        }
        if (op == Op.FINGERPRINT && !Fingerprint.isFingerprint(value)) {
            throw new IllegalArgumentException(
                    "value of a FINGERPRINT condition on '" + parameter + "' must be a fingerprint such as "
                            + "'hmac:0123456789abcdef', never a raw value");
        }
    }

    /** A condition that matches the same argument value again, remembering only its fingerprint. */
    public static ArgumentCondition sameValue(String parameter, Object rawValue) {
        return new ArgumentCondition(parameter, Op.FINGERPRINT, Fingerprint.of(String.valueOf(rawValue)));
    }

    public static ArgumentCondition host(String parameter, String host) {
        return new ArgumentCondition(parameter, Op.HOST, host);
    }

    public static ArgumentCondition present(String parameter) {
        return new ArgumentCondition(parameter, Op.PRESENT, "");
    }

    public static ArgumentCondition missing(String parameter) {
        return new ArgumentCondition(parameter, Op.MISSING, "");
    }

    /** Whether the given arguments of a call satisfy this condition. */
    public boolean matches(Map<String, ?> arguments) {
        Object argument = arguments.get(parameter);
        String text = argument == null ? null : String.valueOf(argument);
        return switch (op) {
            case FINGERPRINT -> text != null && Fingerprint.of(text).equals(value);
            case HOST -> text != null && value.equalsIgnoreCase(hostOf(text));
            case PRESENT -> text != null && !text.isBlank();
            case MISSING -> text == null || text.isBlank();
        };
    }

    /**
     * Whether a failed call met this condition, judged from its redacted arguments and the
     * fingerprints of its raw ones.
     */
    public boolean matches(Map<String, ?> redactedArguments, Map<String, String> fingerprints) {
        if (op == Op.FINGERPRINT) {
            return value.equals(fingerprints.get(parameter));
        }
        return matches(redactedArguments);
    }

    /**
     * The host (with its port, if any) that a host, host:port or URL argument names, without any user
     * information: {@code https://user:pw@db.example:5432/x} and {@code user:pw@db.example:5432} both
     * give {@code db.example:5432}.
     */
    public static String hostOf(String argument) {
        String trimmed = argument.trim();
        int scheme = trimmed.indexOf("://");
        String rest = scheme >= 0 ? trimmed.substring(scheme + 3) : trimmed;
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        return at >= 0 ? authority.substring(at + 1) : authority;
    }

    @Override
    public String toString() {
        return switch (op) {
            case FINGERPRINT -> parameter + " is " + value;
            case HOST -> parameter + " is host " + value;
            case PRESENT -> parameter + " is present";
            case MISSING -> parameter + " is missing";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArgumentCondition other
                && parameter.equals(other.parameter)
                && op == other.op
                && value.equalsIgnoreCase(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, op, value.toLowerCase(java.util.Locale.ROOT));
    }
}
