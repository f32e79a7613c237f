package dev.reasoningbank.core.reflect;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.failure.HostNames;
import dev.reasoningbank.core.internal.DataTokens;
import dev.reasoningbank.core.internal.MediaTypes;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Strategy.Transform;
import dev.reasoningbank.core.redact.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic reflector: ordered rules from the kind and message of an error to a lesson. The
 * first rule that recognises the failure writes the lesson; the last one always gives advice. It
 * needs no model, runs offline and keeps tests reproducible.
 *
 * <pre>{@code
 * Reflector rules = RuleBasedReflector.builder()
 *         .credential("apiKey", "weather.apiKey")          // 401 -> ReplaceParam from this source key
 *         .alternative("/v1/forecast", "/v2/forecast")     // 404/410 -> UseAlternative
 *         .skipFor(Duration.ofMinutes(5))                  // connection refused -> SkipTask for 5 min
 *         .sizeLimitOnTimeout("days", 7)                   // timeout with days > 7 -> FixArgument CLAMP_MAX 7
 *         .build();
 * }</pre>
 */
public final class RuleBasedReflector implements Reflector {

    /** The longest a backoff lesson of the rules waits in all. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** The name in the provenance of its lessons. */
    public static final String NAME = "rules";


    private final List<ReflectionRule> rules;
    private final Set<String> alternatives;

    private RuleBasedReflector(List<ReflectionRule> rules, Set<String> alternatives) {
        this.rules = List.copyOf(rules);
        this.alternatives = Set.copyOf(alternatives);
    }

