package dev.reasoningbank.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonValidator;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.reflect.LessonDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON schema of a lesson answer and its validation. The schema is flat (every field required,
 * unused ones empty) so that OpenAI's strict mode and Ollama's constrained decoding behave alike,
 * and closed: strategy types, transforms, condition operators, and, when known, parameter names and
 * parameter sources are enums, so a model can only choose among them. Validation repeats every check
 * (a server may ignore the schema) and adds those a schema cannot express.
 */
final class LessonAnswers {

    static final List<String> CONDITION_OPS = List.of("SAME_VALUE", "HOST", "PRESENT", "MISSING");
    static final Set<String> LESSON_FIELDS = Set.of("title", "description", "content", "strategy", "conditions", "lifetimeSeconds", "scope");
    static final List<String> SCOPES = Arrays.stream(Scope.values()).map(Enum::name).toList();
    static final long MAX_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The closed strategy vocabulary as the prompts list it: each strategy describes itself. */
    static final String VOCABULARY = Strategy.VOCABULARY;

    private LessonAnswers() {}

    static String transforms() {
        return String.join(", ", transformNames());
    }

    private static List<String> transformNames() {
        return Arrays.stream(Strategy.Transform.values()).map(Enum::name).toList();
    }

    /** The schema of one lesson; {@code withFailureIndex} adds the number of the failure it prevents (success reflection). */
    static JsonObjectSchema lessonSchema(List<String> parameters, List<String> sources, boolean withFailureIndex) {
        JsonObjectSchema strategy = JsonObjectSchema.builder()
                .description("what to do; fill only the fields the chosen type uses, '' or 0 for the others")
                .addProperty("type", JsonEnumSchema.builder().enumValues(Strategy.NAMES).build())
                .addProperty("parameter", nameChoice(parameters, true, "the tool parameter the strategy acts on"))
                .addProperty("source", nameChoice(sources, true, "ReplaceParam: the configured source of the value"))
                .addProperty("host", JsonStringSchema.builder().description("SkipTask: the host that failed").build())
                .addProperty("skipForSeconds", JsonIntegerSchema.builder().build())
                .addProperty("maxRetries", JsonIntegerSchema.builder().build())
                .addProperty("initialDelayMillis", JsonIntegerSchema.builder().build())
                .addProperty("multiplier", JsonNumberSchema.builder().build())
                .addProperty("tool", JsonStringSchema.builder().description("UseAlternative: another tool, or ''").build())
                .addProperty("value", JsonStringSchema.builder().description("UseAlternative: the parameter's new value").build())
                .addProperty("transform", JsonEnumSchema.builder().enumValues(withEmpty(transformNames())).build())
                .addProperty("operand", JsonStringSchema.builder().description("FixArgument: a date pattern, a maximum or a default").build())
                .required("type", "parameter", "source", "host", "skipForSeconds", "maxRetries", "initialDelayMillis", "multiplier",
                        "tool", "value", "transform", "operand")
                .additionalProperties(false)
                .build();
        JsonObjectSchema condition = JsonObjectSchema.builder()
                .addProperty("parameter", nameChoice(parameters, false, "a parameter of the tool"))
                .addProperty("op", JsonEnumSchema.builder().enumValues(CONDITION_OPS).build())
                .addProperty("value", JsonStringSchema.builder().description("HOST: the host; otherwise ''").build())
                .required("parameter", "op", "value")
                .additionalProperties(false)
                .build();
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        if (withFailureIndex) {
            properties.put("failure", JsonIntegerSchema.builder().description("the number of the failure this lesson prevents").build());
        }
        properties.put("title", JsonStringSchema.builder().description("a short name, at most 120 characters").build());
        properties.put("description", JsonStringSchema.builder().description("when the lesson applies and when not").build());
        properties.put("content", JsonStringSchema.builder().description("what to do, in 1 to 3 sentences").build());
        properties.put("strategy", strategy);
        properties.put("conditions", JsonArraySchema.builder().items(condition).build());
        properties.put("lifetimeSeconds", JsonIntegerSchema.builder().description("how long the lesson holds; 0 for ever").build());
        properties.put("scope", JsonEnumSchema.builder().enumValues(SCOPES)
                .description("TOOL: this tool only; HOST: every tool calling this host; PARAMETER: this parameter on every tool of this host").build());
        return JsonObjectSchema.builder()
                .addProperties(properties)
                .required(new ArrayList<>(properties.keySet()))
                .additionalProperties(false)
                .build();
    }

