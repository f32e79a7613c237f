package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import org.jspecify.annotations.Nullable;

/** A user's {@link ToolProvider} (an MCP client's, say) whose tools are planned and learned from like the others. */
final class PlanningToolProvider implements ToolProvider {

    private final ToolProvider provider;
    private final ToolRegistry tools;
    private final PlanningToolExecutor executor;

    PlanningToolProvider(ToolProvider provider, ToolRegistry tools, PlanningToolExecutor executor) {
        this.provider = provider;
        this.tools = tools;
        this.executor = executor;
    }

    @Override
    public @Nullable ToolProviderResult provideTools(ToolProviderRequest request) {
        ToolProviderResult provided = provider.provideTools(request);
        if (provided == null) {
            return null;
        }
        ToolProviderResult.Builder planned = ToolProviderResult.builder();
        for (AiServiceTool tool : provided.aiServiceTools()) {
            tools.provided(tool);
            planned.add(tool.toBuilder().toolExecutor(executor).build());
        }
        return planned.immediateReturnToolNames(provided.immediateReturnToolNames()).build();
    }

    @Override
    public boolean isDynamic() {
        return provider.isDynamic();
    }
}
