package dev.reasoningbank.bench.policy.bankllm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A model server on a free loopback port that speaks Ollama's {@code /api/chat} (non-streaming) and
 * answers every request with the lesson of a {@link ScriptedLessonModel}, in a recorded-style body:
 * {@code model}, {@code created_at}, {@code message}, {@code done_reason}, {@code done}, durations,
 * {@code prompt_eval_count} and {@code eval_count}. The LLM reflector talks to it through LangChain4j's
 * Ollama client exactly as it talks to a real Ollama, JSON-schema {@code format} included.
 *
 * <pre>{@code
 * try (ScriptedOllamaServer server = ScriptedOllamaServer.start(new ScriptedLessonModel(Duration.ofMinutes(10)))) {
 *     LlmConfig config = LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(server.baseUrl()).model(ScriptedLessonModel.MODEL).build();
 * }
 * }</pre>
 */
public final class ScriptedOllamaServer implements AutoCloseable {

    private static final String TRANSFORMER = "scripted-lesson-model";
    /** A fixed timestamp, so that the bodies are the same in every run. */
    private static final String CREATED_AT = "2026-01-01T08:00:00.000000Z";

    private final WireMockServer server;
    private final Transformer transformer;

    private ScriptedOllamaServer(WireMockServer server, Transformer transformer) {
        this.server = server;
        this.transformer = transformer;
    }

    /** Starts a server on a free port of 127.0.0.1 that answers with {@code model}. */
    public static ScriptedOllamaServer start(ScriptedLessonModel model) {
        Transformer transformer = new Transformer(model);
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(8)
                .disableRequestJournal()
                .extensions(transformer));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/chat"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers(TRANSFORMER)));
        return new ScriptedOllamaServer(server, transformer);
    }

    /** The server's URL, without {@code /api}, as Ollama's base URL is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The bodies of the requests answered so far, oldest first: what the reflector really sent. */
    public List<String> requestBodies() {
        synchronized (transformer.received) {
            return List.copyOf(transformer.received);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A recorded-style Ollama {@code /api/chat} answer. */
    static String ollamaBody(ScriptedLessonModel.Reply reply) {
        return "{\"model\":\"" + ScriptedLessonModel.MODEL + "\",\"created_at\":\"" + CREATED_AT + "\",\"message\":{\"role\":\"assistant\",\"content\":"
                + ScriptedLessonModel.json(reply.content()) + "},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":412345678,"
                + "\"load_duration\":1234567,\"prompt_eval_count\":" + reply.promptTokens() + ",\"prompt_eval_duration\":123456789,"
                + "\"eval_count\":" + reply.answerTokens() + ",\"eval_duration\":287654321}";
    }

    /** Computes each answer from its request and keeps the request's body. */
    private static final class Transformer implements ResponseDefinitionTransformerV2 {

        private final ScriptedLessonModel model;
        private final List<String> received = Collections.synchronizedList(new ArrayList<>());

        Transformer(ScriptedLessonModel model) {
            this.model = model;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String body = serveEvent.getRequest().getBodyAsString();
            received.add(body);
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withBody(ollamaBody(model.answer(body)))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
