package dev.reasoningbank.llm.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProviderResult;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.tool.ToolException;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The learning service wraps LangChain4j as its users use it, and loses none of their settings. */
class WrapsLangChain4jTest {

    interface Chat {
        String chat(String message);
    }

    interface ImmediateChat {
        Result<String> chat(String message);
    }

    interface StreamingChat {
        TokenStream chat(String message);
    }

    static class BaseTools {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Current weather of a city")
        public String weather(String city) {
            calls.incrementAndGet();
            if (city.equals("Atlantis")) {
                throw ToolException.http(400, "{\"error\":\"unknown city\"}", "api.weather.example");
            }
            return "Sunny in " + city;
        }
    }

    /** Inherits its only @Tool, as a Spring or CDI proxy does. */
    static class InheritedTools extends BaseTools {}

    static class BookingTools {
        @Tool(value = "Books a room and answers the user directly", returnBehavior = ReturnBehavior.IMMEDIATE)
        public String book(String city) {
            return "Booked a room in " + city;
        }
    }

    @RegisterExtension
    final FakeModelServer model = new FakeModelServer();
    private final ReasoningBank bank = ReasoningBank.inMemory();
    private final List<AgentEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void your_error_handler_and_request_transformer_are_called_beside_the_learning_hooks() {
        model.scriptOllama(Fixtures.ollamaToolCall("weather", Map.of("city", "Atlantis")), Fixtures.ollamaAnswer("No such city."));
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger transformed = new AtomicInteger();
        Chat chat = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new InheritedTools()).bank(bank).listener(events::add)
                .toolExecutionErrorHandler((error, context) -> {
                    handled.incrementAndGet();
                    return ToolErrorHandlerResult.text("My handler: the weather service declined.");
                })
                .chatRequestTransformer(request -> {
                    transformed.incrementAndGet();
                    return request;
                })
                .build();

        chat.chat("Weather in Atlantis?");

