package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.MemoryId;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolException;
import dev.reasoningbank.core.testing.Lessons;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.FakeModelServer;
import dev.reasoningbank.llm.Fixtures;
import dev.reasoningbank.llm.LessonsBlock;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import dev.reasoningbank.llm.PromptTemplates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LearningAiServicesTest {

    private static final String FRESH_KEY = "sk-fresh-9876543210fedcba";

    interface Assistant {
        String chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
    }

    /** A weather API whose key expired, and a status page on a host that is down. */
    static final class FlakyTools {
        final List<String> keysUsed = new CopyOnWriteArrayList<>();
        final AtomicInteger statusCalls = new AtomicInteger();

        @Tool("Current weather of a city")
        String weather(String city, String apiKey) {
            keysUsed.add(apiKey);
            if (!FRESH_KEY.equals(apiKey)) {
                throw ToolException.http(401, "API key " + apiKey + " has expired", "api.weather.example");
            }
            return "Sunny in " + city;
        }

        @Tool("Fetches a status page")
        String status(String url) throws IOException {
            statusCalls.incrementAndGet();
            URI uri = URI.create(url);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            }
            return "up";
        }
    }

    @RegisterExtension
    final FakeModelServer wm = new FakeModelServer();
    private final ReasoningBank bank = ReasoningBank.inMemory();
    private final FlakyTools tools = new FlakyTools();
    private final List<AgentEvent> events = new CopyOnWriteArrayList<>();


    @Test
    void should_learn_from_a_failed_tool_call_and_apply_the_lesson_in_the_next_conversation() throws IOException {
        // given
        String downUrl = "http://127.0.0.1:" + FakeModelServer.closedPort() + "/status";
        wm.scriptOllama(
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                Fixtures.ollamaAnswer("The weather key has expired."),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                Fixtures.ollamaAnswer("It is sunny in Paris."),
                Fixtures.ollamaToolCall("status", Map.of("url", downUrl)),
                Fixtures.ollamaAnswer("The status host is down."),
                Fixtures.ollamaToolCall("status", Map.of("url", downUrl)),
                Fixtures.ollamaAnswer("The status host is still down."));
        Assistant assistant = assistant();

        // when: conversation 1 fails with the expired key and learns
        assistant.chat("c1", "What is the weather in Paris?");

        // then
        Lesson learned = bank.lessons().get(0);
        assertThat(learned.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
        String toolResult = toolMessage(wm.request(2));
        assertThat(toolResult).contains("AUTH", "Lesson " + learned.id(), "ReplaceParam").doesNotContain(Fixtures.EXPIRED_KEY);

        // when: conversation 2 (a new memory) calls the weather tool again with the expired key
        String answer = assistant.chat("c2", "And the weather in Paris now?");

        // then: the lesson was in the prompt before the tool call, and the tool ran with the fresh key
        assertThat(systemMessage(wm.request(3))).contains("<lessons>", learned.id(), "</lessons>");
        assertThat(wm.request(3)).doesNotContain(FRESH_KEY);
        assertThat(tools.keysUsed).containsExactly(Fixtures.EXPIRED_KEY, FRESH_KEY);
        assertThat(answer).isEqualTo("It is sunny in Paris.");
        assertThat(bank.lesson(learned.id()).orElseThrow().stats()).satisfies(s -> {
            assertThat(s.applied()).isEqualTo(1);
            assertThat(s.helped()).isEqualTo(1);
        });

        // when: conversation 3 finds the status host down, conversation 4 asks again
        assistant.chat("c3", "Is the status page up?");
        assistant.chat("c4", "Is the status page up now?");

        // then: the second call was skipped and the model was told why
        assertThat(tools.statusCalls).hasValue(1);
        assertThat(toolMessage(wm.request(8))).startsWith("Not called: host 127.0.0.1:").contains("is known to be down");
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Skipped).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Memorized).hasSize(2);
    }

    @Test
    void should_learn_from_a_success_the_model_found_itself_when_success_reflection_is_on() {
        // given: the rules cannot fix the expired key (no credential source), but the model retries with the fresh one
        wm.scriptOllama(
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", FRESH_KEY)),
                Fixtures.ollamaAnswer("It is sunny in Paris."));
        String lesson = "{\"failure\":1," + Fixtures.replaceKeyAnswer().substring(1);
        wm.stubFor(post(urlEqualTo("/api/chat")).atPriority(1).withRequestBody(matchingJsonPath("$.format"))
                .willReturn(okJson(Fixtures.ollamaAnswer("{\"lessons\":[" + lesson + "]}"))));
        dev.reasoningbank.llm.SuccessReflector success = new dev.reasoningbank.llm.SuccessReflector(
                dev.reasoningbank.llm.StructuredChat.of(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).maxRetries(0)
                        .timeout(Duration.ofSeconds(10)).build()),
                dev.reasoningbank.llm.PromptTemplates.classpath(), List.of("weather.apiKey"));
        Assistant assistant = LearningAiServices.builder(Assistant.class).chatModel(model()).chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20)).tools(tools).bank(bank)
                .successReflector(success).listener(events::add).build();

        // when
        String answer = assistant.chat("c1", "Weather in Paris?");

        // then: one success reflection, sent without the fresh key, whose lesson is in the bank
        assertThat(answer).isEqualTo("It is sunny in Paris.");
        List<String> reflections = wm.requestBodies().stream().filter(b -> b.contains("\"format\"")).toList();
        assertThat(reflections).singleElement().asString()
                .doesNotContain(FRESH_KEY).doesNotContain(Fixtures.EXPIRED_KEY).contains("[REDACTED:");
        assertThat(bank.lessons()).anySatisfy(l -> {
            assertThat(l.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "weather.apiKey"));
            assertThat(l.provenance().reflector()).endsWith("(success)");
        });
    }

    @Test
    void should_reflect_once_and_refuse_the_same_call_when_nothing_can_fix_it() {
        // given: the model insists on the expired key twice in one conversation, and no fresh key is configured
        wm.scriptOllama(
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                Fixtures.ollamaToolCall("weather", Map.of("city", "Paris", "apiKey", Fixtures.EXPIRED_KEY)),
                Fixtures.ollamaAnswer("The key keeps failing."));
        Assistant assistant = LearningAiServices.builder(Assistant.class).chatModel(model()).chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20)).tools(tools).bank(bank)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
                .listener(events::add).build();

        // when
        assistant.chat("c1", "Weather in Paris?");

        // then: the ReplaceParam lesson names a source the deployment does not hold, so it is refused; only advice
        // is left, and the second, identical call is not made
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Failed).as("each failure published once").hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Refused).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Memorized).extracting(e -> ((AgentEvent.Memorized) e).created())
                .containsExactly(true);
        assertThat(bank.lessons()).extracting(l -> l.status()).containsExactlyInAnyOrder(
                dev.reasoningbank.core.lesson.LessonStatus.CANDIDATE, dev.reasoningbank.core.lesson.LessonStatus.UNFIXABLE);
        assertThat(bank.lessons()).noneMatch(l -> l.strategy() instanceof dev.reasoningbank.core.lesson.Strategy.ReplaceParam);
        assertThat(systemMessage(wm.request(2))).contains("<lessons>");
    }

    @Test
    void should_inject_the_lessons_block_once_however_often_the_transformer_runs() {
        // given
        bank.memorize(Lessons.advice("weather", "city"));
        Learning learning = new Learning(bank, null, registry(),
                new LessonsBlock(PromptTemplates.classpath()), 3, 200, new SuccessLearning(null), List.of());
        LessonInjector injector = new LessonInjector(learning);
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("You are a weather bot."), UserMessage.from("Paris?")).build();

        // when
        ChatRequest once = injector.apply(request, "c1");
        ChatRequest twice = injector.apply(once, "c1");

        // then
        String system = ((SystemMessage) twice.messages().get(0)).text();
        assertThat(system).startsWith("You are a weather bot.").containsOnlyOnce("<lessons>").containsOnlyOnce("Advice city");
        assertThat(twice.messages()).hasSize(2);
    }

    private ToolRegistry registry() {
        ToolRegistry registry = new ToolRegistry();
        registry.addObject(tools);
        return registry;
    }

    private Assistant assistant() {
        return LearningAiServices.builder(Assistant.class)
                .chatModel(model())
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                .tools(tools)
                .bank(bank)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "weather.apiKey").build())
                .parameterSource(ParameterSource.of(Map.of("weather.apiKey", FRESH_KEY)))
                .systemMessage("You answer questions with the tools.")
                .listener(events::add)
                .build();
    }

    private dev.langchain4j.model.chat.ChatModel model() {
        return ChatModels.create(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(wm.baseUrl()).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build());
    }



    private static String systemMessage(String body) {
        return message(body, "system");
    }

    private static String toolMessage(String body) {
        return message(body, "tool");
    }

    private static String message(String body, String role) {
        JsonNode messages = Fixtures.parse(body).get("messages");
        String found = null;
        for (JsonNode m : messages) {
            if (role.equals(m.path("role").asText())) {
                found = m.path("content").asText();
            }
        }
        assertThat(found).as("a %s message in %s", role, body).isNotNull();
        return found;
    }

}
