package dev.reasoningbank.core.agent;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.tool.ToolCall;
import java.util.Map;

/**
 * A unit of work for the agent: a described tool call.
 *
 * @param id a short id for logs and results
 * @param description what the task is for, in words; used to retrieve lessons
 * @param call the tool call the task makes
 */
public record Task(String id, String description, ToolCall call) {

    public Task {
        notBlank(id, "id");
        description = description == null ? "" : description;
        notNull(call, "call");
    }

    public static Task of(String id, String description, String tool, Map<String, ?> arguments) {
        return new Task(id, description, ToolCall.of(tool, arguments));
    }
}
