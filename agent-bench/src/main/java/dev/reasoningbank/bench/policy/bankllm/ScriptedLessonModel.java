package dev.reasoningbank.bench.policy.bankllm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.bench.scenario.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model behind {@code bank-llm} offline: a deterministic function from an Ollama
 * {@code /api/chat} request to the lesson JSON a good model would write for the failure in it.
 *
 * <p>It reads only the request: the failure block that the {@code reflect-failure} prompt renders
 * ({@code tool:}, {@code error kind:}, {@code HTTP status:}, {@code host that failed:}, {@code message:},
 * {@code arguments:} lines) and the rest of the conversation. From the failure it recognises the
 * failure class and writes the lesson a careful model would: ReplaceParam from a configured source for
 * a rejected credential, SkipTask for a refused host, RetryWithBackoff for a 429 (Retry-After) or a
 * 503 (expiring), UseAlternative for a retired endpoint (named in the 410) or the unresolvable region,
 * FixArgument for the 400s, whose messages name the fix. Two facts are not in any message, so the
 * script knows them as a model that read the APIs' documentation would: forecasts of more than
 * {@value Fixture#MAX_FORECAST_DAYS} days time out, and {@link Fixture#WEATHER_AP2} serves the region
 * of {@link Fixture#WEATHER_AP}.
 *
 * <p>What makes prompts differ, deliberately: the script ignores the JSON schema sent in
 * {@code format} (as a server without constrained decoding would) and uses only the words of the
 * messages. A strategy type or a parameter source that no message names is beyond its knowledge: it
 * then invents a plausible type ({@code NormalizeArgument}, {@code RotateCredential}...) or leaves
 * the source empty, the reflector rejects the answer and re-asks with the problems, which list the
 * allowed values, and the second answer is valid. A prompt without the strategy vocabulary therefore
 * costs a re-ask per lesson: a lower valid-lesson rate and more tokens, the same lessons in the end.
 *
 * <p>Token counts are deterministic: one token per four characters of the messages (prompt) and of
 * the answer.
 */
public final class ScriptedLessonModel {

    /** The model name the scripted server reports. */
    public static final String MODEL = "scripted-lesson-model";

    static final Map<String, String> INVENTED_TYPES = Map.of(
            "ReplaceParam", "RotateCredential",
            "SkipTask", "CircuitBreaker",
            "RetryWithBackoff", "ExponentialBackoff",
            "UseAlternative", "Redirect",
            "FixArgument", "NormalizeArgument",
            "Advice", "Note");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOURCES = Pattern.compile("(?:Known sources:|configured sources \\[)\\s*([^\\n\\]]+)");
    private static final Pattern DATE = Pattern.compile("(?i)\\b(y{4}-m{2}-d{2})\\b");
    private static final Pattern MAXIMUM = Pattern.compile("(?:<=|at most)\\s*(\\d{1,9})");
    private static final Pattern TIMESTAMP = Pattern.compile("(?i)\\bISO-8601 timestamp\\b");
    /** The lesson a refinement says did not work, as the prompt shows it. */
    private static final Pattern DID_NOT_WORK = Pattern.compile("did NOT work[\\s\\S]*?applied automatically: (CLAMP_MAX|DATE_FORMAT) (\\S+) on (\\w+)");
    private static final Pattern ONE_OF = Pattern.compile("one of \\[([^\\]]*)]");
    private static final Pattern DEFAULT = Pattern.compile("\\(default: ([A-Za-z0-9_.-]+)\\)");
    private static final Pattern USE_INSTEAD = Pattern.compile("\\buse (/[A-Za-z0-9_./-]+)");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(key|token|secret|password|credential).*");

    private final Duration skipFor;

    /** @param skipFor how long a refused host is skipped (the deployment's setting, as the rules use it) */
    public ScriptedLessonModel(Duration skipFor) {
        this.skipFor = skipFor;
    }

    /**
     * The answer to one request.
     *
     * @param content the message content: one JSON lesson
     * @param promptTokens tokens of the messages
     * @param answerTokens tokens of the answer
     */
    public record Reply(String content, int promptTokens, int answerTokens) {}

    /** Answers an Ollama {@code /api/chat} request body. */
    public Reply answer(String requestBody) {
        JsonNode request = parse(requestBody);
        List<String> texts = new ArrayList<>();
        request.path("messages").forEach(m -> texts.add(m.path("content").asText("")));
        String conversation = String.join("\n", texts);
        FailureView failure = FailureView.parse(conversation);
        Map<String, Object> lesson = lesson(failure, conversation);
        String content = json(lesson);
        return new Reply(content, tokens(conversation), tokens(content));
    }

    /** The lesson for the failure, limited to what the conversation names. */
    private Map<String, Object> lesson(FailureView f, String conversation) {
        Draft d = refine(draft(f), conversation);
        String type = String.valueOf(d.strategy.get("type"));
        if (!mentions(conversation, type)) {
            d.strategy.put("type", INVENTED_TYPES.get(type));
        }
        if (type.equals("ReplaceParam")) {
            d.strategy.put("source", sourceFor(f.tool, conversation).orElse(""));
        }
        Map<String, Object> lesson = new LinkedHashMap<>();
        lesson.put("title", d.title);
        lesson.put("description", d.description);
        lesson.put("content", d.content);
        lesson.put("strategy", d.strategy);
        lesson.put("conditions", d.conditions);
        lesson.put("lifetimeSeconds", d.lifetimeSeconds);
        return lesson;
    }

    /** As a careful model would: a bound that still fails at its value is exclusive; a date gives way to a date-time. */
    private static Draft refine(Draft d, String conversation) {
        Matcher failed = DID_NOT_WORK.matcher(conversation);
        if (!failed.find()) {
            return d;
        }
        String transform = failed.group(1);
        String operand = failed.group(2);
        String p = failed.group(3);
        String next = transform.equals("CLAMP_MAX") ? String.valueOf(Long.parseLong(operand) - 1)
                : operand.equals("yyyy-MM-dd") ? "yyyy-MM-dd'T'HH:mm:ssXXX" : null;
        if (next == null) {
            return d;
        }
        return new Draft(transform.equals("CLAMP_MAX") ? "Keep " + p + " at most " + next : "Write " + p + " as " + next,
                "Applies to every call that passes " + p + "; refines a lesson that did not work.",
                transform.equals("CLAMP_MAX") ? "The server rejects " + operand + " too: its bound is exclusive. Cap " + p + " at " + next + "."
                        : "A plain date was rejected: write " + p + " as a timestamp, " + next + ".",
                strategy("FixArgument", "parameter", p, "transform", transform, "operand", next), List.of(condition(p, "PRESENT", "")), 0);
    }

    private Draft draft(FailureView f) {
        String tool = f.tool;
        switch (f.kind) {
            case "AUTH", "FORBIDDEN" -> {
                Optional<String> credential = f.matchable.stream().filter(p -> CREDENTIAL.matcher(p).matches()).findFirst();
                if (credential.isPresent()) {
                    String p = credential.get();
                    boolean auth = f.kind.equals("AUTH");
                    return new Draft(auth ? "Replace the rejected " + p + " of " + tool : "Use the " + p + " that has the scope for " + tool,
                            "Applies when " + tool + " is called again with the " + p + " it rejected; not for other values.",
                            (auth ? "This " + p + " was rejected as expired." : "This " + p + " lacks the scope the call needs.")
                                    + " Take " + p + " from the configured source instead of sending it again.",
                            strategy("ReplaceParam", "parameter", p), List.of(condition(p, "SAME_VALUE", "")), 0);
                }
            }
            case "HOST_DOWN" -> {
                if (f.host != null && f.hostParameter().isPresent()) {
                    return new Draft("Skip " + f.host + " while it refuses connections",
                            "Applies to calls of " + tool + " to " + f.host + " until the lesson expires; then one call probes it.",
                            "Host " + f.host + " refused the connection. Skip calls to it for " + skipFor.toMinutes() + " minutes, then probe once.",
                            strategy("SkipTask", "host", f.host, "skipForSeconds", skipFor.toSeconds()),
                            List.of(condition(f.hostParameter().get(), "HOST", f.host)), skipFor.toSeconds());
                }
            }
            case "UNKNOWN_HOST" -> {
                if (Fixture.WEATHER_AP.equals(f.host) && f.hostParameter().isPresent()) {
                    String p = f.hostParameter().get();
                    return new Draft("Use " + Fixture.WEATHER_AP2 + " for the AP region",
                            "Applies to calls of " + tool + " to " + f.host + ", whose name does not resolve.",
                            "Host " + f.host + " does not resolve; the region is served by " + Fixture.WEATHER_AP2 + ". Call that host instead.",
                            strategy("UseAlternative", "parameter", p, "value", Fixture.WEATHER_AP2), List.of(condition(p, "HOST", f.host)), 0);
                }
            }
            case "RATE_LIMITED" -> {
                long wait = f.retryAfterMillis == null ? 1000 : f.retryAfterMillis;
                return new Draft("Back off when " + tool + " is rate limited",
                        "Applies to calls of " + tool + " that answer 429; the server's Retry-After wins over the computed delay.",
                        tool + " limits the request rate. On a 429 wait " + wait + " ms (or the Retry-After), doubling, and retry up to 3 times.",
                        strategy("RetryWithBackoff", "maxRetries", 3, "initialDelayMillis", wait, "multiplier", 2.0), List.of(), 0);
            }
            case "SERVER_ERROR" -> {
                return new Draft("Retry " + tool + " after a transient server error",
                        "Applies to 5xx answers of " + tool + " for a while; a transient error is no reason to skip the tool.",
                        tool + " answered a transient " + f.status + ". Retry with a short backoff; do not skip the call.",
                        strategy("RetryWithBackoff", "maxRetries", 2, "initialDelayMillis", 200, "multiplier", 2.0), List.of(),
                        Duration.ofMinutes(30).toSeconds());
            }
            case "GONE" -> {
                Matcher use = USE_INSTEAD.matcher(f.message);
                if (use.find()) {
                    String alternative = use.group(1);
                    Optional<String> p = f.arguments.entrySet().stream().filter(e -> !e.getValue().isEmpty() && f.message.contains(e.getValue()))
                            .map(Map.Entry::getKey).filter(f.matchable::contains).findFirst();
                    if (p.isPresent()) {
                        return new Draft("Use " + alternative + " instead of the retired " + f.arguments.get(p.get()),
                                "Applies to calls of " + tool + " whose " + p.get() + " is the retired value; not to other values.",
                                "The server retired " + f.arguments.get(p.get()) + " (410). Call " + alternative + " instead.",
                                strategy("UseAlternative", "parameter", p.get(), "value", alternative),
                                List.of(condition(p.get(), "SAME_VALUE", "")), 0);
                    }
                }
            }
            case "VALIDATION" -> {
                Optional<Draft> fix = fix(f);
                if (fix.isPresent()) {
                    return fix.get();
                }
            }
            case "TIMEOUT" -> {
                Integer days = f.integer("days");
                if (tool.equals("weather") && days != null && days > Fixture.MAX_FORECAST_DAYS) {
                    int max = Fixture.MAX_FORECAST_DAYS;
                    return new Draft("Keep days at most " + max + " to avoid timeouts",
                            "Applies to forecasts of " + tool + "; forecasts of more than " + max + " days take longer than the client waits.",
                            "The forecast for " + days + " days timed out. Cap days at " + max + " instead of retrying the oversized request.",
                            strategy("FixArgument", "parameter", "days", "transform", "CLAMP_MAX", "operand", String.valueOf(max)),
                            List.of(condition("days", "PRESENT", "")), 0);
                }
                return new Draft("Retry " + tool + " after a timeout", "Applies to timeouts of " + tool + " for a while.",
                        tool + " did not answer in time. Retry with a short backoff.",
                        strategy("RetryWithBackoff", "maxRetries", 2, "initialDelayMillis", 200, "multiplier", 2.0), List.of(),
                        Duration.ofMinutes(30).toSeconds());
            }
            default -> { }
        }
        return new Draft("Check the arguments of " + tool + " after a " + f.kind.toLowerCase(Locale.ROOT) + " error",
                "Applies to calls of " + tool + " that may fail the same way.",
                tool + " failed: " + cut(f.message) + ". Check the arguments against this error before calling again.",
                strategy("Advice"), List.of(), 0);
    }

    private static Optional<Draft> fix(FailureView f) {
        String message = f.message.replaceFirst("^HTTP \\d+ from \\S+: ", "");
        Optional<String> named = namedParameter(f, message);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String p = named.get();
        String tool = f.tool;
        if (TIMESTAMP.matcher(message).find()) {
            return Optional.of(present(tool, p, "DATE_FORMAT", "yyyy-MM-dd'T'HH:mm:ssXXX", "Write " + p + " as an ISO-8601 timestamp",
                    tool + " accepts " + p + " only as an ISO-8601 timestamp; write any date as yyyy-MM-ddTHH:mm:ssXXX before the call."));
        }
        Matcher date = DATE.matcher(message);
        if (date.find()) {
            String pattern = date.group(1).toLowerCase(Locale.ROOT).replace("mm", "MM");
            return Optional.of(present(tool, p, "DATE_FORMAT", pattern, "Write " + p + " as " + pattern,
                    tool + " accepts " + p + " only in the format " + pattern + "; reformat any other date before the call."));
        }
        Matcher oneOf = ONE_OF.matcher(message);
        if (oneOf.find()) {
            List<String> values = Arrays.stream(oneOf.group(1).split(",")).map(String::strip).toList();
            boolean upper = values.stream().allMatch(v -> v.equals(v.toUpperCase(Locale.ROOT)));
            return Optional.of(present(tool, p, upper ? "UPPERCASE" : "LOWERCASE", "", (upper ? "Upper-case " : "Lower-case ") + p,
                    p + " is case-sensitive: one of " + values + ". " + (upper ? "Upper-case" : "Lower-case") + " it before the call."));
        }
        Matcher defaultValue = DEFAULT.matcher(message);
        if (message.contains("required") && defaultValue.find()) {
            String value = defaultValue.group(1);
            return Optional.of(new Draft("Pass " + p + " (default " + value + ")",
                    "Applies when " + tool + " is called without " + p + "; a given " + p + " is kept.",
                    p + " is required; when it is missing pass the documented default " + value + ".",
                    strategy("FixArgument", "parameter", p, "transform", "DEFAULT_IF_MISSING", "operand", value),
                    List.of(condition(p, "MISSING", "")), 0));
        }
        Matcher maximum = MAXIMUM.matcher(message);
        if (maximum.find()) {
            String max = maximum.group(1);
            return Optional.of(present(tool, p, "CLAMP_MAX", max, "Keep " + p + " at most " + max, tool + " rejects " + p + " above " + max
                    + "; cap it at " + max + "."));
        }
        return Optional.empty();
    }

    /** The parameter of the tool that the message names first. */
    private static Optional<String> namedParameter(FailureView f, String message) {
        List<String> candidates = new ArrayList<>(f.parameters);
        f.arguments.keySet().stream().filter(k -> !candidates.contains(k)).forEach(candidates::add);
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(candidate) + "\\b").matcher(message);
            if (m.find() && m.start() < at) {
                best = candidate;
                at = m.start();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Draft present(String tool, String p, String transform, String operand, String title, String content) {
        return new Draft(title, "Applies to every call of " + tool + " that passes " + p + "; harmless when the value is already right.",
                content, strategy("FixArgument", "parameter", p, "transform", transform, "operand", operand), List.of(condition(p, "PRESENT", "")), 0);
    }

    /** The source a ReplaceParam takes: one the conversation lists whose key starts with the tool's name. */
    private static Optional<String> sourceFor(String tool, String conversation) {
        Matcher m = SOURCES.matcher(conversation);
        while (m.find()) {
            Optional<String> source = Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replaceAll("[.\\s]+$", ""))
                    .filter(s -> s.startsWith(tool + ".")).findFirst();
            if (source.isPresent()) {
                return source;
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String conversation, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(conversation).find();
    }

    /** A flat strategy object, as the schema asks: every field present, the unused ones empty. */
    private static Map<String, Object> strategy(String type, Object... fields) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        for (String text : List.of("parameter", "source", "host")) {
            s.put(text, "");
        }
        s.put("skipForSeconds", 0);
        s.put("maxRetries", 0);
        s.put("initialDelayMillis", 0);
        s.put("multiplier", 0);
        s.put("tool", "");
        s.put("value", "");
        s.put("transform", "");
        s.put("operand", "");
        for (int i = 0; i < fields.length; i += 2) {
            s.put((String) fields[i], fields[i + 1]);
        }
        return s;
    }

    private static Map<String, Object> condition(String parameter, String op, String value) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("parameter", parameter);
        c.put("op", op);
        c.put("value", value);
        return c;
    }

    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static String cut(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Draft(String title, String description, String content, Map<String, Object> strategy,
            List<Map<String, Object>> conditions, long lifetimeSeconds) {}

    /** The fields of the failure block that {@code reflect-failure} renders. */
    record FailureView(String tool, String kind, int status, String host, Long retryAfterMillis, String message,
            Map<String, String> arguments, List<String> matchable, List<String> parameters) {

        private static final Pattern ARGUMENT = Pattern.compile("([A-Za-z0-9_.-]+)=([^,}]*)");

        static FailureView parse(String conversation) {
            String arguments = line(conversation, "arguments").orElse("{}");
            Map<String, String> args = new LinkedHashMap<>();
            Matcher m = ARGUMENT.matcher(arguments);
            while (m.find()) {
                args.put(m.group(1), m.group(2).strip());
            }
            List<String> matchable = line(conversation, "arguments a SAME_VALUE condition can match")
                    .filter(s -> !s.equals("none")).map(s -> Arrays.stream(s.split(",")).map(String::strip).toList()).orElse(List.of());
            Matcher parameters = Pattern.compile("has exactly these parameters: ([^.\\n]+)").matcher(conversation);
            return new FailureView(
                    line(conversation, "tool").orElse("unknown"),
                    line(conversation, "error kind").orElse("UNKNOWN"),
                    line(conversation, "HTTP status").map(Integer::parseInt).orElse(0),
                    line(conversation, "host that failed").orElse(null),
                    line(conversation, "server asked to retry after").map(s -> Long.parseLong(s.replace(" ms", "").strip())).orElse(null),
                    line(conversation, "message").orElse(""),
                    args,
                    matchable,
                    parameters.find() ? Arrays.stream(parameters.group(1).split(",")).map(String::strip).toList() : List.copyOf(args.keySet()));
        }

        private static Optional<String> line(String text, String label) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + ": (.*)$").matcher(text);
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        }

        Optional<String> hostParameter() {
            return arguments.keySet().stream().filter(k -> k.equalsIgnoreCase("host")).findFirst();
        }

        Integer integer(String argument) {
            try {
                return arguments.containsKey(argument) ? Integer.valueOf(arguments.get(argument)) : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }
}
