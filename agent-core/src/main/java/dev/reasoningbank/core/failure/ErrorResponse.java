package dev.reasoningbank.core.failure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP error response as a tool saw it, before redaction: never store or log it as it is.
 *
 * @param status the HTTP status, or 0 when only a body is known (an error answered with 200, as Slack does)
 * @param headers the headers, names in lower case
 * @param body the raw body, empty when unknown
 * @param url the request's URL, empty when unknown
 */
public record ErrorResponse(int status, Map<String, List<String>> headers, String body, String url) {

    public ErrorResponse {
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values);
                }
            });
        }
        lower.replaceAll((name, values) -> List.copyOf(values.stream().filter(v -> v != null).toList()));
        headers = Collections.unmodifiableMap(lower);
        body = body == null ? "" : body;
        url = url == null ? "" : url;
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, whatever the case of its name. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