        assertThat(handled).hasValue(1);
        assertThat(transformed).hasValue(2);
        assertThat(model.request(2)).contains("My handler: the weather service declined.").contains("unknown city");
        assertThat(bank.lessons()).isNotEmpty();
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Failed).as("one Failed per failure").hasSize(1);
    }

    @Test
    void langchain4j_listeners_receive_the_learning_events_with_their_invocation() {
        model.scriptOllama(Fixtures.ollamaToolCall("weather", Map.of("city", "Atlantis")), Fixtures.ollamaAnswer("No such city."));
        List<LearningEvent> learning = new CopyOnWriteArrayList<>();
        List<ToolExecutedEvent> executed = new CopyOnWriteArrayList<>();
        Chat chat = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new BaseTools()).bank(bank)
                .registerListener(new AiServiceListener<LearningEvent>() {
                    public Class<LearningEvent> getEventClass() { return LearningEvent.class; }
                    public void onEvent(LearningEvent event) { learning.add(event); }
                })
                .registerListener(new AiServiceListener<ToolExecutedEvent>() {
                    public Class<ToolExecutedEvent> getEventClass() { return ToolExecutedEvent.class; }
                    public void onEvent(ToolExecutedEvent event) { executed.add(event); }
                })
                .build();

        chat.chat("Weather in Atlantis?");

        assertThat(learning).extracting(e -> e.event().getClass().getSimpleName()).contains("Failed", "Reflected", "Memorized");
        assertThat(learning).allSatisfy(e -> assertThat(e.invocationContext()).isNotNull());
        assertThat(learning.get(0).invocationContext().invocationId()).isEqualTo(learning.get(learning.size() - 1).invocationContext().invocationId());
        assertThat(executed).hasSize(1);
    }

    static class TextErrorTools {
        @Tool("Current weather of a city")
        public String weather(String city) {
            return city.equals("Atlantis") ? "Error: unknown city 'Atlantis'" : "Sunny in " + city;
        }
    }

    @Test
    void a_tool_that_returns_its_errors_as_text_teaches_only_with_the_opt_in_judge() {
        model.scriptOllama(Fixtures.ollamaToolCall("weather", Map.of("city", "Atlantis")), Fixtures.ollamaAnswer("No such city."),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Atlantis")), Fixtures.ollamaAnswer("No such city."));
        Chat plain = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new TextErrorTools()).bank(bank).build();
        plain.chat("Weather in Atlantis?");
        assertThat(bank.lessons()).isEmpty();

        Chat judged = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new TextErrorTools()).bank(bank)
                .judge(dev.reasoningbank.core.judge.OutcomeJudge.errorText()).listener(events::add).build();
        judged.chat("Weather in Atlantis?");
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Failed).singleElement()
                .satisfies(e -> assertThat(((AgentEvent.Failed) e).failure().message()).contains("unknown city"));
        assertThat(bank.lessons()).isNotEmpty();
    }

    @Test
    void setting_a_learning_hook_through_customize_fails_the_build_instead_of_losing_it() {
        assertThatThrownBy(() -> LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new BaseTools()).bank(bank)
                .customize(services -> services.toolExecutionErrorHandler((e, c) -> ToolErrorHandlerResult.text("mine")))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toolExecutionErrorHandler").hasMessageContaining("LearningAiServices.builder(..).toolExecutionErrorHandler");
    }

    @Test
    void an_inherited_tool_is_found_and_called() {
        model.scriptOllama(Fixtures.ollamaToolCall("weather", Map.of("city", "Oslo")), Fixtures.ollamaAnswer("Sunny in Oslo."));
        InheritedTools tools = new InheritedTools();
        Chat chat = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(tools).bank(bank).build();

        assertThat(chat.chat("Weather in Oslo?")).isEqualTo("Sunny in Oslo.");
        assertThat(tools.calls).hasValue(1);
    }

    @Test
    void an_immediate_tool_returns_without_another_model_round() {
        model.scriptOllama(Fixtures.ollamaToolCall("book", Map.of("city", "Oslo")), Fixtures.ollamaAnswer("should never be asked"));
        ImmediateChat chat = LearningAiServices.builder(ImmediateChat.class).chatModel(ollama()).tools(new BookingTools()).bank(bank).build();

        Result<String> result = chat.chat("Book me a room in Oslo");

        assertThat(result.toolExecutions()).singleElement().satisfies(e -> assertThat(e.result()).isEqualTo("Booked a room in Oslo"));
        assertThat(model.requestBodies()).hasSize(1);
    }

    @Test
    void without_a_memory_two_users_never_see_each_others_messages() {
        model.scriptOllama(Fixtures.ollamaAnswer("Noted."), Fixtures.ollamaAnswer("Hello."));
        Chat chat = LearningAiServices.builder(Chat.class).chatModel(ollama()).tools(new BaseTools()).bank(bank).build();

        chat.chat("My passport number is X1234567.");
        chat.chat("Hello, I am another user.");

        assertThat(model.request(2)).contains("another user").doesNotContain("X1234567");
    }

    @Test
    void a_tool_providers_tool_on_a_host_that_is_down_is_skipped_the_second_time() throws Exception {
        int closed = FakeModelServer.closedPort();
        AtomicInteger calls = new AtomicInteger();
        ToolSpecification hotels = ToolSpecification.builder().name("hotels").description("Hotels in a city")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").addStringProperty("host").build()).build();
        ToolExecutor executor = (request, memoryId) -> {
            calls.incrementAndGet();
            throw new java.io.UncheckedIOException(new ConnectException("Connection refused: 127.0.0.1:" + closed));
        };
        Map<String, Object> call = Map.of("city", "Oslo", "host", "127.0.0.1:" + closed);
        model.scriptOllama(Fixtures.ollamaToolCall("hotels", call), Fixtures.ollamaAnswer("The hotel service is down."),
                Fixtures.ollamaToolCall("hotels", call), Fixtures.ollamaAnswer("Still down."));
        Chat chat = LearningAiServices.builder(Chat.class).chatModel(ollama()).bank(bank).listener(events::add)
                .toolProvider(request -> ToolProviderResult.builder().add(hotels, executor).build())
                .build();

        chat.chat("Hotels in Oslo?");
        chat.chat("Hotels in Oslo now?");

        assertThat(calls).hasValue(1);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Skipped).hasSize(1);
    }

    @Test
    void a_streaming_only_service_needs_no_chat_model() throws Exception {
        model.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(
                "{\"model\":\"qwen2.5:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"Sunny\"},\"done\":false}\n"
                        + "{\"model\":\"qwen2.5:3b\",\"message\":{\"role\":\"assistant\",\"content\":\" today.\"},\"done_reason\":\"stop\",\"done\":true}\n")));
        StreamingChat chat = LearningAiServices.builder(StreamingChat.class)
                .streamingChatModel(OllamaStreamingChatModel.builder().baseUrl(model.baseUrl()).modelName("qwen2.5:3b").build())
                .tools(new BaseTools()).bank(bank).build();
        CompletableFuture<String> answer = new CompletableFuture<>();

        chat.chat("Weather?").onPartialResponse(p -> { }).onCompleteResponse(r -> answer.complete(r.aiMessage().text()))
                .onError(answer::completeExceptionally).start();

        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo("Sunny today.");
    }

    private dev.langchain4j.model.chat.ChatModel ollama() {
        return ChatModels.create(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(model.baseUrl()).maxRetries(0).build());
    }

}
