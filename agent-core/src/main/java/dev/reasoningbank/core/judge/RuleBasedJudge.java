package dev.reasoningbank.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The default judge: a result that did not throw is a success unless it is a map, JSON or XML reporting
 * an error the way APIs that answer 200 do: an error member ({@code "error"}, {@code "errors"},
 * {@code "Error Message"}, {@code "error_text"}...) at its top or in the object it wraps its answer in,
 * {@code "success": false}, a status of 400 or more, a {@code status} or {@code result} of
 * {@code "error"} (or {@code "failed"} beside a message), or an XML root that says {@code status="failed"},
 * is an error element or opens with one.
 */
final class RuleBasedJudge implements OutcomeJudge {

    static final RuleBasedJudge INSTANCE = new RuleBasedJudge();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Member names, lower case and letters only, that hold an error when they hold anything. */
    private static final Set<String> ERROR_MEMBERS = Set.of("error", "errors", "errormessage", "errormsg", "errortext", "errordescription");
    private static final Set<String> STATUS_MEMBERS = Set.of("status", "stat", "result");
    private static final Set<String> FAILED = Set.of("error", "failed", "fail", "failure");
    private static final Set<String> SUCCEEDED = Set.of("ok", "success", "succeeded", "successful");
    private static final Set<String> MESSAGE_MEMBERS = Set.of("message", "msg", "detail", "description", "reason");
    /** The name of an exception's class as Moodle reports the one it threw: {@code invalid_parameter_exception}, {@code core\\invalid_persistent_exception}. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[a-z][a-z0-9_\\\\]{0,100}_exception");
    /** All an error of Moodle's web services holds. */
    private static final Set<String> MOODLE_ERROR_MEMBERS = Set.of("exception", "errorcode", "message", "debuginfo", "link", "moreinfourl");
    /** The root element of an XML document, after its prolog, comments and doctype. */
    private static final Pattern XML_ROOT = Pattern.compile("(?s)^\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE[^>]*>\\s*)*<([A-Za-z][\\w.:-]*)([^>]{0,2000})>");
    private static final Pattern XML_STATUS = Pattern.compile("(?i)(?<![\\w:-])(?:status|stat)\\s*=\\s*[\"'](failed|fail|failure|error)[\"']");
    /** {@code <eSearchResult><ERROR>Search Backend failed: ...</ERROR>} (NCBI E-utilities): an error in words (not {@code <error>false</error>}) as the root's first element. */
    private static final Pattern XML_FIRST_CHILD_ERROR = Pattern.compile("(?i)\\s*<(?:error|fault)>\\s*[A-Za-z][^<]*?\\s[^<]*?[A-Za-z]");
    private static final Set<String> XML_ERROR_ROOTS = Set.of("error", "errors", "fault", "errorresponse");

    private RuleBasedJudge() {}

    @Override
    public Verdict judge(ToolCall call, @Nullable Object result) {
        JsonNode json = json(result);
        if (json != null && json.isObject() && reportsError(json)) {
            return Verdict.failure("the result reports an error: " + cut(json.toString()));
        }
        if (result instanceof CharSequence text) {
            String compact = text.toString().replace(" ", "").toLowerCase(Locale.ROOT);
            if (compact.startsWith("{") && (compact.contains("\"status\":\"error\"") || compact.contains("\"error\":{")
                    || compact.contains("\"error\":\""))) {
                return Verdict.failure("the result reports an error: " + cut(text.toString()));
            }
            Matcher root = XML_ROOT.matcher(text);
            if (root.lookingAt() && (XML_STATUS.matcher(root.group(2)).find()
                    || XML_ERROR_ROOTS.contains(root.group(1).replaceFirst("^.*:", "").toLowerCase(Locale.ROOT))
                    || XML_FIRST_CHILD_ERROR.matcher(text).region(root.end(), text.length()).lookingAt())) {
                return Verdict.failure("the result reports an error: " + cut(text.toString()));
            }
        }
        return Verdict.SUCCESS;
    }

