package dev.reasoningbank.llm.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolService;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolSetting;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tools of a learning AI service: their specifications, their executors (which throw, so that the
 * error handlers see every failure), how they return, their parameter names and the settings they hold.
 */
final class ToolRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool: what the model sees, what runs it, how it returns, the names a lesson may touch, the settings it holds. */
    record Entry(ToolSpecification specification, ToolExecutor executor, ReturnBehavior returnBehavior, List<String> parameters,
            List<ToolSetting> settings) {

        /** The model's call with the settings' configured values beside its arguments, as lessons see it. */
        ToolCall withSettings(ToolCall call) {
            if (settings.isEmpty()) {
                return call;
            }
            Map<String, Object> arguments = new LinkedHashMap<>(call.arguments());
            settings.forEach(s -> arguments.put(s.name(), s.configured()));
            return ToolCall.of(call.tool(), arguments);
        }

        /** The planned call as this tool receives it: without the settings it or the tool first called ({@code others}) hold. */
        ToolCall withoutSettings(ToolCall planned, List<ToolSetting> others) {
            Map<String, Object> arguments = new LinkedHashMap<>(planned.arguments());
            settings.forEach(s -> arguments.remove(s.name()));
            others.forEach(s -> arguments.remove(s.name()));
            return arguments.size() == planned.arguments().size() ? planned : ToolCall.of(planned.tool(), arguments);
        }

        /** The settings' values in a planned call. */
        Map<ToolSetting, String> settingValues(ToolCall planned) {
            Map<ToolSetting, String> values = new java.util.HashMap<>();
            settings.forEach(s -> {
                Object value = planned.arguments().get(s.name());
                if (value != null) {
                    values.put(s, String.valueOf(value));
                }
            });
            return values;
        }
    }

    private final Map<String, Entry> tools = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Adds every {@code @Tool} method of {@code object}, found as plain {@code AiServices} finds them
     * (inherited and proxied methods, {@code returnBehavior}); the {@link ToolSetting} fields of the
     * object and its superclasses are the settings its tools hold.
     */
    void addObject(Object object) {
        Objects.requireNonNull(object, "tool object must not be null");
        List<ToolSetting> settings = settingsOf(object);
        for (AiServiceTool tool : ToolService.findTools(object)) {
            add(tool.toolSpecification(), tool.toolExecutor(), tool.returnBehavior(), settings);
        }
    }

    /** Adds a tool; its executor should throw on failure, or the failure is not learned from. */
    void add(ToolSpecification specification, ToolExecutor executor, @Nullable ReturnBehavior returnBehavior, List<ToolSetting> settings) {
        Objects.requireNonNull(specification, "specification must not be null");
        Objects.requireNonNull(executor, "executor must not be null");
        List<String> parameters = new ArrayList<>(specification.parameters() == null
                ? List.of() : specification.parameters().properties().keySet());
        settings.forEach(s -> parameters.add(s.name()));
        Entry entry = new Entry(specification, executor, returnBehavior == null ? ReturnBehavior.TO_LLM : returnBehavior,
                List.copyOf(parameters), List.copyOf(settings));
        if (tools.putIfAbsent(specification.name(), entry) != null) {
            throw new IllegalArgumentException("a tool named '" + specification.name() + "' was already added");
        }
    }

    /** A tool a {@code ToolProvider} offered for one request: it holds no settings of ours. */
    static Entry entryOf(AiServiceTool tool) {
        ToolSpecification spec = tool.toolSpecification();
        List<String> parameters = spec.parameters() == null ? List.of() : List.copyOf(spec.parameters().properties().keySet());
        return new Entry(spec, tool.toolExecutor(), tool.returnBehavior() == null ? ReturnBehavior.TO_LLM : tool.returnBehavior(),
                parameters, List.of());
    }

    private static List<ToolSetting> settingsOf(Object object) {
        List<ToolSetting> settings = new ArrayList<>();
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    if (field.trySetAccessible() && field.get(object) instanceof ToolSetting setting && !settings.contains(setting)) {
                        settings.add(setting);
                    }
                } catch (IllegalAccessException unreadable) {
                    // a field we may not read holds no setting we can use
                }
            }
        }
        return settings;
    }

    List<Entry> entries() {
        synchronized (tools) {
            return List.copyOf(tools.values());
        }
    }

    boolean isEmpty() {
        return tools.isEmpty();
    }

    boolean contains(String name) {
        return tools.containsKey(name);
    }

    @Nullable Entry get(String name) {
        return tools.get(name);
    }

    List<String> names() {
        synchronized (tools) {
            return new ArrayList<>(tools.keySet());
        }
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
