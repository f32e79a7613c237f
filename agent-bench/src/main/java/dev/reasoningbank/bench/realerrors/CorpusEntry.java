package dev.reasoningbank.bench.realerrors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One error response as a public API documents it, with the call that triggers it and the correct fix.
 *
 * @param id unique, prefixed with the API
 * @param api the API that documents it
 * @param split {@code dev} (rules may be shaped on it) or {@code heldOut} (never read while writing rules)
 * @param failureClass a short name of the kind of failure, shared across APIs
 * @param source where the documentation shows it
 * @param notes what is verbatim and what was filled in
 * @param tool the name a user gives the function making the call
 * @param operation the HTTP method and path
 * @param arguments the failing call's arguments
 * @param response the documented status, headers and raw body
 * @param fix the correct fix, which the replay server checks
 */
public record CorpusEntry(
        String id, String api, String split, @JsonProperty("class") String failureClass, String source, String notes, String tool,
        Operation operation, Map<String, Object> arguments, Response response, Fix fix) {

    public static final String DEV = "dev";
    public static final String HELD_OUT = "heldOut";

    public CorpusEntry {
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The parameters the tool takes: the call's arguments and the parameter the fix is about. */
    public List<String> parameters() {
        List<String> names = new java.util.ArrayList<>(arguments.keySet());
        if (fix.parameter() != null && !names.contains(fix.parameter())) {
            names.add(fix.parameter());
        }
        return List.copyOf(names);
    }

    /** Whether the strategy vocabulary can express the fix. */
    public boolean expressible() {
        return !Fix.NONE.equals(fix.type());
    }

    /** The documented method and path; a path given as a full URL keeps only its path (the replay server stands in for the host). */
    public record Operation(String method, String path) {
        public String localPath() {
            String p = path.replaceFirst("^(?i)https?://[^/]+", "");
            return p.startsWith("/") ? p : "/" + p;
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public Response {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? "" : body;
        }
    }

    /**
     * The correct fix: {@code clamp} (max), {@code case} (expected), {@code date-format} (pattern, intended),
     * {@code successor} (value), {@code retry} (failures), {@code credential}, {@code default} (value), or
     * {@code none} (reason).
     */
    public record Fix(String type, String parameter, Long max, String expected, String pattern, String intended, String value,
            Integer failures, String reason) {
        public static final String NONE = "none";
        public static final List<String> TYPES = List.of("clamp", "case", "date-format", "successor", "retry", "credential", "default", NONE);
    }
}
