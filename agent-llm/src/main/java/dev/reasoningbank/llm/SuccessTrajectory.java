package dev.reasoningbank.llm;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A task that succeeded after failures: what success reflection learns from. Redacted at
 * construction, like a {@link Failure}: raw argument values survive only as fingerprints.
 *
 * @param task the task in words
 * @param tool the tool of the successful call
 * @param failures the failed calls before the success, in order; at least one
 * @param arguments the successful call's arguments, redacted
 * @param fingerprints the successful call's argument fingerprints, to tell which arguments changed
 * @param result the successful result, redacted and cut
 */
@Internal
public record SuccessTrajectory(
        String task, String tool, List<Failure> failures, Map<String, Object> arguments, Map<String, String> fingerprints, String result) {

    static final int MAX_RESULT = 1_000;

    public SuccessTrajectory {
        task = task == null ? "" : task;
        Objects.requireNonNull(tool, "tool must not be null");
        failures = List.copyOf(Objects.requireNonNull(failures, "failures must not be null"));
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("failures must not be empty: a success without a failure before it teaches no fix");
        }
        arguments = java.util.Collections.unmodifiableMap(Redactor.standard().redactArguments(arguments == null ? Map.of() : arguments));
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
        String redacted = Redactor.standard().redact(result == null ? "" : result);
        result = redacted.length() <= MAX_RESULT ? redacted : redacted.substring(0, MAX_RESULT) + "…";
    }

    /** The trajectory of {@code task}: the failures, then {@code success} returning {@code result}. */
    public static SuccessTrajectory of(String task, List<Failure> failures, ToolCall success, @Nullable Object result) {
        Objects.requireNonNull(success, "success must not be null");
        Map<String, String> fingerprints = new LinkedHashMap<>();
        List<String> secrets = new java.util.ArrayList<>();
        success.arguments().forEach((name, value) -> {
            if (value != null) {
                fingerprints.put(name, Fingerprint.of(String.valueOf(value)));
                if (Redactor.isSecretName(name)) {
                    secrets.add(String.valueOf(value));
                }
            }
        });
        String text = Redactor.standard().withSecretValues(secrets).redact(String.valueOf(result));
        return new SuccessTrajectory(task, success.tool(), failures, success.arguments(), fingerprints, text);
    }

    /** The trajectory as the reflect-success prompt shows it. */
    String render() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            out.append("failure ").append(i + 1).append(": ").append(f.summary()).append('\n')
                    .append("  arguments: ").append(PromptData.arguments(f.arguments())).append('\n');
        }
        out.append("success: ").append(tool).append(" with ").append(PromptData.arguments(arguments)).append('\n');
        Failure last = failures.get(failures.size() - 1);
        List<String> changed = fingerprints.keySet().stream()
                .filter(name -> !Objects.equals(fingerprints.get(name), last.fingerprints().get(name))).sorted().toList();
        out.append("  arguments changed since the last failure: ").append(changed.isEmpty() ? "none" : String.join(", ", changed)).append('\n');
        out.append("result: ").append(result);
        return PromptData.data(out.toString());
    }
}
