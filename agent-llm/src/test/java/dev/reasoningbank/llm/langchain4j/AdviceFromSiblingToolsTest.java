package dev.reasoningbank.llm.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.MemoryId;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ToolException;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two ordinary {@code @Tool}s of one shop API: a limit one learned is not applied to the other (endpoints
 * differ in limits) but the model reads it as advice when the other fails on the same host.
 */
class AdviceFromSiblingToolsTest {

    interface Assistant {
        String chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
    }

    static final class ShopTools {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Tool("Lists orders")
        String orders(String host, int limit) {
            calls.add("orders " + host + " " + limit);
            if (limit > 100) {
                throw ToolException.http(400, "{\"error\":\"limit must be less than or equal to 100\"}", host);
            }
            return "orders";
        }

        @Tool("Lists refunds")
        String refunds(String host, int limit) {
            calls.add("refunds " + host + " " + limit);
            if (limit > 50) {
                throw ToolException.http(400, "{\"error\":\"limit must be less than or equal to 50\"}", host);
            }
            return "refunds";
        }
    }

    @RegisterExtension
    final FakeModelServer wm = new FakeModelServer();
    private final ReasoningBank bank = ReasoningBank.inMemory();
    private final ShopTools tools = new ShopTools();

    @Test
    void a_sibling_failing_on_the_same_host_tells_the_model_what_the_other_tool_learned_without_applying_it() {
        wm.scriptOllama(
                Fixtures.ollamaToolCall("orders", Map.of("host", "api.shop.example", "limit", 250)),
                Fixtures.ollamaAnswer("Too many orders asked."),
                Fixtures.ollamaToolCall("refunds", Map.of("host", "api.shop.example", "limit", 250)),
                Fixtures.ollamaAnswer("Too many refunds asked."));
        Assistant assistant = LearningAiServices.builder(Assistant.class)
                .chatModel(ChatModels.create(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).maxRetries(0)
                        .timeout(Duration.ofSeconds(10)).build()))
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                .tools(tools)
                .bank(bank)
                .reflector(RuleBasedReflector.builder().build())
                .build();

        assistant.chat("c1", "List 250 orders.");
        Lesson clamp = bank.lessons().get(0);
        assertThat(clamp.trigger().tool()).isEqualTo("orders");
        assertThat(clamp.scope()).isEqualTo(Scope.TOOL);

        assistant.chat("c2", "List 250 refunds.");

        assertThat(tools.calls).containsExactly("orders api.shop.example 250", "refunds api.shop.example 250");
        assertThat(toolMessage(wm.request(4)))
                .contains("Advice from orders on the same host (lesson " + clamp.id() + ", not applied here)")
                .contains(clamp.content().replaceAll("\\s+", " ").strip());
        assertThat(toolMessage(wm.request(2))).doesNotContain("Advice from");
    }


    /** The last tool message of a request to the model. */
    private static String toolMessage(String body) {
        String found = null;
        for (JsonNode m : Fixtures.parse(body).get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                found = m.path("content").asText();
            }
        }
        assertThat(found).as("a tool message in %s", body).isNotNull();
        return found;
    }
}
