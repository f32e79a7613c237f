package dev.reasoningbank.llm.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.reasoningbank.core.tool.ToolCall;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tools of a learning AI service: their specifications, their executors (which throw, so that the
 * error handlers see every failure) and their parameter names.
 */
final class ToolRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool: what the model sees, what runs it, and the names a lesson may touch. */
    record Entry(ToolSpecification specification, ToolExecutor executor, List<String> parameters) {}

    private final Map<String, Entry> tools = new LinkedHashMap<>();

    /** Adds every {@code @Tool} method of {@code object}. */
    void addObject(Object object) {
        Objects.requireNonNull(object, "tool object must not be null");
        int before = tools.size();
        for (Method method : object.getClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(Tool.class)) {
                ToolExecutor executor = DefaultToolExecutor.builder()
                        .object(object).originalMethod(method).methodToInvoke(method)
                        .wrapToolArgumentsExceptions(true)
                        .propagateToolExecutionExceptions(true)
                        .build();
                add(ToolSpecifications.toolSpecificationFrom(method), executor);
            }
        }
        if (tools.size() == before) {
            throw new IllegalArgumentException("tool object " + object.getClass().getName() + " has no method annotated with @Tool");
        }
    }

    /** Adds a tool; its executor should throw on failure, or the failure is not learned from. */
    void add(ToolSpecification specification, ToolExecutor executor) {
        Objects.requireNonNull(specification, "specification must not be null");
        Objects.requireNonNull(executor, "executor must not be null");
        List<String> parameters = specification.parameters() == null
                ? List.of() : List.copyOf(specification.parameters().properties().keySet());
        if (tools.putIfAbsent(specification.name(), new Entry(specification, executor, parameters)) != null) {
            throw new IllegalArgumentException("a tool named '" + specification.name() + "' was already added");
        }
    }

    boolean isEmpty() {
        return tools.isEmpty();
    }

    boolean contains(String name) {
        return tools.containsKey(name);
    }

    Entry get(String name) {
        return tools.get(name);
    }

    List<String> names() {
        return new ArrayList<>(tools.keySet());
    }

    List<String> parameters(String tool) {
        Entry entry = tools.get(tool);
        return entry == null ? List.of() : entry.parameters();
    }

    /** The call a request makes; arguments that are not a JSON object are kept as one text argument. */
    static ToolCall callOf(ToolExecutionRequest request) {
        String arguments = request.arguments();
        if (arguments == null || arguments.isBlank()) {
            return ToolCall.of(request.name(), Map.of());
        }
        try {
            Map<String, Object> parsed = JSON.readValue(arguments, new TypeReference<LinkedHashMap<String, Object>>() {});
            return ToolCall.of(request.name(), parsed);
        } catch (JsonProcessingException notAnObject) {
            return ToolCall.of(request.name(), Map.of("arguments", arguments));
        }
    }

    /** The request for a planned call, keeping the id of the model's request. */
    static ToolExecutionRequest requestOf(ToolCall call, ToolExecutionRequest original) {
        try {
            return ToolExecutionRequest.builder().id(original.id()).name(call.tool())
                    .arguments(JSON.writeValueAsString(call.arguments())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool arguments of " + call.tool() + " cannot be written as JSON", e);
        }
    }
}
