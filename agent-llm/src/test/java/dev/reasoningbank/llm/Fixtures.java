package dev.reasoningbank.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Failures, model answers and wire bodies shared by the tests. */
public final class Fixtures {

    /** An API key the tool rejects and echoes in its error: it must never reach a model. */
    public static final String EXPIRED_KEY = "sk-expired-0123456789abcdef";
    /** A bearer token the server echoes in its error: it must never reach a model. */
    public static final String BEARER = "tok9f8e7d6c5b4a3210zz";
    public static final List<String> WEATHER_PARAMETERS = List.of("city", "apiKey");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A 401 from the weather tool whose message echoes the key and a bearer token. */
    public static Failure expiredKeyFailure() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("city", "Paris");
        arguments.put("apiKey", EXPIRED_KEY);
        return Failure.of(ToolCall.of("weather", arguments), ToolException.http(401,
                "Invalid API key " + EXPIRED_KEY + " (request sent with Authorization: Bearer " + BEARER + ")", "api.weather.example"));
    }

    /** A failure with fixed text (no real stack trace), for golden files. */
    public static Failure fixedFailure() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("city", "Paris");
        arguments.put("apiKey", "[REDACTED:argument]");
        return new Failure("weather", arguments,
                Map.of("city", "sha256:0123456789ab", "apiKey", "sha256:ba9876543210"), ErrorKind.AUTH,
                "dev.reasoningbank.core.tool.ToolException", "Invalid API key [REDACTED:argument]",
                "dev.reasoningbank.core.tool.ToolException: Invalid API key [REDACTED:argument]\n\tat example.Weather.call(Weather.java:42)",
                401, null, "api.weather.example");
    }

    /** A valid ReplaceParam lesson answer for {@link #expiredKeyFailure()}. */
    public static String replaceKeyAnswer() {
        return lessonAnswer("Use the rotated weather key", "ReplaceParam", "apiKey", "weather.apiKey", "SAME_VALUE");
    }

    public static String lessonAnswer(String title, String type, String parameter, String source, String conditionOp) {
        return lessonAnswer(title, Map.of("type", type, "parameter", parameter, "source", source),
                conditionOp == null ? List.of() : List.of(Map.of("parameter", parameter, "op", conditionOp, "value", "")), 0);
    }

    /**
     * A lesson answer in the reflection schema: every strategy field blank or 0 unless {@code strategyFields}
     * sets it.
     */
    public static String lessonAnswer(String title, Map<String, Object> strategyFields, List<Map<String, String>> conditions, long lifetimeSeconds) {
        Map<String, Object> strategy = new LinkedHashMap<>();
        for (String text : List.of("type", "parameter", "source", "host")) {
            strategy.put(text, "");
        }
        for (String number : List.of("skipForSeconds", "maxRetries", "initialDelayMillis", "multiplier")) {
            strategy.put(number, 0);
        }
        for (String text : List.of("tool", "value", "transform", "operand")) {
            strategy.put(text, "");
        }
        strategy.putAll(strategyFields);
        Map<String, Object> lesson = new LinkedHashMap<>();
        lesson.put("title", title);
        lesson.put("description", "Applies when weather rejects the apiKey it was given; not for other keys.");
        lesson.put("content", "The apiKey was rejected (401). Take apiKey from the configured source instead of retrying it.");
        lesson.put("strategy", strategy);
        lesson.put("conditions", conditions);
        lesson.put("lifetimeSeconds", lifetimeSeconds);
        return json(lesson);
    }

    /** A recorded-style Ollama {@code /api/chat} answer whose message content is {@code content}. */
    public static String ollamaAnswer(String content) {
        return "{\"model\":\"qwen2.5:3b\",\"created_at\":\"2026-01-01T10:15:31.123456Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                + json(content) + "},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1234567890,\"load_duration\":12345678,"
                + "\"prompt_eval_count\":140,\"prompt_eval_duration\":234567890,\"eval_count\":12,\"eval_duration\":345678901}";
    }

    /** A recorded-style Ollama answer that calls {@code tool} with {@code arguments}. */
    public static String ollamaToolCall(String tool, Map<String, Object> arguments) {
        return "{\"model\":\"qwen2.5:3b\",\"created_at\":\"2026-01-01T10:15:30.123456Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":" + json(tool) + ",\"arguments\":" + json(arguments) + "}}]},"
                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1234567890,\"load_duration\":12345678,"
                + "\"prompt_eval_count\":120,\"prompt_eval_duration\":234567890,\"eval_count\":25,\"eval_duration\":345678901}";
    }

    /** A recorded-style OpenAI {@code /v1/chat/completions} answer whose message content is {@code content}. */
    public static String openAiAnswer(String content) {
        return "{\"id\":\"chatcmpl-A2\",\"object\":\"chat.completion\",\"created\":1732500001,\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + json(content)
                + ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9,\"total_tokens\":129},\"system_fingerprint\":\"fp_0ba0d124f1\"}";
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
