package dev.reasoningbank.core.tool;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something the agent can call: a name, the names of its parameters, and an invocation. A failure is
 * an exception, preferably a {@link ToolException} that says what the server answered.
 */
public interface Tool {

    String name();

    /** The names of the parameters the tool accepts; lessons may only touch these. */
    List<String> parameters();

    @Nullable Object invoke(Map<String, Object> arguments) throws Exception;

    /** A tool from a name, its parameters and a function. */
    static Tool of(String name, List<String> parameters, Invocation invocation) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> parameters() {
                return parameters;
            }

            @Override
            public @Nullable Object invoke(Map<String, Object> arguments) throws Exception {
                return invocation.invoke(arguments);
            }

            @Override
            public String toString() {
                return "Tool[" + name + "]";
            }
        };
    }

    /** The body of a tool. */
    @FunctionalInterface
    interface Invocation {
        @Nullable Object invoke(Map<String, Object> arguments) throws Exception;
    }
}