    private static boolean reportsError(JsonNode object) {
        JsonNode status = object.get("status");
        if (status != null && status.isNumber() && status.asInt() >= 400 && status.asInt() <= 599) {
            return true;
        }
        // {"retCode": 10006, "retMsg": "Too many visits!"} (Bybit): a return code other than 0 beside its message; {"retCode": 0,
        // "retMsg": "OK"} and, by another convention, {"retCode": 200, "retMsg": "success"} are answers
        JsonNode retCode = object.has("retCode") ? object.get("retCode") : object.get("ret_code");
        JsonNode retMsg = object.has("retMsg") ? object.get("retMsg") : object.path("ret_msg");
        if (retCode != null && retCode.isIntegralNumber() && retCode.asLong() != 0 && (retCode.asLong() < 200 || retCode.asLong() > 299)
                && saysSomething(retMsg) && !SUCCEEDED.contains(retMsg.asText().strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (object.path("success").isBoolean() && !object.get("success").asBoolean() || object.path("ok").isBoolean() && !object.get("ok").asBoolean()) {
            return true;
        }
        // Moodle's web services: {"exception": "moodle_exception", "errorcode": "invalidtoken", "message": "Invalid token - token not found"},
        // an error and nothing else (never a record that holds one, such as a log entry with its id)
        if (object.path("exception").isTextual() && EXCEPTION_NAME.matcher(object.get("exception").asText()).matches()
                && object.path("errorcode").isTextual() && saysSomething(object.get("errorcode")) && saysSomething(object.path("message"))
                && onlyMembers(object, MOODLE_ERROR_MEMBERS)) {
            return true;
        }
        boolean message = false;
        String failed = null;
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = letters(member.getKey());
            JsonNode value = member.getValue();
            // {"header": {...}, "esearchresult": {"ERROR": "..."}}: the error in the object that wraps the answer
            if (isError(name, value) || value.isObject() && wrapsError(value)) {
                return true;
            }
            if (STATUS_MEMBERS.contains(name) && value.isTextual() && FAILED.contains(value.asText().strip().toLowerCase(Locale.ROOT))) {
                failed = value.asText().strip().toLowerCase(Locale.ROOT);
            }
            message |= MESSAGE_MEMBERS.contains(name) && saysSomething(value);
        }
        // {"result": "error", "message": "..."} (Matomo); a record whose status is "failed" and no more is an answer
        return "error".equals(failed) || failed != null && message;
    }

    private static boolean onlyMembers(JsonNode object, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean wrapsError(JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (isError(letters(member.getKey()), member.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isError(String name, JsonNode value) {
        return ERROR_MEMBERS.contains(name) && saysSomething(value);
    }

    /** A member name in lower case and letters only: {@code "Error Message"} is {@code "errormessage"}. */
    private static String letters(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static boolean saysSomething(JsonNode value) {
        return value.isTextual() ? !value.asText().isBlank() : value.isContainerNode() ? value.size() > 0
                : value.isNumber() ? value.asDouble() != 0 : value.isBoolean() && value.asBoolean();
    }

    private static @Nullable JsonNode json(@Nullable Object result) {
        try {
            if (result instanceof Map<?, ?> map) {
                ObjectNode object = JSON.createObjectNode();
                map.forEach((name, value) -> object.set(String.valueOf(name), tree(value)));
                return object;
            }
            if (result instanceof JsonNode node) {
                return node;
            }
            if (result instanceof CharSequence text && text.toString().strip().startsWith("{")) {
                return JSON.readTree(text.toString());
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // a map of values JSON cannot hold, or text that only looks like JSON: judged by its text below
        }
        return null;
    }

    /** A value as JSON, or as its text when JSON cannot hold it (a {@code LocalDate} without Jackson's time module). */
    private static JsonNode tree(@Nullable Object value) {
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException notJson) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    private static String cut(String text) {
        return text.length() <= Failure.MAX_MESSAGE ? text : text.substring(0, Failure.MAX_MESSAGE) + "…";
    }
}