    private static JsonSchemaElement nameChoice(List<String> names, boolean allowEmpty, String description) {
        if (names.isEmpty()) {
            return JsonStringSchema.builder().description(description).build();
        }
        return JsonEnumSchema.builder().enumValues(allowEmpty ? withEmpty(names) : names).description(description).build();
    }

    private static List<String> withEmpty(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add("");
        return all;
    }

    /** The JSON object in a model's answer (tolerating a Markdown fence around it). */
    static @Nullable JsonNode parseObject(String text, List<String> problems) {
        String trimmed = text.strip();
        int start = trimmed.indexOf('{');
        int end = trimmed.lastIndexOf('}');
        if (start < 0 || end < start) {
            problems.add("the answer is not a JSON object; answer with exactly one JSON object");
            return null;
        }
        try {
            JsonNode node = JSON.readTree(trimmed.substring(start, end + 1));
            if (!node.isObject()) {
                problems.add("the answer is not a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add("the answer is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /**
     * The lesson an answer object describes for {@code failure}, or the problems that keep it from
     * being one. Problems are prefixed with {@code path} (e.g. {@code lessons[1].}).
     */
    static @Nullable Lesson lesson(JsonNode node, String path, Failure failure, List<String> parameters, List<String> sources,
            java.util.Set<String> alternatives,
            String reflector, Instant now, List<String> problems) {
        int before = problems.size();
        Fields f = new Fields(node, path, problems);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LESSON_FIELDS.contains(name) && !name.equals("failure")) {
                problems.add(path + name + " is not a field of a lesson; the fields are " + LESSON_FIELDS.stream().sorted().toList());
            }
        }
        String title = f.text("title", 1, Lesson.MAX_TITLE);
        String description = f.text("description", 0, Lesson.MAX_DESCRIPTION);
        String content = f.text("content", 1, Lesson.MAX_CONTENT);
        long lifetime = f.integer("lifetimeSeconds", 0, MAX_LIFETIME_SECONDS);
        Strategy strategy = f.object("strategy").map(s -> strategy(s, failure, sources, alternatives, problems)).orElse(null);
        List<ArgumentCondition> conditions = conditions(f.array("conditions"), path + "conditions", failure, problems);
        if (problems.size() > before || strategy == null) {
            return null;
        }
        // a model may only narrow what the strategy allows (absent: as the rules would have it)
        Scope scope = node.has("scope") ? f.choice("scope", SCOPES).map(Scope::valueOf).orElse(null) : null;
        if (problems.size() > before) {
            return null;
        }
        Duration lifetimeDuration = lifetime > 0 ? Duration.ofSeconds(lifetime)
                : strategy instanceof Strategy.SkipTask skip ? skip.skipFor() : null;
        Lesson lesson;
        try {
            lesson = new LessonDraft(title, description, content, strategy, conditions, lifetimeDuration).withScope(scope).toLesson(failure, reflector, now);
        } catch (IllegalArgumentException e) {
            problems.add(path + e.getMessage());
            return null;
        }
        LessonValidator.problems(lesson, parameters).forEach(p -> problems.add(path + p));
        if (!lesson.trigger().matchesFailedCall(failure.tool(), failure.arguments(), failure.fingerprints())) {
            problems.add(path + "conditions must hold for the failed call itself (a lesson that does not match its own failure "
                    + "would never be found again); use SAME_VALUE, HOST, PRESENT or MISSING as the failed call had them");
        }
        return problems.size() > before ? null : lesson;
    }

    /** A path, a URL or a host name: a value that says where a call goes. */
    private static boolean looksLikeAPlace(String value) {
        return value.contains("/") || value.contains(":") || value.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+");
    }

    /** A value the server itself named (in its message, headers or body) that keeps the call on the failed call's host. */
    private static boolean sameHostSuccessor(Failure failure, String parameter, String value) {
        Object old = failure.arguments().get(parameter);
        if (old == null || !dev.reasoningbank.core.reflect.Successors.staysOnHost(String.valueOf(old), value)) {
            return false;
        }
        String said = failure.message() + "\n" + String.join("\n", failure.headers().values()) + "\n" + failure.body();
        return said.contains(value) || value.startsWith("http") && said.contains(java.net.URI.create(value).getRawPath());
    }

    private static boolean isHostParameter(String parameter) {
        return dev.reasoningbank.core.failure.HostNames.isHostParameter(parameter);
    }

    private static @Nullable Strategy strategy(Fields s, Failure failure, List<String> sources, java.util.Set<String> alternatives,
            List<String> problems) {
        int before = problems.size();
        String type = s.text("type", 1, 40);
        if (problems.size() > before) {
            return null;
        }
        if (!Strategy.NAMES.contains(type)) {
            problems.add(s.path + "type must be one of " + Strategy.NAMES + " but was '" + cut(type) + "'");
            return null;
        }
        try {
            Strategy strategy = switch (type) {
                case "ReplaceParam" -> {
                    String source = s.plain("source");
                    if (!sources.isEmpty() && !sources.contains(source)) {
                        problems.add(s.path + "source must be one of the configured sources " + sources + " but was '" + cut(source) + "'");
                    }
                    String parameter = s.text("parameter", 1, 100);
                    if (parameter != null && !dev.reasoningbank.core.redact.Redactor.isSecretName(parameter)) {
                        problems.add(s.path + "parameter: ReplaceParam may only replace a credential parameter (a key, token or "
                                + "password), not '" + cut(parameter) + "'");
                    }
                    yield new Strategy.ReplaceParam(parameter, source);
                }
                case "SkipTask" -> {
                    String host = s.plain("host");
                    String failed = failure.failedHost().orElse(null);
                    if (failed == null) {
                        problems.add(s.path + "host: SkipTask needs a host that failed, and this failure names none; choose another strategy");
                    } else if (!failed.equalsIgnoreCase(host) && !failed.equalsIgnoreCase(ArgumentCondition.hostOf(host))) {
                        problems.add(s.path + "host must be the host that failed ('" + failed + "') but was '" + cut(host) + "'");
                    }
                    yield new Strategy.SkipTask(host, Duration.ofSeconds(s.integer("skipForSeconds", 1, MAX_LIFETIME_SECONDS)));
                }
                case "RetryWithBackoff" -> new Strategy.RetryWithBackoff(
                        (int) s.integer("maxRetries", 1, 10),
                        Duration.ofMillis(s.integer("initialDelayMillis", 0, Duration.ofMinutes(10).toMillis())),
                        s.number("multiplier", 1.0, 10.0));
                case "UseAlternative" -> {
                    String parameter = s.plain("parameter");
                    String value = s.plain("value");
                    if (parameter != null && value != null && !value.isBlank() && !alternatives.contains(value)
                            && (isHostParameter(parameter) || looksLikeAPlace(value)) && !sameHostSuccessor(failure, parameter, value)) {
                        problems.add(s.path + "value: a model may change where a call goes ('" + cut(value)
                                + "') only to a successor on the same host that the server's error names, or to an alternative "
                                + "configured in the rule-based reflector (configured: " + alternatives.stream().sorted().toList()
                                + "); choose another strategy");
                    }
                    yield new Strategy.UseAlternative(s.plain("tool"), parameter, value);
                }
                case "FixArgument" -> {
                    String transform = s.text("transform", 1, 40);
                    if (!transformNames().contains(transform)) {
                        problems.add(s.path + "transform must be one of " + transformNames() + " but was '" + cut(transform) + "'");
                        yield null;
                    }
                    String parameter = s.text("parameter", 1, 100);
                    if (parameter != null && isHostParameter(parameter) && "DEFAULT_IF_MISSING".equals(transform)) {
                        problems.add(s.path + "parameter: a model may not choose a host for calls ('" + cut(parameter) + "'); choose another strategy");
                    }
                    yield new Strategy.FixArgument(parameter, Strategy.Transform.valueOf(transform), s.plain("operand"));
                }
                default -> new Strategy.Advice();
            };
            return problems.size() > before ? null : strategy;
        } catch (IllegalArgumentException e) {
            problems.add(s.path + type + ": " + e.getMessage());
            return null;
        }
    }

    private static List<ArgumentCondition> conditions(List<JsonNode> items, String path, Failure failure, List<String> problems) {
        List<ArgumentCondition> conditions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "].";
            if (!items.get(i).isObject()) {
                problems.add(at + " must be an object with parameter, op and value");
                continue;
            }
            Fields c = new Fields(items.get(i), at, problems);
            String parameter = c.text("parameter", 1, 100);
            String op = c.text("op", 1, 20);
            String value = c.plain("value");
            if (parameter.isBlank()) {
                continue;
            }
            switch (op) {
                case "SAME_VALUE" -> {
                    String fingerprint = failure.fingerprints().get(parameter);
                    if (fingerprint == null) {
                        problems.add(at + "parameter: the failed call had no argument '" + cut(parameter) + "' to match again");
                    } else {
                        conditions.add(new ArgumentCondition(parameter, ArgumentCondition.Op.FINGERPRINT, fingerprint));
                    }
                }
                case "HOST" -> {
                    String failed = failure.failedHost().orElse(null);
                    String host = value.isBlank() ? failed : ArgumentCondition.hostOf(value);
                    if (failed == null || !failed.equalsIgnoreCase(host)) {
                        problems.add(at + "value: a HOST condition must name the host that failed"
                                + (failed == null ? ", and this failure names none" : " ('" + failed + "')"));
                    } else {
                        conditions.add(ArgumentCondition.host(parameter, failed));
                    }
                }
                case "PRESENT" -> conditions.add(ArgumentCondition.present(parameter));
                case "MISSING" -> conditions.add(ArgumentCondition.missing(parameter));
                default -> problems.add(at + "op must be one of " + CONDITION_OPS + " but was '" + cut(op) + "'");
            }
        }
        return conditions;
    }

    static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** Typed access to the fields of an answer object that records every problem it meets. */
    static final class Fields {
        final JsonNode node;
        final String path;
        final List<String> problems;

        Fields(JsonNode node, String path, List<String> problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        String text(String name, int minLength, int maxLength) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                problems.add(path + name + " is missing");
                return "";
            }
            if (!value.isTextual()) {
                problems.add(path + name + " must be a string");
                return "";
            }
            String text = value.asText().strip();
            if (text.length() < minLength) {
                problems.add(path + name + " must not be empty");
            } else if (text.length() > maxLength) {
                problems.add(path + name + " must be at most " + maxLength + " characters but was " + text.length());
            }
            return text;
        }

        /** A text that drives an action: no URL, no white space (commands are caught by the lesson validator). */
        String plain(String name) {
            String text = text(name, 0, 200);
            if (text.contains("://")) {
                problems.add(path + name + " must not be a URL, but was '" + cut(text) + "'");
            } else if (text.chars().anyMatch(Character::isWhitespace)) {
                problems.add(path + name + " must be a single plain value without spaces, but was '" + cut(text) + "'");
            }
            return text;
        }

        /** A text that must be one of {@code choices}; empty (a problem recorded) when it is not. */
        java.util.Optional<String> choice(String name, List<String> choices) {
            String text = text(name, 0, 40);
            if (!choices.contains(text)) {
                problems.add(path + name + " must be one of " + choices + " but was '" + cut(text) + "'");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(text);
        }

        long integer(String name, long min, long max) {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber()) {
                problems.add(path + name + " must be a whole number");
                return min;
            }
            long number = value.asLong();
            if (number < min || number > max) {
                problems.add(path + name + " must be between " + min + " and " + max + " but was " + number);
                return min;
            }
            return number;
        }

        double number(String name, double min, double max) {
            JsonNode value = node.get(name);
            if (value == null || !value.isNumber()) {
                problems.add(path + name + " must be a number");
                return min;
            }
            double number = value.asDouble();
            if (!(number >= min && number <= max)) {
                problems.add(path + name + " must be between " + min + " and " + max + " but was " + number);
                return min;
            }
            return number;
        }

        java.util.Optional<Fields> object(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isObject()) {
                problems.add(path + name + " must be an object");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Fields(value, path + name + ".", problems));
        }

        List<JsonNode> array(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isArray()) {
                problems.add(path + name + " must be a list (empty when there is no condition)");
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            return items;
        }
    }
}
