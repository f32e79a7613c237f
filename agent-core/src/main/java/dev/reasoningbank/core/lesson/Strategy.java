package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.atLeast;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a lesson tells the agent to do: a closed vocabulary. A reflector, even an LLM, can pick among
 * these and fill in their fields; it can never invent an action.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Strategy.ReplaceParam.class, name = "ReplaceParam"),
    @JsonSubTypes.Type(value = Strategy.SkipTask.class, name = "SkipTask"),
    @JsonSubTypes.Type(value = Strategy.RetryWithBackoff.class, name = "RetryWithBackoff"),
    @JsonSubTypes.Type(value = Strategy.UseAlternative.class, name = "UseAlternative"),
    @JsonSubTypes.Type(value = Strategy.FixArgument.class, name = "FixArgument"),
    @JsonSubTypes.Type(value = Strategy.Advice.class, name = "Advice")
})
public sealed interface Strategy {

    /** The names of the strategies, as they appear in a bank file and in a reflection prompt. */
    List<String> NAMES = List.of("ReplaceParam", "SkipTask", "RetryWithBackoff", "UseAlternative", "FixArgument", "Advice");

    /** This strategy's name in the vocabulary. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Replace an argument with a value from a configured {@code ParameterSource} (e.g. a credential
     * provider). The lesson names the source, never the value.
     *
     * @param parameter the argument to replace
     * @param source the key under which the parameter source holds the value
     */
    record ReplaceParam(String parameter, String source) implements Strategy {
        public ReplaceParam {
            notBlank(parameter, "parameter");
            notBlank(source, "source");
        }
    }

    /**
     * Do not call a host that is known to be down; once the lesson's expiry has passed, the next call
     * goes through as a probe: a learned circuit breaker.
     *
     * @param host the host (and port) that is down
     * @param skipFor how long to skip before probing again
     */
    record SkipTask(String host, Duration skipFor) implements Strategy {
        public SkipTask {
            notBlank(host, "host");
            notNull(skipFor, "skipFor");
            if (skipFor.isNegative() || skipFor.isZero()) {
                throw new IllegalArgumentException("skipFor must be positive but was " + skipFor);
            }
        }
    }

    /**
     * Wait and try again; a server's Retry-After takes precedence over the computed delay.
     *
     * @param maxRetries retries after the first call, at least 1
     * @param initialDelay the delay before the first retry
     * @param multiplier how the delay grows between retries, at least 1
     */
    record RetryWithBackoff(int maxRetries, Duration initialDelay, double multiplier) implements Strategy {
        public RetryWithBackoff {
            atLeast(maxRetries, 1, "maxRetries");
            notNull(initialDelay, "initialDelay");
            if (initialDelay.isNegative()) {
                throw new IllegalArgumentException("initialDelay must not be negative but was " + initialDelay);
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1.0 but was " + multiplier);
            }
        }

        /** The delay before retry number {@code retry} (1-based), unless the server said otherwise. */
        public Duration delayBefore(int retry, Optional<Duration> retryAfter) {
            if (retryAfter.isPresent()) {
                return retryAfter.get();
            }
            double factor = Math.pow(multiplier, Math.max(0, retry - 1));
            return Duration.ofMillis(Math.round(initialDelay.toMillis() * factor));
        }
    }

    /**
     * Use another endpoint, host or tool: set {@code parameter} to {@code value}, and call {@code tool}
     * instead when it is not blank.
     *
     * @param tool the alternative tool, or blank to keep the same tool
     * @param parameter the argument to change, or blank to change only the tool
     * @param value the argument's new value (an endpoint, a host), blank when only the tool changes
     */
    record UseAlternative(String tool, String parameter, String value) implements Strategy {
        public UseAlternative {
            tool = tool == null ? "" : tool;
            parameter = parameter == null ? "" : parameter;
            value = value == null ? "" : value;
            if (tool.isBlank() && (parameter.isBlank() || value.isBlank())) {
                throw new IllegalArgumentException("UseAlternative needs an alternative tool, or a parameter and its value");
            }
        }
    }

    /**
     * Fix an argument with a transform from a closed list.
     *
     * @param parameter the argument to fix
     * @param transform the transform
     * @param operand the transform's operand: a date pattern, a maximum, a default value; blank otherwise
     */
    record FixArgument(String parameter, Transform transform, String operand) implements Strategy {
        public FixArgument {
            notBlank(parameter, "parameter");
            notNull(transform, "transform");
            operand = operand == null ? "" : operand;
            transform.checkOperand(operand);
        }
    }

    /** Prompt-only: the lesson's content is advice for the model; nothing is done deterministically. */
    record Advice() implements Strategy {}

    /** The closed list of argument transforms. Each is idempotent: a fixed argument stays fixed. */
    enum Transform {
        /** Reformat a date into the pattern given as operand (e.g. {@code yyyy-MM-dd}). */
        DATE_FORMAT,
        /** Upper-case the value. */
        UPPERCASE,
        /** Lower-case the value. */
        LOWERCASE,
        /** Cap a number at the maximum given as operand. */
        CLAMP_MAX,
        /** Use the operand when the argument is missing or blank. */
        DEFAULT_IF_MISSING,
        /** Trim white space. */
        TRIM;

