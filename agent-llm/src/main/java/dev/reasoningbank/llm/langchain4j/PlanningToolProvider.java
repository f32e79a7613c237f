package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A user's {@link ToolProvider} (an MCP client's, say) whose tools are planned and learned from like the
 * others. Each request's tools run on the executors that request was given (a provider may give each
 * user their own), and a lesson may switch only to a tool offered in the same request.
 */
final class PlanningToolProvider implements ToolProvider {

    private final ToolProvider provider;
    private final Learning learning;

    PlanningToolProvider(ToolProvider provider, Learning learning) {
        this.provider = provider;
        this.learning = learning;
    }

    @Override
    public @Nullable ToolProviderResult provideTools(ToolProviderRequest request) {
        ToolProviderResult provided = provider.provideTools(request);
        if (provided == null) {
            return null;
        }
        Map<String, ToolRegistry.Entry> offered = new LinkedHashMap<>();
        for (AiServiceTool tool : provided.aiServiceTools()) {
            offered.put(tool.name(), ToolRegistry.entryOf(tool));
        }
        PlanningToolExecutor executor = new PlanningToolExecutor(learning, offered);
        ToolProviderResult.Builder planned = ToolProviderResult.builder();
        for (AiServiceTool tool : provided.aiServiceTools()) {
            planned.add(tool.toBuilder().toolExecutor(executor).build());
        }
        return planned.immediateReturnToolNames(provided.immediateReturnToolNames()).build();
    }

    @Override
    public boolean isDynamic() {
        return provider.isDynamic();
    }
}
