package dev.reasoningbank.core.failure;

import dev.reasoningbank.core.tool.ToolException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the HTTP error response in an exception: our {@link ToolException}; the exceptions of common
 * HTTP clients, read through their public accessors without depending on them (Spring
 * {@code RestClientResponseException} and {@code WebClientResponseException}, Feign
 * {@code FeignException}, Retrofit {@code HttpException}, Apache HttpClient
 * {@code HttpResponseException}, JAX-RS {@code WebApplicationException}, AWS and Twilio SDK
 * exceptions...); else the status and body a tool wrote into a message ({@code HTTP 400: {...}},
 * OkHttp's {@code Response{code=400, ...}}, {@code HttpURLConnection}'s "Server returned HTTP
 * response code: 401").
 */
final class ErrorResponses {

    private static final List<String> STATUS = List.of("getRawStatusCode", "getStatusCode", "statusCode", "status", "getStatus", "code", "getCode");
    private static final List<String> STATUS_VALUE = List.of("value", "getCode", "code", "getStatusCode", "statusCode", "getStatus");
    private static final List<String> BODY = List.of("getResponseBodyAsString", "contentUTF8", "getResponseBody", "responseBody", "getErrorMessage", "errorMessage");
    private static final List<String> HEADERS = List.of("getResponseHeaders", "responseHeaders", "getHeaders", "headers");
    private static final List<String> REQUEST = List.of("getRequest", "request");
    private static final List<String> URL = List.of("getURI", "getUri", "uri", "url", "getUrl");
    private static final List<Pattern> STATUS_IN_TEXT = List.of(
            Pattern.compile("(?i)\\bHTTP(?:/[\\d.]+)?[\\s:]+(?:status\\s*)?(?:code\\s*)?[:=]?\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatus(?:[\\s_-]*code)?\\s*[:=]?\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bresponse code:?\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("\\bcode=([1-5]\\d\\d)\\b"),
            Pattern.compile("^\\[?([45]\\d\\d)\\]?\\s+[A-Z][A-Za-z]"),
            Pattern.compile("(?i)\\b(?:returned|responded with|answered|received|got)\\s+(?:an?\\s+)?(?:http\\s+)?([45]\\d\\d)\\b"));
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\bhttps?://[^\\s\"'\\]<>,)]+");

    private ErrorResponses() {}

    /** The error response the exception carries, or empty when the call got no answer that it knows of. */
    static Optional<ErrorResponse> in(Throwable error) {
        List<Throwable> all = Throwables.all(error);
        for (Throwable t : all) {
            if (t instanceof ToolException te && te.status() > 0) {
                return Optional.of(new ErrorResponse(te.status(), te.headers(), te.body().orElse(message(te)), urlIn(all)));
            }
        }
        @Nullable ErrorResponse found = null;
        for (Throwable t : all) {
            Optional<ErrorResponse> client = fromAccessors(t);
            if (client.isPresent() && found == null) {
                found = client.get();
            } else if (client.isPresent() && found != null && client.get().status() == found.status()) {
                // a wrapper (Feign's RetryableException) may drop what its cause still carries
                ErrorResponse more = client.get();
                found = new ErrorResponse(found.status(), found.headers().isEmpty() ? more.headers() : found.headers(),
                        found.body().isEmpty() || found.body().equals(messageOf(all, found)) ? more.body() : found.body(),
                        found.url().isEmpty() ? more.url() : found.url());
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        for (Throwable t : all) {
            int status = statusIn(t.getMessage());
            if (status > 0) {
                return Optional.of(new ErrorResponse(status, Map.of(), message(t), urlIn(all)));
            }
        }
        return Optional.empty();
    }

    /** The exception's message, empty when it has none (as {@link ErrorResponse} reads a null body). */
    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null ? "" : message;
    }

    /** Whether a response's body is only the message of one of the exceptions (no body accessor answered). */
    private static String messageOf(List<Throwable> all, ErrorResponse response) {
        return all.stream().map(Throwable::getMessage).filter(m -> m != null && m.equals(response.body())).findFirst().orElse("\u0000");
    }

    /** The first URL any message of the chain names, or empty. */
    static String urlIn(List<Throwable> all) {
        for (Throwable t : all) {
            if (t.getMessage() != null) {
                Matcher url = URL_IN_TEXT.matcher(t.getMessage());
                if (url.find()) {
                    return url.group();
                }
            }
        }
        return "";
    }

    static int statusIn(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
        for (Pattern pattern : STATUS_IN_TEXT) {
            Matcher m = pattern.matcher(head);
            if (m.find()) {
                int status = Integer.parseInt(m.group(1));
                if (status >= 400) {
                    return status;
                }
            }
        }
        return 0;
    }

    private static Optional<ErrorResponse> fromAccessors(Throwable t) {
        String type = t.getClass().getName();
        if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || t instanceof ToolException) {
            return Optional.empty();
        }
        int status = status(t);
        if (status == 0) {
            Object response = first(t, List.of("getResponse", "response"));
            status = response == null ? 0 : status(response);
            if (status == 0) {
                return Optional.empty();
            }
        }
        String body = text(first(t, BODY));
        Object retrofitResponse = call(t, "response");
        if (body.isEmpty() && retrofitResponse != null) {
            // Retrofit buffers an error body: peek at it, so that the tool can still read it
            body = text(call(call(call(call(retrofitResponse, "errorBody"), "source"), "peek"), "readUtf8"));
        }
        Object awsDetails = call(t, "awsErrorDetails");
        if (body.isEmpty() && awsDetails != null) {
            body = text(call(awsDetails, "errorMessage"));
        }
        Map<String, List<String>> headers = headers(first(t, HEADERS));
        if (headers.isEmpty() && retrofitResponse != null) {
            headers = headers(call(retrofitResponse, "headers"));
        }
        String url = text(first(first(t, REQUEST), URL));
        if (url.isEmpty() && retrofitResponse != null) {
            url = text(call(call(call(retrofitResponse, "raw"), "request"), "url"));
        }
        return Optional.of(new ErrorResponse(status, headers, body.isEmpty() ? message(t) : body, url));
    }

    private static int status(Object target) {
        for (String name : STATUS) {
            Object value = call(target, name);
            if (value != null && !(value instanceof Number)) {
                value = first(value, STATUS_VALUE);
            }
            if (value instanceof Number n && n.intValue() >= 100 && n.intValue() <= 599) {
                return n.intValue();
            }
        }
        return 0;
    }

    private static Map<String, List<String>> headers(@Nullable Object headers) {
        Object map = headers instanceof Map ? headers : call(headers, "toMultimap");
        if (map == null) {
            map = call(headers, "toSingleValueMap");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((name, values) -> {
                if (name != null && values != null) {
                    List<String> list = new ArrayList<>();
                    if (values instanceof Collection<?> c) {
                        c.forEach(v -> list.add(String.valueOf(v)));
                    } else {
                        list.add(String.valueOf(values));
                    }
                    out.put(String.valueOf(name), list);
                }
            });
        }
        return out;
    }

    private static String text(@Nullable Object value) {
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static @Nullable Object first(@Nullable Object target, List<String> names) {
        for (String name : names) {
            Object value = call(target, name);
            if (value != null && !"".equals(value)) {
                return value;
            }
        }
        return null;
    }

    /** Calls a public accessor by name; {@code null} when there is none or it fails. */
    private static @Nullable Object call(@Nullable Object target, String name) {
        if (target == null) {
            return null;
        }
        try {
            Method method = target.getClass().getMethod(name);
            if (method.getReturnType() == void.class || !method.canAccess(target) && !method.trySetAccessible()) {
                return null;
            }
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThere) {
            return null;
        }
    }
}