        /**
         * Date forms a value may come in, once normalized (ordinal suffixes and commas dropped, any of
         * {@code - . /} or a space as separator, written as {@code /}); a value that two of them read as
         * different dates is left alone.
         */
        private static final List<DateTimeFormatter> KNOWN_DATES = java.util.stream.Stream.of(
                        "uuuu/M/d", "d/M/uuuu", "M/d/uuuu", "d/M/uu", "M/d/uu", "uuuuMMdd",
                        "d/MMM/uuuu", "MMM/d/uuuu", "d/MMMM/uuuu", "MMMM/d/uuuu", "EEE/d/MMM/uuuu", "EEEE/MMMM/d/uuuu",
                        "uuuu/MMM/d", "d/MMM/uu", "MMM/d/uu")
                .map(p -> new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
                        .toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT))
                .toList();
        private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("(?i)(\\d{1,2})(st|nd|rd|th)\\b");
        private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("\\s*[-./,\\s]\\s*");

        /** {@code 27th Nov, 2026} as {@code 27/Nov/2026}: one form to read whatever the separators. */
        static String normalizedDate(String value) {
            String plain = ORDINAL.matcher(value.trim()).replaceAll("$1");
            return SEPARATORS.matcher(plain).replaceAll("/");
        }

        void checkOperand(String operand) {
            switch (this) {
                case DATE_FORMAT -> {
                    notBlank(operand, "operand of DATE_FORMAT");
                    try {
                        DateTimeFormatter.ofPattern(operand);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("operand of DATE_FORMAT is not a date pattern: " + operand, e);
                    }
                }
                case CLAMP_MAX -> {
                    try {
                        Long.parseLong(operand.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("operand of CLAMP_MAX must be a whole number but was '" + operand + "'", e);
                    }
                }
                case DEFAULT_IF_MISSING -> notBlank(operand, "operand of DEFAULT_IF_MISSING");
                default -> { }
            }
        }

        /**
         * Whether the value already has the form the transform gives: a date written in the pattern, a
         * number within the bound, a value in the case; a value the transform cannot change and that
         * does not fit (a date that reads two ways) cannot be fixed by it.
         */
        public boolean fits(Object value, String operand) {
            if (value == null) {
                return this != DEFAULT_IF_MISSING;
            }
            if (this == DATE_FORMAT) {
                try {
                    DateTimeFormatter.ofPattern(operand, Locale.ENGLISH).parse(String.valueOf(value).trim());
                    return true;
                } catch (java.time.DateTimeException | IllegalArgumentException doesNotFit) {
                    return false;
                }
            }
            return java.util.Objects.equals(apply(value, operand), value);
        }

        /** Applies the transform; returns the value unchanged when it does not apply. */
        public Object apply(Object value, String operand) {
            String text = value == null ? null : String.valueOf(value);
            return switch (this) {
                case DATE_FORMAT -> text == null ? null : reformatDate(text, operand);
                case UPPERCASE -> text == null ? null : text.toUpperCase(Locale.ROOT);
                case LOWERCASE -> text == null ? null : text.toLowerCase(Locale.ROOT);
                case TRIM -> text == null ? null : text.trim();
                case DEFAULT_IF_MISSING -> text == null || text.isBlank() ? operand : value;
                case CLAMP_MAX -> clamp(value, Long.parseLong(operand.trim()));
            };
        }

        private static Object clamp(Object value, long max) {
            if (value == null) {
                return null;
            }
            try {
                long number = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
                return number > max ? (value instanceof Number ? (Object) max : String.valueOf(max)) : value;
            } catch (NumberFormatException notANumber) {
                return value;
            }
        }

        /**
         * The date in {@code text} written in {@code pattern} (a pattern with a time gets the start of
         * that day, UTC); the text unchanged when it already fits, is no known date, or is ambiguous
         * ({@code 10/04/2027}: 10 April or 4 October): a silent wrong fix is worse than a failure.
         */
        private static String reformatDate(String text, String pattern) {
            String value = text.trim();
            DateTimeFormatter target = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            try {
                target.parse(value);
                return text;
            } catch (java.time.DateTimeException | IllegalArgumentException doesNotFitYet) {
                // reformat below
            }
            java.util.Set<LocalDate> readings = new java.util.HashSet<>();
            String normalized = normalizedDate(value);
            for (DateTimeFormatter known : KNOWN_DATES) {
                try {
                    readings.add(LocalDate.parse(normalized, known));
                } catch (DateTimeParseException ignored) {
                    // try the next known format
                }
            }
            try {
                readings.add(java.time.OffsetDateTime.parse(value).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate());
            } catch (DateTimeParseException ignored) {
                // not a date-time
            }
            if (readings.size() != 1) {
                return text;
            }
            LocalDate date = readings.iterator().next();
            try {
                return target.format(date.atStartOfDay(java.time.ZoneOffset.UTC));
            } catch (java.time.DateTimeException cannotWrite) {
                return text;
            }
        }
    }
}
