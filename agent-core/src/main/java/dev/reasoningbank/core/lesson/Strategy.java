package dev.reasoningbank.core.lesson;

import dev.reasoningbank.core.internal.MediaTypes;
import static dev.reasoningbank.core.internal.Checks.atLeast;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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

    /** What each strategy does, in one line each, as a reflection prompt lists the vocabulary. */
    String VOCABULARY = String.join("\n",
            "  - ReplaceParam (parameter, source): replace an argument with the value of a configured source, e.g. a rotated credential.",
            "  - SkipTask (host, skipForSeconds): stop calling a host that refused the connection for a while, then probe it once.",
            "  - RetryWithBackoff (maxRetries 1-10, initialDelayMillis, multiplier >= 1): wait and call again; for transient errors and rate limits.",
            "  - UseAlternative (tool, or parameter and value): call another tool, or set a parameter to another endpoint or host.",
            "  - FixArgument (parameter, transform, operand): fix an argument with a transform from the closed list.",
            "  - Advice (no fields): advice for the model only; nothing is done automatically.");

    /** What a model is told after a lesson that rewrites calls is learned. */
    String APPLIED_AUTOMATICALLY = "It is applied automatically from now on: call the tool again with the same arguments.";

    /** This strategy's name in the vocabulary. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * The call as this strategy rewrites it before it is made, with what it did in words; empty when it
     * changes nothing (advice, a skip or a backoff, which act around the call; a value already right; a
     * source with no value). {@code sources} holds the values a {@code ReplaceParam} takes,
     * {@code toolExists} the tools a {@code UseAlternative} may switch to.
     */
    default Optional<Rewrite> rewrite(ToolCall call, ParameterSource sources,
            Predicate<String> toolExists) {
        return Optional.empty();
    }

    /** What the strategy acts on before the call: a parameter, {@code @tool}, or nothing (empty). */
    default List<String> targets() {
        return List.of();
    }

    /** What a model is told happens next once a lesson with this strategy is learned. */
    default String nextStep() {
        return targets().isEmpty() ? "Take it into account before calling the tool again." : APPLIED_AUTOMATICALLY;
    }

    /**
     * How far a lesson with this strategy may hold: {@link Scope#TOOL} unless what it acts on is shared by
     * every tool that calls the same host (a host that is down, a credential that was rejected) or is the
     * API's convention for a parameter (a date format).
     */
    default Scope widestScope() {
        return Scope.TOOL;
    }

    /** The problems of this strategy for a tool with these parameters (empty list: unknown); none when it is fine. */
    default List<String> problems(List<String> toolParameters) {
        return List.of();
    }

    /** A call as a strategy rewrote it, and what it did, for the events. */
    record Rewrite(ToolCall call, String action) {}

    /**
     * Replace an argument with a value from a configured {@code ParameterSource} (e.g. a credential
     * provider). The lesson names the source, never the value.
     *
     * @param parameter the argument to replace
     * @param source the key under which the parameter source holds the value
     */
    record ReplaceParam(String parameter, String source) implements Strategy {

        /** A rejected credential or a host that is down is the same for every tool calling that host. */
        @Override
        public Scope widestScope() {
            return Scope.HOST;
        }

        public ReplaceParam {
            notBlank(parameter, "parameter");
            notBlank(source, "source");
        }

        @Override
        public Optional<Rewrite> rewrite(ToolCall call, ParameterSource sources,
                Predicate<String> toolExists) {
            return sources.value(source)
                    .filter(value -> !value.equals(String.valueOf(call.arguments().get(parameter))))
                    .map(value -> new Rewrite(call.withArgument(parameter, value),
                            "replaced " + parameter + " with the value from '" + source + "'"));
        }

        @Override
        public List<String> targets() {
            return List.of(parameter);
        }

        @Override
        public List<String> problems(List<String> toolParameters) {
            List<String> problems = new ArrayList<>();
            LessonValidator.knownParameter(problems, "ReplaceParam.parameter", parameter, toolParameters);
            LessonValidator.name(problems, "ReplaceParam.source", source);
            return problems;
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

        /** A rejected credential or a host that is down is the same for every tool calling that host. */
        @Override
        public Scope widestScope() {
            return Scope.HOST;
        }

        public SkipTask {
            notBlank(host, "host");
            notNull(skipFor, "skipFor");
            if (skipFor.isNegative() || skipFor.isZero()) {
                throw new IllegalArgumentException("skipFor must be positive but was " + skipFor);
            }
        }

        @Override
        public String nextStep() {
            return "Calls to host " + host + " are skipped for now: do not retry it; use another host or tell the user it is unavailable.";
        }

        @Override
        public List<String> problems(List<String> toolParameters) {
            List<String> problems = new ArrayList<>();
            LessonValidator.value(problems, "SkipTask.host", host);
            return problems;
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

        @Override
        public String nextStep() {
            return "The next calls back off and retry automatically.";
        }

        @Override
        public List<String> problems(List<String> toolParameters) {
            List<String> problems = new ArrayList<>();
            if (maxRetries > 10) {
                problems.add("RetryWithBackoff.maxRetries must be at most 10 but was " + maxRetries);
            }
            if (initialDelay.toMinutes() > 10) {
                problems.add("RetryWithBackoff.initialDelay must be at most 10 minutes but was " + initialDelay);
            }
            return problems;
        }

        /** The delay before retry number {@code retry} (1-based), unless the server said otherwise. */
        public Duration delayBefore(int retry, @Nullable Duration retryAfter) {
            if (retryAfter != null) {
                return retryAfter;
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

        @Override
        public Optional<Rewrite> rewrite(ToolCall call, ParameterSource sources,
                Predicate<String> toolExists) {
            ToolCall planned = call;
            if (!tool.isBlank() && !tool.equals(call.tool()) && toolExists.test(tool)) {
                planned = planned.withTool(tool);
            }
            if (!parameter.isBlank()) {
                planned = planned.withArgument(parameter, value);
            }
            return planned.equals(call) ? Optional.empty() : Optional.of(new Rewrite(planned, "switched to "
                    + (tool.isBlank() ? "" : tool + " ") + (parameter.isBlank() ? "" : parameter + " = "
                            + Redactor.standard().redact(value))));
        }

        @Override
        public List<String> targets() {
            return Stream.of(tool.isBlank() ? null : "@tool", parameter.isBlank() ? null : parameter)
                    .filter(Objects::nonNull).toList();
        }

        @Override
        public List<String> problems(List<String> toolParameters) {
            List<String> problems = new ArrayList<>();
            if (!tool.isBlank()) {
                LessonValidator.name(problems, "UseAlternative.tool", tool);
            }
            if (!parameter.isBlank()) {
                LessonValidator.knownParameter(problems, "UseAlternative.parameter", parameter, toolParameters);
                LessonValidator.value(problems, "UseAlternative.value", value);
            }
            return problems;
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

        /**
         * A date format or a letter case is the API's convention: it holds for the same parameter of the
         * host's other tools. A clamp or a default is not (endpoints differ in limits and defaults, and a
         * wrong one changes a call's meaning without failing, so nothing would narrow it).
         */
        @Override
        public Scope widestScope() {
            return transform.isConvention() ? Scope.PARAMETER : Scope.TOOL;
        }

        @Override
        public Optional<Rewrite> rewrite(ToolCall call, ParameterSource sources,
                Predicate<String> toolExists) {
            Object before = call.arguments().get(parameter);
            Object after = transform.apply(before, operand);
            if (Objects.equals(before, after)) {
                return Optional.empty();
            }
            boolean printable = !Redactor.isSecretName(parameter) && String.valueOf(after).length() <= 40;
            return Optional.of(new Rewrite(call.withArgument(parameter, after), transform + " on " + parameter
                    + (printable ? " -> " + Redactor.standard().redact(String.valueOf(after)) : "")));
        }

        /** Whether the call's value cannot be fixed by this transform: it does not fit and the transform leaves it as it is. */
        public boolean cannotFix(ToolCall call) {
            Object value = call.arguments().get(parameter);
            return Objects.equals(transform.apply(value, operand), value) && !transform.fits(value, operand);
        }

        @Override
        public List<String> targets() {
            return List.of(parameter);
        }

        @Override
        public List<String> problems(List<String> toolParameters) {
            List<String> problems = new ArrayList<>();
            LessonValidator.knownParameter(problems, "FixArgument.parameter", parameter, toolParameters);
            if (!operand.isEmpty() && LessonValidator.COMMAND.matcher(operand).find() && !MediaTypes.isMediaType(operand)) {
                problems.add("FixArgument.operand must be a plain value, not '" + LessonValidator.cut(operand) + "'");
            }
            LessonValidator.noSecret(problems, "FixArgument.operand", operand);
            return problems;
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
        TRIM,
        /**
         * Write the value as the one of the operand's values (separated by commas) it equals but for its letters' case,
         * when the API's values mix cases ({@code hot} as {@code Hot} among {@code Active,Hot,TopDay}); any other value stays.
         */
        MATCH_CASE;

        /** Whether it writes a value the way the API writes all such values, keeping what the value means. */
        boolean isConvention() {
            return this == DATE_FORMAT || this == UPPERCASE || this == LOWERCASE;
        }

        /**
         * Date forms a value may come in, once normalized (ordinal suffixes and commas dropped, any of
         * {@code - . /} or a space as separator, written as {@code /}); a value that two of them read as
         * different dates is left alone.
         */
        private static final List<DateTimeFormatter> KNOWN_DATES = Stream.of(
                        "uuuu/M/d", "d/M/uuuu", "M/d/uuuu", "d/M/uu", "M/d/uu", "uuuuMMdd",
                        "d/MMM/uuuu", "MMM/d/uuuu", "d/MMMM/uuuu", "MMMM/d/uuuu", "EEE/d/MMM/uuuu", "EEEE/MMMM/d/uuuu",
                        "uuuu/MMM/d", "d/MMM/uu", "MMM/d/uu")
                .map(p -> new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
                        .toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT))
                .toList();
        private static final Pattern DOTTED = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}");
        private static final List<DateTimeFormatter> DAY_FIRST = Stream.of("d/M/uuuu", "d/M/uu")
                .map(p -> new java.time.format.DateTimeFormatterBuilder().appendPattern(p).toFormatter(Locale.ENGLISH)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                .toList();
        private static final Pattern ORDINAL = Pattern.compile("(?i)(\\d{1,2})(st|nd|rd|th)\\b");
        private static final Pattern SEPARATORS = Pattern.compile("\\s*[-./,\\s]\\s*");

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
                case MATCH_CASE -> notBlank(operand, "operand of MATCH_CASE (the API's values, separated by commas)");
                default -> { }
            }
        }

        /**
         * Whether the value already has the form the transform gives: a date written in the pattern, a
         * number within the bound, a value in the case; a value the transform cannot change and that
         * does not fit (a date that reads two ways) cannot be fixed by it.
         */
        public boolean fits(@Nullable Object value, String operand) {
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
            return Objects.equals(apply(value, operand), value);
        }

        /** Applies the transform; returns the value unchanged when it does not apply. */
        public @Nullable Object apply(@Nullable Object value, String operand) {
            String text = value == null ? null : String.valueOf(value);
            return switch (this) {
                case DATE_FORMAT -> text == null ? null : reformatDate(text, operand);
                case UPPERCASE -> text == null ? null : text.toUpperCase(Locale.ROOT);
                case LOWERCASE -> text == null ? null : text.toLowerCase(Locale.ROOT);
                case TRIM -> text == null ? null : text.trim();
                case DEFAULT_IF_MISSING -> text == null || text.isBlank() ? operand : value;
                case CLAMP_MAX -> clamp(value, Long.parseLong(operand.trim()));
                case MATCH_CASE -> text == null ? null : inCaseOf(text, operand);
            };
        }

        private static String inCaseOf(String text, String values) {
            for (String value : values.split(",")) {
                if (!value.isBlank() && value.strip().equalsIgnoreCase(text.strip())) {
                    return value.strip();
                }
            }
            return text;
        }

        private static @Nullable Object clamp(@Nullable Object value, long max) {
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

        /** A pattern letter of the hour: the pattern writes a time. */
        private static final java.util.regex.Pattern HOUR = java.util.regex.Pattern.compile("[HhkK]");

        /**
         * The date in {@code text} written in {@code pattern}: a date-time with an offset as its time in UTC,
         * a date alone, in a pattern with a time, as the start of that day in UTC. The text unchanged when it
         * already fits, is no known date, is ambiguous ({@code 10/04/2027}: 10 April or 4 October) or would
         * lose part of its time (seconds in a pattern without them): a silent wrong fix is worse than a failure.
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
            if (HOUR.matcher(pattern.replaceAll("'[^']*'", "")).find()) {
                try {
                    // a date-time with its offset, asked for with a time: its time in UTC (never the start of its day), whole or not at all
                    java.time.ZonedDateTime utc = java.time.OffsetDateTime.parse(value).atZoneSameInstant(java.time.ZoneOffset.UTC);
                    String written = target.format(utc);
                    return java.time.LocalDateTime.from(target.parse(written)).equals(utc.toLocalDateTime()) ? written : text;
                } catch (java.time.DateTimeException notAnOffsetDateTime) {
                    // a date, or a date-time in another form: read below
                }
            }
            Set<LocalDate> readings = new HashSet<>();
            String normalized = normalizedDate(value);
            // a dotted numeric date is day first wherever dots are used (27.11.2026): it has one reading
            List<DateTimeFormatter> candidates = DOTTED.matcher(value).matches() ? DAY_FIRST : KNOWN_DATES;
            for (DateTimeFormatter known : candidates) {
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
