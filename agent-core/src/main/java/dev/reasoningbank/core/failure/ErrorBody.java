package dev.reasoningbank.core.failure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reasoningbank.core.internal.Internal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a server said in an error body, apart from its wrapping: the human message, the machine code
 * and the field it names. Reads the common shapes: JSON ({@code error}, {@code error.message},
 * {@code message}, {@code detail}, {@code title}, {@code errors[]}, {@code error_description}, nested
 * codes), RFC 9457 problem+json, GraphQL {@code errors[]}, XML ({@code <Error><Code>/<Message>}),
 * HTML error pages ({@code <title>}/{@code <h1>}) and plain text.
 *
 * @param message the server's message, one line, or empty when the body says nothing
 * @param code the machine-readable error code (e.g. {@code rate_limited}), or empty
 * @param field the parameter or field the error names (e.g. Stripe's {@code param}), or empty
 */
@Internal
public record ErrorBody(String message, String code, String field) {

    /** A JSON Schema path to what failed ({@code #/properties/limit/maximum}, Ajv's): the property it names. Before EMPTY, which uses it. */
    private static final Pattern SCHEMA_PROPERTY = Pattern.compile("#?/(?:[^/]{1,60}/){0,6}properties/([^/]{1,60})(?:/[A-Za-z]{1,30})?");

    /** The longest message kept. */
    public static final int MAX_MESSAGE = 500;

    private static final ErrorBody EMPTY = new ErrorBody("", "", "");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            // servers' error bodies are not always valid JSON (SendGrid documents one with a trailing comma)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final int MAX_DEPTH = 6;
    private static final List<String> MESSAGE_KEYS = List.of(
            "error_description", "errorDescription", "message", "Message", "detail", "details", "error_message", "errorMessage",
            "msg", "description", "title", "reason", "error_summary", "errorSummary", "info", "status_message", "statusMessage",
            "error_msg", "errorMsg", "errmsg", "err_msg", "errMsg", "error-text", "error_text", "errorText", "expected", "issue",
            // a FHIR OperationOutcome's issue: its diagnostics, for people
            "diagnostics",
            // Bybit answers 200 with {"retCode": 10006, "retMsg": "Too many visits!"}
            "retMsg", "ret_msg",
            // Alpha Vantage answers 200 with {"Error Message": ...}, {"Note": ...} or {"Information": ...}
            "Error Message", "Information", "Note");
    private static final List<String> CODE_KEYS = List.of(
            "code", "error_code", "errorCode", "ErrorCode", "Code", "type", "__type", "status", "reason", "errorType", "error_type", "error_name", "errorName", "err_code", "errCode", "retCode", "ret_code");
    private static final String[] ERROR_KEYS = {"error", "Error", "ERROR", "fault", "Fault"};
    private static final List<String> HINT_KEYS = List.of("hint", "suggestion");
    private static final List<String> FIELD_KEYS = List.of("param", "field", "parameter", "location", "name", "pointer", "argument",
            // Symfony's violations (its serializer's problem normalizer)
            "propertyPath");
    /** One member of a JSON object with a value that is no container: {@code "Message" : "Connection to the API has timed out"}. */
    private static final Pattern MEMBER = Pattern.compile("\"([^\"\\\\]{1,100})\"\\s*:\\s*(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d{1,20}(?:\\.\\d{1,20})?|true|false|null)");
    private static final Pattern XML_MESSAGE = Pattern.compile("(?is)<(message|errormessage|error_description|detail|description)>(.*?)</\\1>");
    private static final Pattern XML_CODE = Pattern.compile("(?is)<(code|errorcode|error)>([^<]{1,100})</\\1>");
    /**
     * {@code <error code="40" message="Wrong username or password"/>} (the Subsonic API), {@code <Error errorCode="API_AUTH"
     * errorText="...">} (HAFAS APIs such as Trafiklab's): the message and the code as attributes.
     */
    private static final Pattern XML_ERROR_ELEMENT = Pattern.compile("(?is)<(?:error|fault)\\b([^>]{0,1000})>");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile(
            "(?is)(?<![\\w:-])((?:error[_-]?)?(?:message|text|description)|(?:error[_-]?)?code)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final List<String> MESSAGE_ATTRIBUTES = List.of("message", "text", "description");
    /** An HTML element's opening tag and its closing tag, sought apart: a page that leaves them unclosed costs one pass. */
    private record HtmlElement(Pattern open, Pattern close) {
        HtmlElement(String tag) {
            this(Pattern.compile("(?i)<" + tag + "(?:\\s[^>]{0,500})?>"), Pattern.compile("(?i)</" + tag + "\\s*>"));
        }

        /** The first such element from {@code from}, its text without tags, or null when there is none. */
        @Nullable HtmlText first(String html, int from) {
            Matcher opening = open.matcher(html);
            if (!opening.find(from)) {
                return null;
            }
            Matcher closing = close.matcher(html);
            return closing.find(opening.end())
                    ? new HtmlText(unescape(TAG.matcher(html.substring(opening.end(), closing.start())).replaceAll(" ")), closing.end()) : null;
        }
    }

    private record HtmlText(String text, int end) {}

    private static final HtmlElement HTML_TITLE = new HtmlElement("title");
    private static final HtmlElement HTML_H1 = new HtmlElement("h1");
    private static final HtmlElement HTML_PARAGRAPH = new HtmlElement("p");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    /** An HTTP status's reason phrase, which names the status and says nothing of the error: {@code Unprocessable Entity}. */
    private static final Pattern STATUS_PHRASE = Pattern.compile("(?i)(?:bad request|unauthori[sz]ed|forbidden|not found|method not allowed"
            + "|not acceptable|conflict|gone|precondition failed|payload too large|request entity too large|unsupported media type"
            + "|unprocessable (?:entity|content)|locked|too many requests|internal server error|service unavailable|bad gateway)[.!]?");
    /** A code that says something in words ({@code INVALID_PARAM}), not a number. */
    private static final Pattern CODE_WORDS = Pattern.compile("[A-Za-z]");
    /** A text that holds a JSON array or object, whole. */
    private static final Pattern JSON_TEXT = Pattern.compile("(?s)\\s*(?:\\[\\s*\\{.*}\\s*]|\\{\\s*\".*})\\s*");
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:#/-]{0,80}|\\d{1,9}");

    public ErrorBody {
        message = oneLine(message == null ? "" : message, MAX_MESSAGE);
        code = oneLine(code == null ? "" : code, 100);
        field = oneLine(field == null ? "" : field, 100);
        Matcher property = SCHEMA_PROPERTY.matcher(field);
        field = property.matches() ? property.group(1) : field;
    }

    /** Whether the body said anything. */
    public boolean isEmpty() {
        return message.isEmpty() && code.isEmpty();
    }

    /** Reads {@code body} whatever its shape; an empty result when there is nothing to read. */
    public static ErrorBody parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return EMPTY;
        }
        String text = body.length() > 64_000 ? body.substring(0, 64_000) : body;
        String trimmed = text.strip();
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            Optional<JsonNode> json = json(trimmed).or(() -> first == '{' ? members(trimmed) : Optional.empty());
            if (json.isPresent()) {
                return fromJson(json.get());
            }
        }
        if (first == '<') {
            return markup(trimmed);
        }
        // balena's 400 "\"Handles must be lowercase\"": a body that is one JSON string says its text
        if (first == '"') {
            Optional<JsonNode> string = json(trimmed).filter(JsonNode::isTextual).filter(s -> !s.asText().isBlank());
            if (string.isPresent()) {
                return new ErrorBody(string.get().asText().strip(), "", "");
            }
        }
        return new ErrorBody(trimmed, "", "");
    }

    /**
     * The error body embedded in a text, such as an exception message {@code HTTP 400: {"error":...}}:
     * the JSON, XML or HTML from its first opening bracket, or empty when there is none.
     */
    static Optional<ErrorBody> embeddedIn(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length() && i < 4_000; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                Optional<JsonNode> json = json(text.substring(i));
                if (json.isPresent() && json.get().isContainerNode() && json.get().size() > 0) {
                    ErrorBody body = fromJson(json.get());
                    if (!body.isEmpty()) {
                        return Optional.of(body);
                    }
                }
            } else if (c == '<' && i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '!' || text.charAt(i + 1) == '?')) {
                ErrorBody body = markup(text.substring(i));
                if (!body.isEmpty()) {
                    return Optional.of(body);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            JsonNode node = JSON.readTree(parser);
            return Optional.ofNullable(node);
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /**
     * The members of an object that does not parse as JSON (a body cut short, a comma missing, as MYOB's documented
     * errors are), read one {@code "name": value} at a time; empty when there is none.
     */
    private static Optional<JsonNode> members(String text) {
        com.fasterxml.jackson.databind.node.ObjectNode found = JSON.createObjectNode();
        Matcher member = MEMBER.matcher(text);
        while (member.find()) {
            String name = member.group(1);
            if (!found.has(name)) {
                json(member.group(2)).ifPresent(value -> found.set(name, value));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static ErrorBody fromJson(JsonNode node) {
        ErrorBody found = read(node, 0);
        return found != null ? found : wrapped(node).orElse(EMPTY);
    }

    /**
     * {@code {"header": {...}, "esearchresult": {"ERROR": "Invalid db name specified: pubmedd"}}} (NCBI E-utilities): nothing
     * at the top, the error in the member object that holds an error key.
     */
    private static Optional<ErrorBody> wrapped(JsonNode node) {
        for (JsonNode member : node) {
            if (holdsError(member)) {
                return Optional.ofNullable(read(member, 1));
            }
        }
        return Optional.empty();
    }

    /** The error of a JSON node, or {@code null} when it holds none. */
    private static @Nullable ErrorBody read(@Nullable JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node.isTextual()) {
            return new ErrorBody(node.asText(), "", "");
        }
        if (node.isArray()) {
            return list(node, depth);
        }
        if (!node.isObject()) {
            return null;
        }
        // {"error": {...}} or {"error": "..."} (OAuth, Slack, many more)
        JsonNode error = first(node, ERROR_KEYS);
        ErrorBody inner = error != null && error.isContainerNode() ? read(error, depth + 1) : null;
        // Imgur's {"data": {"error": "This method requires authentication", ...}, "success": false, "status": 403}: the data of a
        // call that says it failed holds its error
        JsonNode success = node.get("success");
        if (inner == null && success != null && success.isBoolean() && !success.asBoolean() && holdsError(node.get("data"))) {
            inner = read(node.get("data"), depth + 1);
            inner = inner != null && !inner.message.isEmpty() ? inner : null;
        }
        if (inner != null) {
            return inner.withCodeIfAbsent(code(node));
        }
        String message = problemMessage(node);
        if (message.isEmpty()) {
            message = text(node, MESSAGE_KEYS);
        }
        // tRPC's {"error": {"message": "[{\"code\": \"invalid_value\", \"path\": [\"priority\"], \"message\": …}]", "code": -32600}}:
        // a message that is itself JSON (zod's issues, stringified) says what its errors say
        // (an array of issues, or an object with a message: never any object a message happens to quote, {"name": "widget"})
        ErrorBody stringified = JSON_TEXT.matcher(message).matches() ? json(message)
                .filter(json -> json.isArray() || MESSAGE_KEYS.stream().anyMatch(json::has) || first(json, ERROR_KEYS) != null)
                .map(json -> read(json, depth + 1)).orElse(null) : null;
        String stringifiedField = "";
        if (stringified != null && !stringified.message.isEmpty()) {
            message = stringified.message;
            stringifiedField = stringified.field;
        }
        // a FHIR OperationOutcome's issue: {"code": "forbidden", "details": {"text": "Authorization failed"}}
        if (message.isEmpty()) {
            message = concept(node.get("details"));
        }
        // Clerk's {"message": "is invalid", "long_message": "email_address must be a valid email address."}: a long message
        // says more than a message of a few words (one that says something itself stays the message)
        String longer = text(node, List.of("long_message", "longMessage"));
        if (!longer.isEmpty() && message.split("\\s+").length < 4) {
            message = longer;
        }
        // Tiendanube's {"message": "Unprocessable Entity", "description": "The selected gender is invalid"}: a message that only
        // names the status says nothing the status does not; the text beside it is the message, and the phrase its code when it
        // has none in words (a 200 answer's {"message": "Unauthorized", ...} still says what failed)
        String phrase = message.strip();
        String beside = !STATUS_PHRASE.matcher(phrase).matches() ? "" : MESSAGE_KEYS.stream().map(node::get)
                .filter(v -> v != null && v.isTextual()).map(v -> v.asText().strip())
                .filter(v -> v.contains(" ") && !STATUS_PHRASE.matcher(v).matches()).findFirst().orElse("");
        if (!beside.isEmpty()) {
            message = beside;
        }
        // {"status": "0", "message": "NOTOK", "result": "Invalid API Key"} (Etherscan): a one-word message beside the sentence it stands for
        JsonNode result = node.get("result");
        String code = code(node);
        if (!beside.isEmpty() && !CODE_WORDS.matcher(code).find()) {
            code = phrase;
        }
        if (CODE_LIKE.matcher(message).matches() && result != null && result.isTextual() && result.asText().strip().contains(" ")) {
            code = message;
            message = result.asText();
        }
        // {"message": "identity state is not valid", "reason": "The supplied state ('Inactive') was not valid. Valid states are ..."} (Ory)
        JsonNode reason = node.get("reason");
        // (a status phrase, "Not Found", says no more: a reason of four words or more does)
        if (!message.isEmpty() && reason != null && reason.isTextual() && reason.asText().strip().split("\\s+").length >= 4
                && !message.contains(reason.asText().strip())) {
            message = message + ": " + reason.asText().strip();
        }
        // Ajv's {"message": "must be equal to one of the allowed values", "params": {"allowedValues": ["ASC", "DESC"]}}: the values,
        // written after the message as "allowed values: ASC, DESC", where the reflector reads allowed values
        JsonNode ajvParams = node.get("params");
        JsonNode allowedValues = ajvParams != null && ajvParams.isObject() ? ajvParams.get("allowedValues") : null;
        if (!message.isEmpty() && allowedValues != null && allowedValues.isArray() && allowedValues.size() > 0 && allowedValues.size() <= 30) {
            List<String> values = new java.util.ArrayList<>();
            allowedValues.forEach(v -> values.add(v.isValueNode() ? v.asText() : ""));
            if (!values.contains("")) {
                message = withAllowedValues(message, values);
            }
        }
        // Symfony's Choice violation: {"title": "The value you selected is not a valid choice.", "parameters": {"{{ choices }}":
        // "\"ups\", \"fedex\", \"dhl\""}}, the message's template filled with the choices it does not show
        JsonNode templateParameters = node.get("parameters");
        JsonNode choices = templateParameters != null && templateParameters.isObject() ? templateParameters.get("{{ choices }}") : null;
        if (!message.isEmpty() && choices != null && choices.isTextual() && !message.contains(choices.asText())) {
            List<String> values = symfonyChoices(choices.asText().strip());
            if (!values.isEmpty() && values.size() <= 30 && !values.contains("") && values.stream().allMatch(v -> v.length() <= 100)) {
                message = withAllowedValues(message, values);
            }
        }
        String field = stringifiedField.isEmpty() ? text(node, FIELD_KEYS) : stringifiedField;
        // SignalWire's errors name theirs "attribute" (Akeneo's "attribute" is a product attribute inside the "property" it names)
        field = field.isEmpty() && !node.has("property") ? text(node, List.of("attribute")) : field;
        // Clerk's {"meta": {"param_name": "email_address"}}
        JsonNode meta = node.get("meta");
        if (field.isEmpty() && meta != null && meta.isObject()) {
            field = text(meta, List.of("param_name", "paramName"));
        }
        // {"message": [{"message": "... less than or equal to 1000"}]} (Crossref): the messages of a list under a message key
        JsonNode messages = first(node, "message", "messages");
        if (message.isEmpty() && messages != null && messages.isContainerNode()) {
            ErrorBody listed = read(messages, depth + 1);
            if (listed != null) {
                message = listed.message;
                field = listed.field;
            }
        }
        // (Vapor's {"error": true, "reason": …}: a flag, neither a message nor a code)
        if (error != null && error.isValueNode() && !error.isBoolean()) {
            String e = error.asText();
            if (message.isEmpty()) {
                message = e;
            }
            if (CODE_LIKE.matcher(e).matches()) {
                code = e;
            }
        }
        // {"message": "Invalid schema: Tenant1", "hint": "Only the following schemas are exposed: tenant1, tenant2"} (PostgREST, PostgreSQL)
        String hint = text(node, HINT_KEYS);
        if (!message.isEmpty() && !hint.isEmpty() && !message.contains(hint)) {
            message = message + (message.endsWith(".") ? " " : ". ") + hint;
        }
        // {"error": "Invalid argument value", "error_extra": {"argument": "limit", "expected": "... less than or equal to 200"}} (Todoist)
        // {"message": "Invalid param.", "info": {"param": "#/properties/limit/maximum", "reason": "must be <= 100"}} (Misskey)
        JsonNode extra = first(node, "error_extra", "errorExtra", "extra", "error_details", "errorDetails");
        JsonNode info = node.get("info");
        extra = extra == null && info != null && (info.has("param") || info.has("reason") || info.has("field")) ? info : extra;
        // Litestar's {"detail": "Validation failed for GET /items?limit=500", "extra": [{"message": "Expected `int` <= 100",
        // "key": "limit", "source": "query"}]}: each record names its field by "key" beside where it was sent
        ErrorBody more = extra != null && extra.isObject() ? read(extra, depth + 1)
                : extra != null && extra.isArray() ? sentFields(extra, depth + 1) : null;
        if (more != null && !more.message.isEmpty() && !message.contains(more.message)) {
            message = message.isEmpty() ? more.message : message + (message.endsWith(".") ? " " : ": ") + more.message;
            field = field.isEmpty() ? more.field : field;
        }
        // {"message": "Invalid parameter(s): per_page", "data": {"params": {"per_page": "per_page must be between 1 and 100"}}} (WordPress)
        JsonNode data = node.get("data");
        JsonNode params = data != null && data.isObject() ? first(data, "params", "invalid_params") : null;
        // Rev.ai's problem+json {"title": "Your request parameters didn't validate", "parameter": {"limit": ["The max value for limit is
        // 1000"]}}: the fields a record names, each with its messages
        // (only beside a problem's title: never a request's parameters echoed back, nor a nested field of a framework's error map)
        JsonNode fields = node.has("title") ? first(node, "parameter", "parameters") : null;
        params = params == null && fields != null && fields.isObject() && holdsMessagesOnly(fields) && saysWhatIsWrong(fields) ? fields : params;
        ErrorBody named = params != null && params.isObject() ? fieldMap(params) : null;
        if (named != null && !message.contains(named.message)) {
            message = message.isEmpty() ? named.message : message + ": " + named.message;
            field = field.isEmpty() ? named.field : field;
        }
        // {"errors": [...]} (GraphQL, GitHub, JSON:API), {"errors": {"title": ["can't be blank"]}} (Rails), "errors": "...",
        // {"root_cause": [...]} (Elasticsearch: "all shards failed" and, below it, why), {"issue": [...]} (a FHIR OperationOutcome)
        // (Quarkus' and Zalando Problem's {"title": "Constraint Violation", "violations": [{"field": "list.limit", "message": …}]})
        JsonNode errors = first(node, "errors", "Errors", "invalid-params", "invalid_params", "fieldErrors", "violations", "details", "root_cause", "issue");
        // celebrate's {"message": "Validation failed", "validation": {"query": {"source": "query", "keys": ["limit"], "message": …}}}:
        // Joi's messages, one per part of the request that failed
        JsonNode validation = errors == null ? node.get("validation") : null;
        errors = validation != null && validation.isObject() && validation.size() > 0 && allSentParts(validation) ? sentParts(validation) : errors;
        // BookStack's {"error": {"message": "The given data was invalid.", "validation": {"count": ["The count may not be greater
        // than 100."]}}}: Laravel's messages by field, under "validation"
        errors = errors == null && validation != null && validation.isObject() && holdsMessagesOnly(validation) && saysWhatIsWrong(validation)
                ? validation : errors;
        // (a FHIR CodeableConcept under "details" is read above; Rocket.Chat's {"details": {"method": ..., "field": "StatusType"}}
        // is one record that names its field, not a map of fields)
        String recordField = errors != null && errors.isObject() && !errors.has("message") ? text(errors, RECORD_FIELD_KEYS) : "";
        boolean record = FIELD_NAME.matcher(recordField).matches();
        ErrorBody said = record ? read(errors, depth + 1) : null;
        if (record && (said == null || !said.message.contains(" "))) {
            field = field.isEmpty() ? recordField : field; // a record that says nothing more than its field
        } else if (errors != null && concept(errors).isEmpty()) {
            ErrorBody listed = said != null ? new ErrorBody(said.message, said.code, recordField)
                    : errors.isObject() && !errors.has("message") ? fieldMap(errors) : read(errors, depth + 1);
            if (listed != null) {
                // Laravel's "The start date field must match … (and 1 more error)" heads the very messages listed below it
                String headline = MORE_ERRORS.matcher(message).replaceFirst("");
                // (Symfony's detail "carrier: The value you selected is not a valid choice." already says what its one violation says)
                message = message.isEmpty() || message.equals(listed.message) || !headline.isBlank() && listed.message.contains(headline) ? listed.message
                        : listed.message.isEmpty() || message.contains(listed.message) ? message : message + ": " + listed.message;
                code = code.isEmpty() ? listed.code : code;
                field = field.isEmpty() ? listed.field : field;
            }
        }
        // {"__type": "Validation Error", "name": ["Must be purely lowercase ..."]} (CKAN): a code beside fields, each with its messages
        if (message.isEmpty() && node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode listed = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isTextual() && e.getValue().get(0).asText().strip().contains(" ")) {
                    listed.set(e.getKey(), e.getValue());
                }
            });
            ErrorBody byField = listed.isEmpty() ? null : fieldMap(listed);
            if (byField != null) {
                message = byField.message;
                field = field.isEmpty() ? byField.field : field;
            }
        }
        if (message.isEmpty() && code.isEmpty()) {
            return null;
        }
        return new ErrorBody(message.isEmpty() ? code : message, code, field);
    }

    /** Symfony's choices as its validator lists them, strings quoted ({@code "ups", "fedex"}, quotes inside unescaped) or not ({@code 1, 2}). */
    private static List<String> symfonyChoices(String listed) {
        boolean quoted = listed.length() >= 2 && listed.startsWith("\"") && listed.endsWith("\"");
        String inner = quoted ? listed.substring(1, listed.length() - 1) : listed;
        return java.util.Arrays.stream(inner.split(quoted ? "\", \"" : ",\\s*", -1)).map(String::strip).toList();
    }

    /** {@code message}, then the values a field takes, written as the reflector reads allowed values. */
    private static String withAllowedValues(String message, List<String> values) {
        return message.replaceFirst("[.\\s]+$", "") + ": allowed values: " + String.join(", ", values);
    }

    /** Whether every member is a part of the request that failed, with a message and the keys it names: celebrate's. */
    private static boolean allSentParts(JsonNode validation) {
        for (JsonNode part : validation) {
            if (!part.isObject() || !part.path("message").isTextual() || !part.path("keys").isArray()) {
                return false;
            }
        }
        return true;
    }

    /** celebrate's parts as records that name their field: the first key each names. */
    private static JsonNode sentParts(JsonNode validation) {
        com.fasterxml.jackson.databind.node.ArrayNode records = JSON.createArrayNode();
        for (JsonNode part : validation) {
            JsonNode keys = part.get("keys");
            records.addObject().put("message", part.get("message").asText()).put("field", keys.size() > 0 ? keys.get(0).asText() : "");
        }
        return records;
    }

    /** Records that name their field by {@code key} beside the part of the request it was sent in (Litestar's {@code extra}). */
    private static @Nullable ErrorBody sentFields(JsonNode array, int depth) {
        com.fasterxml.jackson.databind.node.ArrayNode records = JSON.createArrayNode();
        for (JsonNode record : array) {
            if (record.isObject() && record.path("message").isTextual() && record.path("key").isTextual() && record.has("source")
                    && FIELD_NAME.matcher(record.get("key").asText()).matches()) {
                records.addObject().put("message", record.get("message").asText()).put("field", record.get("key").asText());
            }
        }
        return records.isEmpty() ? null : list(records, depth);
    }

    /** The text of a FHIR CodeableConcept ({@code {"text": ...}} or its first coding's display), or empty for anything else. */
    private static String concept(@Nullable JsonNode node) {
        if (node == null || !node.isObject() || !(node.has("text") || node.has("coding"))
                || node.size() > (node.has("text") && node.has("coding") ? 2 : 1)) {
            return "";
        }
        JsonNode text = node.get("text");
        if (text != null && text.isTextual() && !text.asText().isBlank()) {
            return text.asText();
        }
        JsonNode coding = node.get("coding");
        JsonNode display = coding != null && coding.isArray() && coding.size() > 0 ? coding.get(0).get("display") : null;
        return display != null && display.isTextual() ? display.asText() : "";
    }

    /** RFC 9457: the title names the problem, the detail this occurrence of it. */
    private static String problemMessage(JsonNode node) {
        JsonNode title = node.get("title");
        JsonNode detail = node.get("detail");
        if (title != null && title.isTextual() && detail != null && detail.isTextual()
                && !detail.asText().toLowerCase(Locale.ROOT).contains(title.asText().toLowerCase(Locale.ROOT))) {
            return title.asText() + ": " + detail.asText();
        }
        return "";
    }

    private static final java.util.regex.Pattern MORE_ERRORS = java.util.regex.Pattern.compile("\\s*\\(and \\d+ more errors?\\)\\s*$");

    /** Up to three errors of a list, their messages joined; the first one's code and field. */
    private static @Nullable ErrorBody list(JsonNode array, int depth) {
        List<String> messages = new ArrayList<>();
        String code = "";
        String field = "";
        for (int i = 0; i < array.size() && messages.size() < 3; i++) {
            ErrorBody one = read(array.get(i), depth + 1);
            if (one == null) {
                continue;
            }
            String m = one.message.isEmpty() ? "" : one.field.isEmpty() || one.message.contains(one.field) ? one.message : one.field + ": " + one.message;
            if (!m.isEmpty() && !messages.contains(m)) {
                messages.add(m);
            }
            code = code.isEmpty() ? one.code : code;
            field = field.isEmpty() ? one.field : field;
        }
        if (messages.isEmpty() && code.isEmpty()) {
            return null;
        }
        return new ErrorBody(String.join("; ", messages), code, field);
    }

    /**
     * {@code {"title": ["can't be blank"], "price": ["must be positive"]}}, also a level down, under where the field was sent
     * (webargs' {@code {"query": {"order": ["Must be one of: asc, desc."]}}}) or the object that holds it.
     */
    private static @Nullable ErrorBody fieldMap(JsonNode errors) {
        return fieldMap(errors, 0);
    }

    private static @Nullable ErrorBody fieldMap(JsonNode errors, int depth) {
        List<String> messages = new ArrayList<>();
        String field = "";
        Iterator<Map.Entry<String, JsonNode>> fields = errors.fields();
        while (fields.hasNext() && messages.size() < 3) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode value = e.getValue();
            String text = value.isArray() && value.size() > 0 ? value.get(0).asText() : value.isValueNode() ? value.asText() : "";
            ErrorBody nested = text.isEmpty() && value.isObject() && depth < 2 && holdsMessagesOnly(value) ? fieldMap(value, depth + 1) : null;
            if (nested != null) {
                messages.add(nested.message);
                field = field.isEmpty() ? nested.field : field;
            } else if (!text.isEmpty()) {
                messages.add(text.startsWith(e.getKey()) ? text : e.getKey() + " " + text);
                field = field.isEmpty() ? e.getKey() : field;
            }
        }
        return messages.isEmpty() ? null : new ErrorBody(String.join("; ", messages), "", field);
    }

    /** Words of a message that says what is wrong with a value, not a value echoed ("red shoes", "price asc"). */
    private static final Pattern VALIDATION_WORDS = Pattern.compile(
            "(?i)\\b(?:must|should|invalid|required|max|maximum|min|minimum|allowed|value|not|only|cannot|exceeds?|greater|less|between)\\b");

    /** Whether each field's first message names its field or says what is wrong: Rev.ai's {@code "limit": ["The max value for limit is 1000"]}. */
    private static boolean saysWhatIsWrong(JsonNode fields) {
        Iterator<Map.Entry<String, JsonNode>> all = fields.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> e = all.next();
            String text = e.getValue().isArray() && e.getValue().size() > 0 ? e.getValue().get(0).asText() : "";
            if (!text.toLowerCase(Locale.ROOT).contains(e.getKey().toLowerCase(Locale.ROOT)) && !VALIDATION_WORDS.matcher(text).find()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every field of an object is a list of messages in words, or such an object itself: a field map, not a record. */
    private static boolean holdsMessagesOnly(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean any = false;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            boolean messages = v.isArray() && v.size() > 0 && v.get(0).isTextual() && v.get(0).asText().strip().contains(" ");
            if (!messages && !(v.isObject() && !RECORD_KEYS.contains(e.getKey()))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The keys by which one error record names its field. */
    private static final List<String> RECORD_FIELD_KEYS = List.of("field", "param", "parameter");
    /** A field's name or path, as a record names it ({@code email}, {@code StatusType}, {@code items[0].sku}): no sentence. */
    private static final Pattern FIELD_NAME = Pattern.compile("[\\w.\\[\\]/#-]{1,100}");

    /** Keys of an error record, never a field's name. */
    private static final java.util.Set<String> RECORD_KEYS = java.util.Set.of("code", "message", "detail", "type", "id", "status", "title");

    private ErrorBody withCodeIfAbsent(String outerCode) {
        return code.isEmpty() && !outerCode.isEmpty() && CODE_LIKE.matcher(outerCode).matches() ? new ErrorBody(message, outerCode, field) : this;
    }

    private static @Nullable JsonNode first(JsonNode node, String... keys) {
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** Whether a JSON node is an object with an error key: {@code {"error": ...}}. */
    private static boolean holdsError(@Nullable JsonNode node) {
        return node != null && node.isObject() && first(node, ERROR_KEYS) != null;
    }

    /** A textual code ({@code INVALID_ARGUMENT}) before a number that repeats the HTTP status. */
    private static String code(JsonNode node) {
        // {"error_type": "request_invalid", "error_codes": ["paging_limit_invalid"]}: the one code listed says more than the type
        JsonNode listed = first(node, "error_codes", "errorCodes");
        if (listed != null && listed.isArray() && listed.size() == 1 && listed.get(0).isTextual() && !listed.get(0).asText().isBlank()) {
            return listed.get(0).asText();
        }
        String number = "";
        for (String key : CODE_KEYS) {
            JsonNode value = node.get(key);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
            if (value != null && value.isNumber() && number.isEmpty()) {
                number = value.asText();
            }
        }
        return number;
    }

    /** The first key whose value is a non-blank string or number; a loc-style array gives its last element. */
    private static String text(JsonNode node, List<String> keys) {
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (value == null) {
                continue;
            }
            if ((value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        JsonNode loc = node.get("loc");
        if (keys == FIELD_KEYS && loc != null && loc.isArray() && loc.size() > 0) {
            return loc.get(loc.size() - 1).asText();
        }
        // zod's issues: {"code": "too_big", "path": ["items", 0, "qty"], "message": …} and Joi's details ({"context": …}), the path
        // as its segments (Spring's "path": "/orders" is the URL's, a GraphQL error's path the answer's, never an input's)
        JsonNode path = node.get("path");
        boolean issue = (node.has("code") || node.has("context")) && !node.has("locations") && !node.has("extensions");
        if (keys == FIELD_KEYS && issue && path != null && path.isArray() && path.size() > 0) {
            List<String> segments = new ArrayList<>();
            path.forEach(segment -> segments.add(segment.isTextual() || segment.isIntegralNumber() ? segment.asText() : ""));
            return segments.contains("") ? "" : String.join(".", segments);
        }
        return "";
    }

    private static ErrorBody markup(String text) {
        Matcher message = XML_MESSAGE.matcher(text);
        Matcher code = XML_CODE.matcher(text);
        String c = code.find() ? unescape(code.group(2)) : "";
        if (message.find()) {
            return new ErrorBody(unescape(TAG.matcher(message.group(2)).replaceAll(" ")), c, "");
        }
        Matcher element = XML_ERROR_ELEMENT.matcher(text);
        if (element.find()) {
            String said = "";
            int rank = Integer.MAX_VALUE;
            Matcher attribute = XML_ATTRIBUTE.matcher(element.group(1));
            while (attribute.find()) {
                String value = unescape(attribute.group(2) != null ? attribute.group(2) : attribute.group(3));
                String name = attribute.group(1).toLowerCase(Locale.ROOT).replaceAll("[_-]", "");
                int nameRank = MESSAGE_ATTRIBUTES.indexOf(name.replaceFirst("^error", ""));
                if (name.endsWith("code")) {
                    c = c.isEmpty() ? value : c;
                } else if (!value.isBlank() && nameRank >= 0 && nameRank < rank) {
                    said = value; // the message before a text before a description, whatever their order
                    rank = nameRank;
                }
            }
            if (!said.isBlank()) {
                return new ErrorBody(said, c, "");
            }
        }
        HtmlText h1 = HTML_H1.first(text, 0);
        HtmlText title = HTML_TITLE.first(text, 0);
        String heading = h1 != null ? h1.text() : "";
        String t = title != null ? title.text() : "";
        String m = t.isBlank() ? heading : heading.isBlank() || t.contains(heading.strip()) ? t : heading.contains(t.strip()) ? heading : t + ": " + heading;
        // Werkzeug's page (every Flask app's errors) and Apache's: <title>415 Unsupported Media Type</title><h1>Unsupported Media
        // Type</h1><p>Did not attempt to load JSON data because …</p>: headings that only name the status, then the paragraph
        // that says what failed
        String phrase = m.strip().replaceFirst("^\\d{3}\\s+", "");
        HtmlText headings = h1 != null ? h1 : title;
        HtmlText paragraph = headings != null && STATUS_PHRASE.matcher(phrase).matches() ? HTML_PARAGRAPH.first(text, headings.end()) : null;
        if (paragraph != null) {
            String said = paragraph.text().strip();
            if (said.contains(" ")) {
                return new ErrorBody(said, c.isEmpty() ? phrase : c, "");
            }
        }
        if (!m.isBlank() || !c.isEmpty()) {
            return new ErrorBody(m.isBlank() ? c : m, c, "");
        }
        String stripped = TAG.matcher(text).replaceAll(" ").strip();
        return new ErrorBody(unescape(stripped), "", "");
    }

    private static String unescape(String text) {
        // numeric references as Werkzeug (&#39;) and Django (&#x27;) escape quotes, then the named ones
        String numeric = CHARACTER_REFERENCE.matcher(text).replaceAll(r -> {
            int code = r.group(1) != null ? Integer.parseInt(r.group(1)) : Integer.parseInt(r.group(2), 16);
            return Character.isValidCodePoint(code) && code != 0 ? Matcher.quoteReplacement(new String(Character.toChars(code))) : r.group();
        });
        return numeric.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:(\\d{1,7})|[xX]([0-9a-fA-F]{1,6}));");

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
