package dev.reasoningbank.core.tool;

import static dev.reasoningbank.core.internal.Checks.notBlank;

import dev.reasoningbank.core.redact.Redactor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A call of a tool with arguments. The arguments are raw (they may hold a credential): never log a
 * {@code ToolCall}; its {@link #toString()} shows them redacted.
 *
 * @param tool the tool's name
 * @param arguments the arguments, in order; values may be {@code null}
 */
public record ToolCall(String tool, Map<String, Object> arguments) {

    public ToolCall {
        notBlank(tool, "tool");
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public static ToolCall of(String tool, Map<String, ?> arguments) {
        return new ToolCall(tool, new LinkedHashMap<>(arguments));
    }

    public ToolCall withArgument(String name, @Nullable Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(name, value);
        return new ToolCall(tool, copy);
    }

    public ToolCall withTool(String newTool) {
        return new ToolCall(newTool, arguments);
    }

    @Override
    public String toString() {
        return tool + Redactor.standard().redactArguments(arguments);
    }
}