    /** The configured alternatives (endpoints, hosts, tools): the only ones a lesson may switch to. */
    @Override
    public Set<String> alternatives() {
        return alternatives;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default rules with no credentials and no alternatives configured. */
    public static RuleBasedReflector ofDefaults() {
        return builder().build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Lesson> reflect(Failure failure, ReflectionContext context) {
        Optional<LessonDraft> next = nextCandidate(failure, context);
        if (next.isPresent()) {
            return next.map(d -> d.toLesson(failure, NAME, context.now()));
        }
        for (ReflectionRule rule : rules) {
            Optional<LessonDraft> draft = rule.apply(failure, context);
            if (draft.isPresent()) {
                return draft.map(d -> refined(d, context)).map(d -> d.toLesson(failure, NAME, context.now()));
            }
        }
        return Optional.empty();
    }

    /**
     * When refining a {@code FixArgument} lesson that did not work and the failure is still about its
     * parameter, the next candidate for it (see {@link #refined}); else empty.
     */
    private static Optional<LessonDraft> nextCandidate(Failure failure, ReflectionContext context) {
        if (context.refining().isEmpty() || !(context.refining().get().strategy() instanceof Strategy.FixArgument fix)) {
            return Optional.empty();
        }
        String p = fix.parameter();
        boolean aboutIt = p.equalsIgnoreCase(failure.errorField())
                || Pattern.compile("\\b" + Pattern.quote(p.toLowerCase(Locale.ROOT)) + "\\b").matcher(failure.message().toLowerCase(Locale.ROOT)).find();
        if (!aboutIt) {
            return Optional.empty();
        }
        Lesson failed = context.refining().get();
        LessonDraft same = new LessonDraft(failed.title(), failed.description(), failed.content(), fix,
                List.of(ArgumentCondition.present(p)), null);
        LessonDraft next = refined(same, context);
        return next == same ? Optional.empty() : Optional.of(next);
    }

    /**
     * When the rules would propose again the lesson that was applied and did not work, the next
     * candidate instead: a bound that still fails at its value is exclusive (tighten by one); a case
     * that did not help gives way to the other case; a date pattern to the date-time one, then to the
     * one with milliseconds. Anything else stays as proposed (the loop then marks the call unfixable).
     */
    static LessonDraft refined(LessonDraft draft, ReflectionContext context) {
        if (context.refining().isEmpty() || !draft.strategy().equals(context.refining().get().strategy())
                || !(draft.strategy() instanceof Strategy.FixArgument fix)) {
            return draft;
        }
        String p = fix.parameter();
        Optional<Strategy.FixArgument> next = switch (fix.transform()) {
            case CLAMP_MAX -> {
                long max = Long.parseLong(fix.operand().trim());
                yield max > 0 ? Optional.of(new Strategy.FixArgument(p, Transform.CLAMP_MAX, String.valueOf(max - 1))) : Optional.empty();
            }
            case UPPERCASE -> Optional.of(new Strategy.FixArgument(p, Transform.LOWERCASE, ""));
            case LOWERCASE -> Optional.of(new Strategy.FixArgument(p, Transform.UPPERCASE, ""));
            case DATE_FORMAT -> NEXT_DATE_PATTERN.containsKey(fix.operand())
                    ? Optional.of(new Strategy.FixArgument(p, Transform.DATE_FORMAT, NEXT_DATE_PATTERN.get(fix.operand()))) : Optional.empty();
            default -> Optional.empty();
        };
        return next.map(n -> new LessonDraft(
                        cut(draft.title() + " (refined: " + describe(n) + ")", Lesson.MAX_TITLE),
                        draft.description(),
                        cut(draft.content() + " Refined: " + describe(fix) + " did not work (" + context.whatHappened() + "); "
                                + describe(n) + " instead.", Lesson.MAX_CONTENT),
                        n, draft.conditions(), null))
                .orElse(draft);
    }

    private static final Map<String, String> NEXT_DATE_PATTERN = Map.of(
            "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssXXX",
            "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static String describe(Strategy.FixArgument fix) {
        return fix.transform() + (fix.operand().isEmpty() ? "" : " " + fix.operand()) + " on " + fix.parameter();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Configures the rules; custom rules run before the built-in ones, in the order they were added. */
    public static final class Builder {
        private final List<ReflectionRule> customRules = new ArrayList<>();
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private final Map<String, String> scopedCredentials = new LinkedHashMap<>();
        private final Map<String, String> alternatives = new LinkedHashMap<>();
        private final Map<String, Long> sizeLimits = new LinkedHashMap<>();
        private Duration skipFor = Duration.ofMinutes(10);
        private Duration transientFor = Duration.ofMinutes(30);

        private Builder() {}

        /** On an authentication failure (401), replace {@code parameter} with the value under {@code sourceKey}. */
        public Builder credential(String parameter, String sourceKey) {
            credentials.put(credentialName(parameter), notBlank(sourceKey, "sourceKey"));
            return this;
        }

        /** On a permission failure (403), replace {@code parameter} with the value under {@code sourceKey}, which has the scope. */
        public Builder scopedCredential(String parameter, String sourceKey) {
            scopedCredentials.put(credentialName(parameter), notBlank(sourceKey, "sourceKey"));
            return this;
        }

        /** A lesson puts a secret only into a parameter named for one, which is redacted everywhere: a credential's name must say it is one. */
        private static String credentialName(String parameter) {
            if (!Redactor.isSecretName(notBlank(parameter, "parameter"))) {
                throw new IllegalArgumentException("a credential parameter's name must say it is one, so that its values are redacted everywhere: '"
                        + parameter + "' does not; name the tool's parameter for what it holds, like 'password', 'apiKey' or 'token', "
                        + "and let the tool send it under the server's name");
            }
            return parameter;
        }

        /** A gone endpoint, a host that does not resolve or a tool that fails has this alternative. */
        public Builder alternative(String value, String alternative) {
            alternatives.put(notBlank(value, "value"), notBlank(alternative, "alternative"));
            return this;
        }

        /**
         * A call whose {@code parameter} (a page size, a number of days) exceeds {@code max} is too large
         * to be answered in time: on a timeout of such a call, cap the parameter at {@code max} instead
         * of retrying the same oversized request.
         */
        public Builder sizeLimitOnTimeout(String parameter, long max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be at least 1 but was " + max + " for '" + parameter + "'");
            }
            sizeLimits.put(notBlank(parameter, "parameter"), max);
            return this;
        }

        /** How long a host that refused a connection is skipped before a probe; default 10 minutes. */
        public Builder skipFor(Duration duration) {
            this.skipFor = new Strategy.SkipTask("any", notNull(duration, "skipFor")).skipFor();
            return this;
        }

        /** How long a lesson about a transient server error (5xx, timeout) lives; default 30 minutes. */
        public Builder transientFor(Duration duration) {
            this.transientFor = notNull(duration, "transientFor");
            return this;
        }

        /** Adds a rule that runs before the built-in ones. */
        public Builder rule(ReflectionRule rule) {
            customRules.add(notNull(rule, "rule"));
            return this;
        }

        public RuleBasedReflector build() {
            List<ReflectionRule> all = new ArrayList<>(customRules);
            all.add(this::credentialRule);
            all.add(this::hostDownRule);
            all.add(this::unknownHostRule);
            all.add(this::rateLimitRule);
            all.add(this::goneRule);
            all.add(Builder::validationRule);
            all.add(this::oversizedRule);
            all.add(this::transientRule);
            all.add(Builder::adviceRule);
            return new RuleBasedReflector(all, new java.util.HashSet<>(alternatives.values()));
        }

        /**
         * The whole message of a field that holds a credential, the field before it or not, saying it was refused ("refresh_token: Token
         * has expired."): never its shape refused ("must be 40 characters", "has an invalid format"), nor another field's error beside it.
         */
        private static final Pattern FIELD_REJECTED = Pattern.compile(
                // (never "Format invalid", "encoding is invalid", "Signature algorithm not valid": a part of it refused)
                "^(?:[\\w.-]{1,60}:\\s*)?(?:(?:the|this|your)\\s+)?(?:(?:api|access|auth|refresh|session|bearer|id)\\s+)?(?:token|key|credentials?|secret)?"
                + "\\s*(?:is |was |has been |has )?(?:invalid|expired|revoked|not valid)\\s*[.!]?\\s*$");

        /** The name a message says is missing: 'The "X-Auth-Token" header is required.', "Missing parameter: api_key". */
        private static final Pattern REQUIRED = Pattern.compile("(?i)(?:^|[\\s\"'`(])[\"'`]?([\\w-]{1,60})[\"'`]?\\s+(?:(?:header|parameter|param|field|argument)\\s+)?"
                + "(?:(?:is|are) (?:required|missing|blank|empty)|must be (?:provided|present|set|supplied|given)|(?:cannot|can't|must not|may not) be (?:blank|empty))\\s*[.!]?\\s*$"
                + "|\\bmissing (?:required )?(?:(?:header|parameter|param|field|argument)s?\\s*)?:?\\s*[\"'`]?([\\w-]{1,60})[\"'`]?\\s*[.!]?\\s*$");

        /** The names a message says are missing, each as {@link #bareName} writes it. */
        private static java.util.Set<String> requiredNames(String message) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (String sentence : message.split("(?<=[.!])\\s+|;\\s+|:\\s+(?=[A-Z\"'`])")) {
                Matcher m = REQUIRED.matcher(sentence.strip());
                if (m.find()) {
                    names.add(bareName(m.group(1) != null ? m.group(1) : m.group(2)));
                }
            }
            return names;
        }

        /** A parameter's or a header's name without its case, its separators and a leading X-: {@code X-Auth-Token} is {@code authtoken}. */
        private static String bareName(String name) {
            return name.toLowerCase(Locale.ROOT).replaceFirst("^x-", "").replaceAll("[-_ ]", "");
        }

        private Optional<LessonDraft> credentialRule(Failure f, ReflectionContext context) {
            String said = f.message().toLowerCase(Locale.ROOT);
            Map<String, String> sources = f.kind() == ErrorKind.AUTH ? withSourcesOf(context, f)
                    : f.kind() == ErrorKind.FORBIDDEN ? scopedCredentials
                    // Buildkite's 400 "Invalid pipeline trigger token" for trigger_token: a credential argument the message names as rejected
                    : f.kind() == ErrorKind.VALIDATION ? withSourcesOf(context, f).entrySet().stream()
                            .filter(e -> Pattern.compile("\\b(?:invalid|expired|revoked)\\s+(?:or (?:invalid|expired|revoked)\\s+)?"
                                    // one word may qualify it ("pipeline"), but not one that makes it data ("page token")
                                    + "(?:(?!(?:" + DataTokens.QUALIFIERS + ")\\b)[a-z]+\\s+)?" + Pattern.quote(ServerHints.asWords(e.getKey())) + "\\b")
                                    .matcher(said).find()
                                    // Brave Search's 422 "The provided subscription token is invalid." for subscription_token
                                    // (the whole message, the argument named by no word but "the provided": never "The page token is invalid.",
                                    // "… is invalid for this plan", "… is invalid: must be 32 characters")
                                    || Pattern.compile("^(?:(?:the|your|this)\\s+)?(?:(?:provided|given|supplied|specified)\\s+)?"
                                            + Pattern.quote(ServerHints.asWords(e.getKey()))
                                            + "\\s+(?:is|was|has been|has)\\s+(?:invalid|expired|revoked|not valid)\\s*[.!]?\\s*$").matcher(said.strip()).find()
                                    // SignalWire's 422 "Token has expired." of the error's field refresh_token: the credential it names, rejected
                                    || e.getKey().equalsIgnoreCase(f.errorField()) && FIELD_REJECTED.matcher(said).find()
                                    // Falcon's 400 'The "X-Auth-Token" header is required.' for a blank auth_token: the one configured fills it
                                    || isBlank(f.arguments().get(e.getKey())) && requiredNames(f.message()).contains(bareName(e.getKey())))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))
                    : Map.of();
            // replacing this one was tried and the call still failed: of several credentials, another one was rejected
            Optional<String> tried = context.refining().map(Lesson::strategy)
                    .filter(Strategy.ReplaceParam.class::isInstance).map(r -> ((Strategy.ReplaceParam) r).parameter());
            // of several credentials the call carried, the one the message names ("invalid refresh token") was rejected
            return sources.entrySet().stream()
                    .filter(e -> (f.fingerprints().containsKey(e.getKey()) || isBlank(f.arguments().get(e.getKey()))
                            && (f.arguments().containsKey(e.getKey()) || context.toolParameters().contains(e.getKey())))
                            && !tried.map(e.getKey()::equals).orElse(false))
                    .sorted(java.util.Comparator.comparing(e -> !said.contains(ServerHints.asWords(e.getKey())) && !said.contains(e.getKey().toLowerCase(Locale.ROOT))))
                    .findFirst()
                    .map(e -> new LessonDraft(
                            (f.kind() != ErrorKind.FORBIDDEN ? "Replace the rejected " : "Use the credential with the scope for ")
                                    + e.getKey() + " of " + f.tool(),
                            !isBlank(f.arguments().get(e.getKey()))
                                    ? "Applies when " + f.tool() + " is called with the " + e.getKey() + " it rejected (recognised by fingerprint); not for other values."
                                    : "Applies when " + f.tool() + " is called without " + e.getKey() + ".",
                            "The " + e.getKey() + " this call used was rejected (" + f.kind() + "). Take " + e.getKey()
                                    + " from the configured source '" + e.getValue() + "' instead.",
                            new Strategy.ReplaceParam(e.getKey(), e.getValue()),
                            List.of(!isBlank(f.arguments().get(e.getKey()))
                                    ? new ArgumentCondition(e.getKey(), ArgumentCondition.Op.FINGERPRINT,
                                            Objects.requireNonNull(f.fingerprints().get(e.getKey()), "a value that is not blank has a fingerprint"))
                                    : new ArgumentCondition(e.getKey(), ArgumentCondition.Op.MISSING, "")),
                            null));
        }

        private static boolean isBlank(@Nullable Object value) {
            return value == null || String.valueOf(value).isBlank();
        }

        /**
         * The configured credentials, and every credential argument the parameter source holds a value
         * for under its own name ({@code weather.apiKey}) or the tool's ({@code weather} + {@code apiKey}):
         * configured once, in the source.
         */
        private Map<String, String> withSourcesOf(ReflectionContext context, Failure f) {
            Map<String, String> sources = new LinkedHashMap<>(credentials);
            for (String parameter : f.fingerprints().keySet()) {
                if (sources.containsKey(parameter) || !Redactor.isSecretName(parameter)) {
                    continue;
                }
                context.parameterSources().stream()
                        .filter(key -> key.equalsIgnoreCase(parameter) || key.equalsIgnoreCase(f.tool() + "." + parameter))
                        .findFirst()
                        .ifPresent(key -> sources.put(parameter, key));
            }
            return sources;
        }

        private Optional<LessonDraft> hostDownRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.HOST_DOWN) {
                return Optional.empty();
            }
            return hostCondition(f).map(condition -> new LessonDraft(
                    "Skip " + condition.value() + " while it is down",
                    "Applies to calls of " + f.tool() + " to host " + condition.value() + " until the lesson expires; "
                            + "then one call goes through as a probe.",
                    "Host " + condition.value() + " refused the connection. Skip calls to it for " + skipFor.toMinutes()
                            + " minutes instead of failing again, then probe it once.",
                    new Strategy.SkipTask(condition.value(), skipFor),
                    List.of(condition),
                    skipFor));
        }

        private Optional<LessonDraft> unknownHostRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.UNKNOWN_HOST) {
                return Optional.empty();
            }
            return hostCondition(f).map(condition -> {
                String host = condition.value();
                String alternative = alternatives.get(host);
                if (alternative != null) {
                    return new LessonDraft(
                            "Use " + alternative + " instead of " + host,
                            "Applies to calls of " + f.tool() + " to " + host + ", whose name does not resolve.",
                            "Host " + host + " does not resolve. Call " + alternative + " instead.",
                            new Strategy.UseAlternative("", condition.parameter(), alternative),
                            List.of(condition),
                            null);
                }
                return new LessonDraft(
                        "Skip " + host + ": its name does not resolve",
                        "Applies to calls of " + f.tool() + " to " + host + " until the lesson expires.",
                        "Host " + host + " does not resolve and no alternative is configured. Skip it, then probe once.",
                        new Strategy.SkipTask(host, skipFor),
                        List.of(condition),
                        skipFor);
            });
        }

        private static Optional<ArgumentCondition> hostCondition(Failure f) {
            Optional<String> parameter = HostNames.parameterIn(f.arguments());
            if (parameter.isEmpty() || f.failedHost().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ArgumentCondition.host(parameter.get(), f.failedHost().get()));
        }

        private Optional<LessonDraft> rateLimitRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.RATE_LIMITED) {
                return Optional.empty();
            }
            Duration wait = f.retryAfterHint().orElse(Duration.ofSeconds(1));
            // as many retries (at most 3, doubling) as fit in a minute of waiting; a longer wait is no backoff
            int retries = 0;
            long total = 0;
            while (retries < 3 && total + wait.toMillis() * (1L << retries) <= MAX_BACKOFF.toMillis()) {
                total += wait.toMillis() * (1L << retries);
                retries++;
            }
            if (retries == 0) {
                return Optional.empty();
            }
            return Optional.of(new LessonDraft(
                    "Back off when " + f.tool() + " is rate limited",
                    "Applies to every call of " + f.tool() + " that answers 429; the server's Retry-After wins over the computed delay.",
                    f.tool() + " limits the request rate. On a 429, wait (Retry-After if given, else " + wait.toMillis()
                            + " ms, doubling) and retry up to " + retries + " times.",
                    new Strategy.RetryWithBackoff(retries, wait, 2.0),
                    List.of(),
                    null));
        }

        private Optional<LessonDraft> goneRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.GONE) {
                return Optional.empty();
            }
            for (Map.Entry<String, Object> argument : f.arguments().entrySet()) {
                String value = String.valueOf(argument.getValue());
                String alternative = alternatives.get(value);
                String fingerprint = f.fingerprints().get(argument.getKey());
                if (alternative != null && argument.getValue() != null && fingerprint != null) {
                    return Optional.of(new LessonDraft(
                            "Use " + alternative + " instead of the retired " + value,
                            "Applies to calls of " + f.tool() + " with " + argument.getKey() + " = " + value + ", which the server no longer serves.",
                            value + " is gone or deprecated. Call " + alternative + " instead.",
                            new Strategy.UseAlternative("", argument.getKey(), alternative),
                            List.of(new ArgumentCondition(argument.getKey(), ArgumentCondition.Op.FINGERPRINT, fingerprint)),
                            null));
                }
            }
            return successorRule(f);
        }

        /** A successor on the same host that the server names (a Link rel="successor-version", "use /v2"): no configuration needed. */
        private static Optional<LessonDraft> successorRule(Failure f) {
            Optional<String> via = ServerHints.onlyVia(f.message());
            if (via.isPresent()) {
                return onlyVia(f, via.get());
            }
            Optional<String> successor = f.successorHint().or(() -> ServerHints.successor(f.message()))
                    // a retired version and a newer one of its shape in the same message, however it is worded
                    // (of an argument that holds a version: named so, or v-prefixed; a date is no version)
                    .or(() -> f.arguments().entrySet().stream()
                            .filter(a -> a.getValue() instanceof String v && v.matches("(?i)v\\d.*")
                                    || (a.getValue() instanceof String || a.getValue() instanceof Number) && a.getKey().toLowerCase(Locale.ROOT).contains("version"))
                            .map(a -> ServerHints.newerVersion(f.message(), String.valueOf(a.getValue()))).flatMap(Optional::stream).findFirst());
            if (successor.isPresent()) {
                boolean bareVersion = successor.get().matches("\\d{1,3}(?:\\.\\d{1,3})?");
                for (Map.Entry<String, Object> argument : f.arguments().entrySet()) {
                    String old = String.valueOf(argument.getValue());
                    if (HostNames.isHostParameter(argument.getKey()) && !old.startsWith("/") && !old.matches("(?i)https?://.*")
                            || bareVersion && !argument.getKey().toLowerCase(Locale.ROOT).contains("version")) {
                        continue; // a bare version (1.40) replaces only an argument named for a version, never a host
                    }
                    Optional<String> next = Successors.apply(old, successor.get(), f.host());
                    if (next.isPresent() && f.fingerprints().containsKey(argument.getKey())) {
                        return Optional.of(successorLesson(f, argument.getKey(), old, next.get()));
                    }
                }
            }
            // else the version segment of a path that the message calls the rejected version, and the one it says to use: that path only
            return f.arguments().entrySet().stream()
                    .filter(a -> a.getValue() instanceof String && f.fingerprints().containsKey(a.getKey()))
                    .flatMap(a -> ServerHints.pathWithNewerVersion((String) a.getValue(), f.message())
                            .filter(next -> Successors.staysOnHost((String) a.getValue(), next))
                            .map(next -> successorLesson(f, a.getKey(), (String) a.getValue(), next)).stream())
                    .findFirst();
        }

        /**
         * Clerk's 403 "Password is not a valid parameter and can only be updated via /v1/me/change_password": the path under the
         * called one that takes what the message names, for the calls that send it (a call to /v1/me without a password stays).
         */
        private static Optional<LessonDraft> onlyVia(Failure f, String path) {
            String lower = f.message().toLowerCase(Locale.ROOT);
            List<String> sent = f.arguments().entrySet().stream()
                    // (a secret's name too, such as a password: the lesson names it, never its value)
                    .filter(a -> !isBlank(a.getValue()) && !HostNames.isHostParameter(a.getKey()) && !VIA_WORDS.contains(ServerHints.asWords(a.getKey()))
                            && Pattern.compile("\\b" + Pattern.quote(ServerHints.asWords(a.getKey())) + "\\b").matcher(lower).find())
                    .map(Map.Entry::getKey).toList();
            return f.arguments().entrySet().stream()
                    // the endpoint called, and a path right under it (not "/" nor "/v1", not a folder of data)
                    .filter(a -> a.getValue() instanceof String old && ENDPOINT_PARAMETER.matcher(a.getKey()).matches()
                            && f.fingerprints().containsKey(a.getKey()) && !sent.contains(a.getKey()) && isChildOf(path, old.replaceAll("/+$", "")))
                    .findFirst()
                    .filter(a -> !sent.isEmpty())
                    .map(a -> {
                        List<ArgumentCondition> when = new ArrayList<>();
                        when.add(new ArgumentCondition(a.getKey(), ArgumentCondition.Op.FINGERPRINT,
                                Objects.requireNonNull(f.fingerprints().get(a.getKey()), "a path with a fingerprint")));
                        sent.forEach(p -> when.add(ArgumentCondition.present(p)));
                        return new LessonDraft(
                                "Send " + String.join(", ", sent) + " via " + path,
                                "Applies to calls of " + f.tool() + " to " + a.getValue() + " that send " + String.join(", ", sent) + ".",
                                "The server takes " + String.join(", ", sent) + " only via " + path + ", under the path called. Call that instead.",
                                new Strategy.UseAlternative("", a.getKey(), path), when, null);
                    });
        }

        /** Whether {@code path} is one segment under {@code parent}, a path of two segments or more. */
        private static boolean isChildOf(String path, String parent) {
            return parent.matches("(?:/[^/]+){2,}") && path.startsWith(parent + "/") && path.substring(parent.length() + 1).matches("[^/]+");
        }

        /** A parameter that holds the endpoint called. */
        private static final Pattern ENDPOINT_PARAMETER = Pattern.compile("(?i)endpoint|path|route|url|uri|operation");
        /** The words of "… is not a valid parameter and can only be updated via …": never a parameter's name there. */
        private static final Set<String> VIA_WORDS = Set.of("only", "valid", "parameter", "updated", "via", "can", "be", "not", "and", "is", "a");

        private static LessonDraft successorLesson(Failure f, String parameter, String old, String next) {
            return new LessonDraft(
                    "Use " + next + " instead of the deprecated " + old,
                    "Applies to calls of " + f.tool() + " with " + parameter + " = " + old + ", which the server retired.",
                    "The server says " + old + " is deprecated or gone and names " + next + " as its successor on the same host. Call that instead.",
                    new Strategy.UseAlternative("", parameter, next),
                    List.of(new ArgumentCondition(parameter, ArgumentCondition.Op.FINGERPRINT,
                            Objects.requireNonNull(f.fingerprints().get(parameter), "a successor is learned only for an argument with a fingerprint"))),
                    null);
        }

        /**
         * A rejected argument that the server's message says how to fix: a date in the format it names, a
         * value whose case differs from an allowed one, a number above the bound it names, a missing
         * parameter whose value it names. Nothing is guessed: a fix that would not change the value, or
         * would pick among several readings, is not learned.
         */
        private static Optional<LessonDraft> validationRule(Failure f, ReflectionContext context) {
            if (f.kind() == ErrorKind.SERVER_ERROR && f.httpStatus() >= 500) {
                // a number above a bound answered as a server error ("limit '10001' exceeds the configured value ... '10000'"
                // with a 500): an argument the message names by name and bounds in the words bounds are read in is capped,
                // not retried as it is
                String lower = f.message().toLowerCase(Locale.ROOT);
                List<String> named = f.arguments().keySet().stream()
                        .filter(p -> Pattern.compile("\\b" + Pattern.quote(p.toLowerCase(Locale.ROOT)) + "\\b").matcher(lower).find()).toList();
                Optional<LessonDraft> cap = named.stream().filter(p -> !NOT_A_QUANTITY.matcher(p).find())
                        .map(p -> capped(f, p, true)).flatMap(Optional::stream).findFirst();
                // Companies House's 500 "Invalid url parameter for search_type, please try 'alphabetical', 'best-match' or …" for
                // search_type=Alphabetical: an argument the message names, an allowed value but for its case, is written as listed
                List<String> allowed = ServerHints.allowedValues(f.message());
                return cap.or(() -> named.stream().filter(p -> !Redactor.isSecretName(p) && f.arguments().get(p) instanceof String v
                                && allowedButForCase(allowed, v))
                        .map(p -> wrongValue(f, p, String.valueOf(f.arguments().get(p)), f.message())).flatMap(Optional::stream).findFirst());
            }
            if (f.kind() != ErrorKind.VALIDATION) {
                return Optional.empty();
            }
            String message = f.message();
            List<String> named = namedParameters(f, context);
            for (String p : named) {
                Object value = f.arguments().get(p);
                boolean missing = value == null || String.valueOf(value).isBlank();
                Optional<LessonDraft> draft = missing ? missingValue(f, p, message) : wrongValue(f, p, String.valueOf(value), message);
                if (draft.isPresent()) {
                    return draft;
                }
            }
            Optional<LessonDraft> pageCap = commonPageCap(f, message);
            if (pageCap.isPresent()) {
                return pageCap;
            }
            // "Invalid value for sortDirection, expected value is asc or desc" for direction=DESC: the one argument that is an
            // allowed value but for its case is the one meant
            List<String> allowed = ServerHints.allowedValues(message);
            Optional<LessonDraft> miscased = soleArgument(f, named, (p, v) -> !Redactor.isSecretName(p) && allowedButForCase(allowed, v));
            if (miscased.isPresent()) {
                return miscased;
            }
            // "You can only use the following characters: "a-z", "0-9", "-", "."" for DOMAIN_ID=Spring-Sale.bitrix24.site, no
            // parameter named: the one name (a domain, a slug) written in the other case is the one meant, never an id or a code
            boolean lowerOnly = ServerHints.onlyLowerCase(message);
            if (named.isEmpty() && (lowerOnly || ServerHints.onlyUpperCase(message))) {
                Optional<LessonDraft> othercased = soleArgument(f, named, (p, v) -> !Redactor.isSecretName(p) && !HostNames.isHostParameter(p)
                        && NAME_PARAMETER.matcher(p).find() && !OPAQUE_NAME.matcher(p).find() && NAME_VALUE.matcher(v).matches()
                        && !v.equals(lowerOnly ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT)));
                if (othercased.isPresent()) {
                    return othercased;
                }
            }
            // "Invalid date: Format needs to be YYYY-MM-DD." for release_date=11/27/2026: the one argument written as a date
            // in another format is the one meant
            return soleArgument(f, named, (p, v) -> DATE_LIKE.matcher(v).matches()
                    && ServerHints.datePattern(message, v).filter(pattern -> !Transform.DATE_FORMAT.fits(v, pattern)).isPresent());
        }

        /**
         * Checkout.com's "paging_limit_invalid" for limit=500, no bound named: the page size most APIs cap at (a smaller page
         * changes no result, only how many pages it takes). Never for a message with a number in it, which states a bound or
         * a rule of its own ("must be a multiple of 50"), nor for a limit of the account's.
         */
        private static Optional<LessonDraft> commonPageCap(Failure f, String message) {
            if (message.matches("(?s).*\\d.*") || NOT_A_PAGE.matcher(message).find()) {
                return Optional.empty();
            }
            List<String> pageSizes = f.arguments().entrySet().stream()
                    .filter(a -> PAGE_SIZE_NAME.matcher(a.getKey()).matches() && a.getValue() instanceof Number n && n.longValue() > COMMON_PAGE_CAP)
                    .map(Map.Entry::getKey).toList();
            // named and refused, or the one page size when the message refuses one without naming it ("invalid number of results")
            return pageSizes.stream().filter(p -> !UNNAMED_PAGE_SIZE.matcher(p).matches() && ServerHints.refusesParameter(message, p)).findFirst()
                    .or(() -> pageSizes.size() == 1 && ServerHints.refusesPageSize(message) ? Optional.of(pageSizes.get(0)) : Optional.empty())
                    .map(p -> clampTo(f, p, COMMON_PAGE_CAP, f.tool() + " refuses " + p + " = " + f.arguments().get(p) + " and names no bound; cap it at " + COMMON_PAGE_CAP
                                    + ", the page size most APIs allow."));
        }

        /** The fix of the one text argument, of those the message does not name, that {@code suspect} holds for; none for two. */
        private static Optional<LessonDraft> soleArgument(Failure f, List<String> named, java.util.function.BiPredicate<String, String> suspect) {
            List<String> suspects = f.arguments().entrySet().stream()
                    .filter(e -> !named.contains(e.getKey()) && e.getValue() instanceof String v && suspect.test(e.getKey(), v))
                    .map(Map.Entry::getKey).toList();
            return suspects.size() == 1 ? wrongValue(f, suspects.get(0), String.valueOf(f.arguments().get(suspects.get(0))), f.message()) : Optional.empty();
        }

        /** The page size most APIs allow at most (GitHub's, Stripe's, Shopify's...), for a server that refuses a larger one without a bound. */
        private static final int COMMON_PAGE_CAP = 100;
        /** A parameter that only sets how many items a page holds. */
        private static final Pattern PAGE_SIZE_NAME = Pattern.compile("(?i)limit|(?:page|paging)[_-]?(?:size|limit)|per[_-]?page|max[_-]?results|top|n");
        /** A limit of the account's, not of a page: a plan, a quota, a card, credits, a suspension. */
        private static final Pattern NOT_A_PAGE = Pattern.compile("(?i)\\b(?:plan|quota|upgrade|account|card|credits?|suspended|billing|subscription|rate)\\b");
        /** Page sizes whose names are words of other meanings too ({@code n} completions, a {@code top-level} key): never read by name. */
        private static final Pattern UNNAMED_PAGE_SIZE = Pattern.compile("(?i)top|n");
        /** One word in title case: {@code Active}, {@code Offline}, {@code String}. */
        private static final Pattern TITLE_CASE_WORD = Pattern.compile("[A-Z][a-z]+[a-z0-9]*");
        /** One word in upper case, letters only ({@code 1M} is a month, {@code 1m} a minute): {@code HTML}, {@code CURRENT_ACCOUNT}. */
        private static final Pattern UPPER_CASE_WORD = Pattern.compile("[A-Z]{2,12}(?:_[A-Z]{2,12}){0,3}");
        /** An HTTP method, in any case. */
        private static final Pattern HTTP_METHOD = Pattern.compile("(?i)get|head|post|put|patch|delete|options");
        /** A parameter that holds HTTP methods: {@code method}, {@code methods}, {@code http_method}. */
        private static final Pattern METHOD_PARAMETER = Pattern.compile("(?i)(?:http_?)?methods?");
        /** "age" as a parameter's word, before "group": an age group is a kind of constant, a stage group or a user group a name. */
        private static final String AGE = "(?<![a-z0-9])age_?";
        /** Parameters named for a kind of constant: a type, a status, a format, an order, an interval, a unit... */
        private static final Pattern CONSTANT_PARAMETER = Pattern.compile("(?i)(?:type|kind|status|format|mode|interval|level|sort|order|direction"
                + "|filter|category|units?|precision|strategy|visibility|origin|granularity|period|frequency|priority|severity|gender|"
                + AGE + "group)s?$");
        /** The words that name a count, as a parameter's last word. */
        private static final List<String> COUNTED = List.of("quantity", "qty", "count", "replicas", "instances", "copies", "seats", "workers",
                "threads", "retries", "attempts", "shards", "nodes");
        /** Parameters that count things ({@code starting_quantity}, {@code seatCount}; never {@code discount}, a mode or a type listed as 0, 1, 2). */
        private static final Pattern COUNT_PARAMETER = Pattern.compile("(?:^|[_-])(?i:" + String.join("|", COUNTED) + ")s?$|[a-z](?:"
                + COUNTED.stream().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(java.util.stream.Collectors.joining("|")) + ")s?$");
        /** Parameters whose values are codes written in upper case: a currency's, a country's, a language's, a ticker symbol. */
        private static final Pattern UPPER_CASE_CODE = Pattern.compile("(?i)(?:currency|country|locale|lang|language|symbol|ticker|code|iso|region|state)s?$");
        /** Parameters whose values are names or text, of people or things, whose case is their own. */
        private static final Pattern OWN_CASE_NAME = Pattern.compile("(?i)(?:name|title|label|description|text|message|comment|note|query|search"
                + "|subject|body|address|city|country|region|user|owner|assignee|author|member|recipient|sender|contact|person|project"
                + "|repo|repository|team|org|organi[sz]ation|(?<!" + AGE + ")group|account|customer|company|db|database|collection|bucket|index|table"
                + "|schema|file|path|tag|id|resource_?type)s?$|^q$");
        /** Parameters that hold a name a server may spell in one case only: a domain, a subdomain, a slug, a handle. */
        private static final Pattern NAME_PARAMETER = Pattern.compile("(?i)domain|slug|handle");
        /** Names of values that prove or carry state rather than name: their case is theirs ({@code code}, {@code state}, {@code page_token}). */
        private static final Pattern OPAQUE_NAME = Pattern.compile("(?i)(?:code|token|key|cursor|state|nonce|hash|assertion|signature|secret)s?$");
        /**
         * A name written in words with separators, as a domain or a slug is ({@code Spring-Sale.example.site}): not an opaque
         * token ({@code dQw4w9WgXcQ}, {@code cus_NffrFeUfNV2Hib}) nor a UUID.
         */
        private static final Pattern NAME_VALUE = Pattern.compile("(?![0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-)(?=.*[A-Za-z]{3})[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)+");

        /**
         * A value that may be a date in some form: a text of digits with separators ({@code 11/27/2026}), a compact date
         * ({@code 20261127}), or digits beside a month's name ({@code 27 Nov 2026}); never a number, an id or a word.
         */
        private static boolean mayBeDate(@Nullable Object raw) {
            if (!(raw instanceof String value)) {
                return false;
            }
            return DATE_LIKE.matcher(value).matches() || value.matches("(?:19|20)\\d{6}") || value.matches(".*\\d.*") && MONTH.matcher(value).find();
        }

        private static final Pattern MONTH = Pattern.compile("(?i)\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b");

        /** A parameter that holds a media type: {@code contentType}, {@code Accept}, {@code mime_type}. */
        private static final Pattern MEDIA_TYPE_PARAMETER = Pattern.compile("(?i)(?:content[-_]?type|accept|media[-_]?type|mime[-_]?type)");

        /** A value written as a date: {@code 11/27/2026}, {@code 27.11.2026}, {@code 2026-11-27 14:00}. */
        private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}(?:[T ]\\d{1,2}:\\d{2}[\\d:.]*(?:Z|[+-]\\d{2}:?\\d{2})?)?");

        /** {@code desc} among {@code asc, DESC}: one of the allowed values written in another case. */
        private static boolean allowedButForCase(List<String> allowed, String value) {
            return allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value)) && !allowed.contains(value);
        }

        private static Optional<LessonDraft> wrongValue(Failure f, String p, String value, String message) {
            Optional<String> pattern = mayBeDate(f.arguments().get(p)) ? ServerHints.datePattern(message, value) : Optional.empty();
            // learned even for a value that reads two ways: the planner then refuses that value instead of guessing
            if (pattern.isPresent() && !Transform.DATE_FORMAT.fits(value, pattern.get())) {
                return Optional.of(fix(f, p, Transform.DATE_FORMAT, pattern.get(), "Write " + p + " as " + pattern.get(),
                        p + " must be a date in the format " + pattern.get() + "; reformat it before calling " + f.tool() + "."));
            }
            List<String> inList = ServerHints.allowedValues(message);
            List<String> allowed = inList.isEmpty() ? ServerHints.valuesItIsNot(message, p) : inList;
            if (allowedButForCase(allowed, value)) {
                if (allowed.stream().allMatch(a -> a.equals(a.toUpperCase(Locale.ROOT)))) {
                    return Optional.of(fix(f, p, Transform.UPPERCASE, "", "Upper-case " + p,
                            p + " is a case-sensitive value among upper-case constants; upper-case it before calling " + f.tool() + "."));
                }
                if (allowed.stream().allMatch(a -> a.equals(a.toLowerCase(Locale.ROOT)))) {
                    return Optional.of(fix(f, p, Transform.LOWERCASE, "", "Lower-case " + p,
                            p + " is a case-sensitive value among lower-case constants; lower-case it before calling " + f.tool() + "."));
                }
                // "unknown variant `hot`, expected one of `Active`, `Hot`, `TopDay`": the values mix cases, each is written as the API lists it
                String values = String.join(",", allowed);
                return Optional.of(fix(f, p, Transform.MATCH_CASE, values, "Write " + p + " in the API's case",
                        p + " is case-sensitive and its values mix cases (" + values + "); write the value as the API lists it before calling "
                                + f.tool() + "."));
            }
            if (ServerHints.onlyLowerCase(message) && !value.equals(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(fix(f, p, Transform.LOWERCASE, "", "Lower-case " + p,
                        f.tool() + " accepts only lower-case letters in " + p + "; lower-case it before calling."));
            }
            if (ServerHints.onlyUpperCase(message) && !value.equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(fix(f, p, Transform.UPPERCASE, "", "Upper-case " + p,
                        f.tool() + " accepts only upper-case letters in " + p + "; upper-case it before calling."));
            }
            // Healthchecks' "tz is not a valid timezone" for europe/riga, Mollie's "The locale is invalid" of the field locale for
            // en_us: a time zone or a locale refused as written is written as its standard spells it (Europe/Riga, en_US)
            Optional<String> canonical = CanonicalSpelling.of(p, value);
            // (refused and nothing more: never "Invalid locale: en-us. Supported locales: en, de, fr", "… is invalid for this store";
            // or the value so refused, Go's "unknown time zone europe/berlin")
            if (canonical.isPresent() && (ServerHints.refusesAlone(message, p) || ServerHints.refusesValueAlone(message, value))) {
                return Optional.of(fix(f, p, Transform.MATCH_CASE, canonical.get(), "Write " + p + " as " + canonical.get(),
                        p + " is a time zone or a locale, which its standard spells one way; write " + value + " as " + canonical.get()
                                + " before calling " + f.tool() + "."));
            }
            // "Active is not a valid choice.", Rocket.Chat's "Offline is not a valid status type" and "[error-invalid-format]" for
            // format=HTML: a constant in title or upper case, refused as written, is meant in lower case, as API constants mostly
            // are. Only a parameter named for a kind of constant, with no allowed values listed, no other reason given and no state
            // it cannot move from; an upper-case one only when a few words refuse the parameter itself (Google's and AWS's
            // constants are upper-case)
            // (or the field the body names, refused as none of its schema's constants: Misskey's "must be equal to one of the allowed values")
            boolean refusedAsSuch = ServerHints.refusesParameter(message, p) && !ServerHints.qualified(message)
                    || p.equalsIgnoreCase(f.errorField()) && ServerHints.refusesAsNoAllowedValue(message);
            boolean titleCase = TITLE_CASE_WORD.matcher(value).matches() && (ServerHints.refusesValue(message, value) || refusedAsSuch);
            boolean upperCase = UPPER_CASE_WORD.matcher(value).matches() && !UPPER_CASE_CODE.matcher(p).find() && refusedAsSuch
                    && message.strip().split("\\s+").length <= 6;
            if ((titleCase || upperCase) && CONSTANT_PARAMETER.matcher(p).find() && !Redactor.isSecretName(p) && !OWN_CASE_NAME.matcher(p).find()
                    && allowed.isEmpty() && !message.toLowerCase(Locale.ROOT).contains("transition")) {
                return Optional.of(fix(f, p, Transform.LOWERCASE, "", "Lower-case " + p,
                        f.tool() + " refuses " + p + " written as " + value + "; its values are lower-case constants, so lower-case it."));
            }
            // Healthchecks' "methods has unexpected value" for methods=post: an HTTP method is written in upper case
            if (HTTP_METHOD.matcher(value).matches() && !value.equals(value.toUpperCase(Locale.ROOT)) && METHOD_PARAMETER.matcher(p).matches()
                    && (ServerHints.refusesValue(message, value) || ServerHints.refusesParameter(message, p))) {
                return Optional.of(fix(f, p, Transform.UPPERCASE, "", "Upper-case " + p,
                        f.tool() + " refuses " + p + " written as " + value + "; HTTP methods are written in upper case, so upper-case it."));
            }
            // "Content type 'text/plain' not supported. Please use 'application/json'" (Bandwidth): the format the server takes
            Optional<String> mediaType = MEDIA_TYPE_PARAMETER.matcher(p).matches() && MediaTypes.isMediaType(value)
                    ? ServerHints.otherMediaType(message, value) : Optional.empty();
            if (mediaType.isPresent() && f.fingerprints().containsKey(p)) {
                return Optional.of(new LessonDraft("Send " + p + " " + mediaType.get() + ", not " + value,
                        "Applies to calls of " + f.tool() + " with " + p + " = " + value + ", which the server does not take.",
                        f.tool() + " does not take " + value + " as " + p + "; the server names " + mediaType.get() + ". Send that instead.",
                        new Strategy.UseAlternative("", p, mediaType.get()),
                        List.of(new ArgumentCondition(p, ArgumentCondition.Op.FINGERPRINT, f.fingerprints().get(p))),
                        null));
            }
            Optional<LessonDraft> capped = capped(f, p, true);
            if (capped.isPresent()) {
                return capped;
            }
            Optional<LessonDraft> listed = cappedByListedCounts(f, p, message);
            if (listed.isPresent()) {
                return listed;
            }
            if (!value.equals(value.trim()) && message.toLowerCase(Locale.ROOT).matches(".*\\b(whitespace|spaces?|trim)\\b.*")) {
                return Optional.of(fix(f, p, Transform.TRIM, "", "Trim " + p, p + " must not start or end with white space; trim it."));
            }
            return Optional.empty();
        }

        /**
         * Maxio's "starting_quantity for an On/Off component can only be '1' or '0': 24": the counts a count may be, from 0 (or 1)
         * to n, listed in the clause that names it, are a bound (a mode, a type or a flag listed as 0, 1, 2 is a code, not a count).
         */
        private static Optional<LessonDraft> cappedByListedCounts(Failure f, String p, String message) {
            Optional<Long> number = wholeNumber(f.arguments().get(p));
            List<String> listed = COUNT_PARAMETER.matcher(p).find() ? ServerHints.allowedValuesOf(message, p) : List.of();
            List<Long> counts = listed.stream().filter(a -> a.matches("\\d{1,6}")).map(Long::valueOf).distinct().sorted().toList();
            if (number.isEmpty() || counts.isEmpty() || counts.size() != listed.size()) {
                return Optional.empty();
            }
            long last = counts.get(counts.size() - 1);
            boolean fromZeroOrOneWithoutGaps = counts.get(0) <= 1 && last - counts.get(0) == counts.size() - 1;
            return fromZeroOrOneWithoutGaps && number.get() > last
                    ? Optional.of(clampTo(f, p, last, f.tool() + " takes " + p + " only as " + String.join(", ", listed) + "; cap it at " + last + "."))
                    : Optional.empty();
        }

        /** A cap on {@code p} when its number is above the bound the message names ({@code inWords}: or implies, in words about a ceiling). */
        private static Optional<LessonDraft> capped(Failure f, String p, boolean inWords) {
            Optional<Long> number = wholeNumber(f.arguments().get(p));
            String said = clauseOf(f.message(), p);
            Optional<Long> bound = ServerHints.upperBound(said)
                    .or(() -> inWords ? number.flatMap(n -> ServerHints.ceilingBelow(said, p, n)) : Optional.empty());
            if (number.isPresent() && bound.isPresent() && number.get() > bound.get() && bound.get() >= 0) {
                return Optional.of(clampTo(f, p, bound.get(), f.tool() + " rejects " + p + " above " + bound.get() + "; cap it at " + bound.get() + "."));
            }
            return Optional.empty();
        }

        /**
         * Of several errors joined ("name: size must be between 0 and 10; limit: must be less than or equal to 100"), the one
         * that names {@code p}; the whole message when it is one error, or when no one of them alone names it.
         */
        private static String clauseOf(String message, String p) {
            String[] clauses = message.split(";\\s+");
            if (clauses.length < 2) {
                return message;
            }
            Pattern name = Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(p) + "(?![\\w-])");
            List<String> naming = java.util.Arrays.stream(clauses).filter(c -> name.matcher(c).find()).toList();
            return naming.size() == 1 ? naming.get(0) : message;
        }

        private static Optional<LessonDraft> missingValue(Failure f, String p, String message) {
            if (HostNames.isHostParameter(p) || Redactor.isSecretName(p)) {
                return Optional.empty(); // a server's message never chooses where calls go, nor a secret (not even in a lesson's text)
            }
            // (a missing media type: the one the message asks for as the value, in the words ServerHints.soleMediaType reads)
            return ServerHints.valueFor(message, p).or(() -> MEDIA_TYPE_PARAMETER.matcher(p).matches() ? ServerHints.soleMediaType(message) : Optional.empty())
                    .map(value -> new LessonDraft(
                    "Pass " + p + " (" + value + ")",
                    "Applies when " + f.tool() + " is called without " + p + ".",
                    p + " is required by " + f.tool() + "; when it is missing, pass " + value + " as the server's message says.",
                    new Strategy.FixArgument(p, Transform.DEFAULT_IF_MISSING, value),
                    List.of(ArgumentCondition.missing(p)),
                    null));
        }

        private static LessonDraft clampTo(Failure f, String p, long max, String content) {
            return fix(f, p, Transform.CLAMP_MAX, String.valueOf(max), "Keep " + p + " at most " + max, content);
        }

        private static LessonDraft fix(Failure f, String parameter, Transform transform, String operand, String title, String content) {
            return new LessonDraft(
                    title,
                    "Applies to every call of " + f.tool() + " that passes " + parameter + "; harmless when the value is already right.",
                    content,
                    new Strategy.FixArgument(parameter, transform, operand),
                    List.of(ArgumentCondition.present(parameter)),
                    null);
        }

        /** Words a message writes as words: a parameter of that name ({@code to}, {@code from}) counts only where it stands as a name. */
        private static final Set<String> FUNCTION_WORDS = Set.of("to", "from", "in", "by", "at", "for", "of", "on", "as", "is", "or", "and",
                "with", "after", "before", "since", "until", "if", "not", "be");

        /** Whether the message (in lower case) names the parameter: anywhere, or for a function word, quoted or followed by what names it. */
        private static boolean namedIn(String lower, String name) {
            if (FUNCTION_WORDS.contains(name)) {
                return Pattern.compile("[\"'`]" + name + "[\"'`]|\\b" + name + "\\s*[:=]|\\b" + name + " (?:parameter|field|argument|must|should|is|cannot)\\b")
                        .matcher(lower).find();
            }
            return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(lower).find();
        }

        /**
         * A path through a list's element: {@code items[0].quantity}, {@code items.0.qty}, a list body's {@code [0].quantity}
         * (a path that ends in the index, {@code items.0}, could only end in a parameter named with a digit; in prose, "version
         * 2.0" is no path).
         */
        private static final Pattern PATH_THROUGH_ELEMENT = Pattern.compile(
                "(?:[\\w$]+(?:\\.[\\w$]+)*(?:\\[\\d+]|\\.\\d+(?=\\.))|\\[\\d+](?=[.\\[]))(?:\\.?[\\w$]+|\\[\\d+])*");

        /** The parameters the error names: the field the body names first, then those the message names, longest first. */
        private static List<String> namedParameters(Failure f, ReflectionContext context) {
            List<String> candidates = new ArrayList<>(context.toolParameters());
            f.arguments().keySet().stream().filter(k -> !candidates.contains(k)).forEach(candidates::add);
            // (a path through a list's element, items[0].quantity, names no top-level argument)
            String lower = PATH_THROUGH_ELEMENT.matcher(f.message().toLowerCase(Locale.ROOT)).replaceAll(" ");
            // a request echoed back (".../query?format=geojson&starttime=...&limit=50000") names every parameter: the prose first
            String prose = ECHOED_QUERY.matcher(lower).replaceAll(" ");
            String words = prose.replaceAll("[_-]+", " "); // "Content-Type" reads "content type", as contentType does
            List<String> named = new ArrayList<>();
            candidates.stream().filter(name -> name.equalsIgnoreCase(f.errorField())).findFirst()
                    // a path to the field (mail_settings.spam_check.threshold) ends in the parameter (spam_check_threshold); never a
                    // field of a list's element (items[0].quantity, celebrate's items.0.qty), which a top-level argument is not
                    .or(() -> candidates.stream().filter(name -> !f.errorField().isBlank() && !PATH_THROUGH_ELEMENT.matcher(f.errorField()).find()
                                    && normalized(f.errorField()).endsWith(normalized(name)))
                            .max(java.util.Comparator.comparingInt(String::length)))
                    .ifPresent(named::add);
            candidates.stream()
                    .filter(name -> !named.contains(name))
                    .filter(name -> namedIn(prose, name.toLowerCase(Locale.ROOT))
                            || ServerHints.asWords(name).contains(" ") && Pattern.compile("\\b" + Pattern.quote(ServerHints.asWords(name)) + "\\b").matcher(words).find())
                    .sorted((a, b) -> b.length() - a.length())
                    .forEach(named::add);
            candidates.stream()
                    .filter(name -> !named.contains(name) && namedIn(lower, name.toLowerCase(Locale.ROOT)))
                    .sorted((a, b) -> b.length() - a.length())
                    .forEach(named::add);
            // balena's "Handles must be lowercase" for handle: the parameter in the plural, the whole subject of a rule of case, at the
            // start of the message or of the quoted text a tool's exception holds it in (never
            // "Bucket names must be lowercase" for name, nor "Route pages must contain at most 100 routes" for page)
            boolean ruleOfCase = ServerHints.onlyLowerCase(f.message()) || ServerHints.onlyUpperCase(f.message());
            candidates.stream()
                    .filter(name -> ruleOfCase && !named.contains(name) && Pattern.compile("(?:^\\W{0,3}|[\"'`])" + Pattern.quote(name.toLowerCase(Locale.ROOT))
                            + "(?:s|es)\\s+(?:must|should|may|can|cannot|can't|need to|have to)\\b").matcher(prose).find())
                    .forEach(named::add);
            // a message that names no parameter may still quote the value it rejected ("Invalid schema: Tenant1")
            candidates.stream()
                    .filter(name -> !named.contains(name) && !Redactor.isSecretName(name) && !HostNames.isHostParameter(name))
                    .filter(name -> f.arguments().get(name) instanceof String v && v.length() >= 3 && v.length() <= 60
                            && Pattern.compile("(?<![\\w-])" + Pattern.quote(v) + "(?![\\w-])").matcher(f.message()).find())
                    .forEach(named::add);
            // or the number it rejected ("integer too big (maximum 100, got 150)"), when one argument alone holds it
            List<String> byNumber = candidates.stream()
                    .filter(name -> !named.contains(name) && !NOT_A_QUANTITY.matcher(name).find()
                            && f.arguments().get(name) instanceof Number n && Math.abs(n.longValue()) >= 10
                            && Pattern.compile("(?<![\\w.-])" + n + "(?![\\w.])").matcher(f.message()).find())
                    .toList();
            if (byNumber.size() == 1) {
                named.addAll(byNumber);
            }
            // or none at all, stating only a bare ceiling ("Too many messages requested (maximum 5000)"): the one count above it. A
            // ceiling in units ("at most 500 characters", "100 results per page") is about something else than a number argument
            // (never a ceiling of a field the body names that is none of the arguments: Quarkus' "search.arg0.maxPrice: must be less
            // than or equal to 10" is no bound on limit)
            // (nor of a list element's field: NestJS's "items.0.quantity must not be greater than 10" is no bound on limit)
            Optional<Long> ceiling = named.isEmpty() && f.errorField().isBlank() && !BOUND_WITH_UNIT.matcher(f.message()).find()
                    && !PATH_THROUGH_ELEMENT.matcher(f.message()).find() ? ServerHints.upperBound(f.message()) : Optional.empty();
            // a ceiling on items ("cannot request more than 100 items") caps only a parameter named for how many a page holds
            boolean ofItems = COUNT_OF_ITEMS.matcher(f.message()).find();
            List<String> above = ceiling.isEmpty() ? List.of() : candidates.stream()
                    .filter(name -> !ofItems || PAGE_SIZE.matcher(name).find())
                    .filter(name -> !NOT_A_QUANTITY.matcher(name).find() && !NOT_A_COUNT.matcher(name).find() && !Redactor.isSecretName(name)
                            && !HostNames.isHostParameter(name) && f.arguments().get(name) instanceof Number n && n.longValue() > ceiling.get())
                    .toList();
            if (above.size() == 1) {
                named.addAll(above);
            }
            return named;
        }

        /** The things a page or a request holds, as a message counts them. */
        private static final String ITEMS = "(?:items?|records?|entries|entry|rows?|objects?|elements?)";

        /** A URL or path with a query, as a server echoes the request it rejected. */
        private static final Pattern ECHOED_QUERY = Pattern.compile("\\S*\\?[\\w.\\[\\]-]+=\\S*");

        /** Names of numbers that identify rather than count ({@code user_id}, {@code orderNumber}): never capped. */
        private static final Pattern NOT_A_QUANTITY = Pattern.compile("(?:[iI]d|ID|[nN]umber|[nN]o|[cC]ode|[yY]ear|[pP]ort)$");
        /** Numbers that are no count of what a ceiling limits: money, times, positions, seeds. */
        private static final Pattern NOT_A_COUNT = Pattern.compile("(?i)(?:amount|price|cost|total|balance|fee|time|timeout|timestamp|epoch|date|days|offset"
                + "|position|seed)$|_at$|_ms$|[a-z]At$|[a-z]Ms$");
        /** A ceiling stated in items a page holds. */
        private static final Pattern COUNT_OF_ITEMS = Pattern.compile("(?i)\\b\\d+\\s?" + ITEMS + "\\b");
        /** A parameter named for how many items a page or a request holds. */
        private static final Pattern PAGE_SIZE = Pattern.compile("(?i)(?:limit|size|count|per_?page|perpage|max_?results|maxresults|top|first|last)$|^n$");
        /**
         * A number followed by a word: "500 characters", "1024 bytes", "100 results per page"; not a count of the things a page
         * holds ("cannot request more than 100 items"), which is what a count argument counts, nor the word that joins a range
         * ("allowed range 1 to 5000"); or a bound on a length or a size ("size must be between 1 and 255", Hibernate Validator's).
         */
        private static final Pattern BOUND_WITH_UNIT = Pattern.compile("(?i)\\b\\d+\\s?(?!" + ITEMS + "\\b(?!\\s+per\\b))(?!(?:to|and|or|through|inclusive)\\b)[A-Za-z]{2,}"
                + "|\\b(?:length|long|chars?|characters|bytes)\\b|(?<!\\b(?:page|batch|chunk|result|sample) )\\bsize\\b");

        private static String normalized(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        /** A timeout of a call whose size parameter exceeds its configured limit: cap it, do not retry as is. */
        private Optional<LessonDraft> oversizedRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.TIMEOUT) {
                return Optional.empty();
            }
            for (Map.Entry<String, Long> limit : sizeLimits.entrySet()) {
                String p = limit.getKey();
                Optional<Long> size = wholeNumber(f.arguments().get(p));
                if (size.isPresent() && size.get() > limit.getValue()) {
                    return Optional.of(fix(f, p, Transform.CLAMP_MAX, String.valueOf(limit.getValue()),
                            "Keep " + p + " at most " + limit.getValue() + " to avoid timeouts",
                            f.tool() + " times out when " + p + " exceeds " + limit.getValue() + "; cap it at "
                                    + limit.getValue() + " instead of retrying the oversized request."));
                }
            }
            return Optional.empty();
        }

        private static Optional<Long> wholeNumber(@Nullable Object value) {
            try {
                return value == null ? Optional.empty() : Optional.of(Long.parseLong(String.valueOf(value).trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }

        private Optional<LessonDraft> transientRule(Failure f, ReflectionContext context) {
            if (f.kind() != ErrorKind.SERVER_ERROR && f.kind() != ErrorKind.TIMEOUT) {
                return Optional.empty();
            }
            return Optional.of(new LessonDraft(
                    "Retry " + f.tool() + " after a transient " + (f.kind() == ErrorKind.TIMEOUT ? "timeout" : "server error"),
                    "Applies to " + f.kind() + " failures of " + f.tool() + " for a while; a transient error is no reason to skip the tool.",
                    f.tool() + " failed transiently (" + f.signature() + "). Retry with a short backoff; do not skip the call.",
                    new Strategy.RetryWithBackoff(2, Duration.ofMillis(200), 2.0),
                    List.of(),
                    transientFor));
        }

        private static Optional<LessonDraft> adviceRule(Failure f, ReflectionContext context) {
            return Optional.of(new LessonDraft(
                    "Avoid the " + f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " error of " + f.tool(),
                    "Applies to calls of " + f.tool() + " that may fail with: " + f.signature(),
                    // the normalized signature, not the server's raw text: lessons are shown to models later
                    f.tool() + " failed with an error of kind " + f.kind() + " (" + cut(f.signature(), 200)
                            + "). Check the arguments against this error before calling it again.",
                    new Strategy.Advice(),
                    List.of(),
                    null));
        }

        private static String cut(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max) + "…";
        }
    }
}
