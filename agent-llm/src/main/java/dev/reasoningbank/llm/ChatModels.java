package dev.reasoningbank.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates LangChain4j chat models from an {@link LlmConfig}, set up for JSON-schema answers: Ollama
 * declares {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} (sent as {@code "format"}), OpenAI uses a
 * strict {@code response_format}.
 */
public final class ChatModels {

    private ChatModels() {}

    public static ChatModel create(LlmConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        return switch (config.provider()) {
            case OLLAMA -> ollama(config);
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(config.maxRetries())
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
        };
    }

    private static ChatModel ollama(LlmConfig config) {
        OptionalModules.require("dev.langchain4j.model.ollama.OllamaChatModel", "the Ollama client", "agent-ollama");
        return OllamaChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(config.maxRetries())
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
    }

    /** The model the environment describes (see {@link LlmConfig#fromEnvironment(Map)}). */
    public static ChatModel fromEnvironment(Map<String, String> env) {
        return create(LlmConfig.fromEnvironment(env));
    }

    /**
     * Whether the configured server answers and, for Ollama, holds the model; empty when it does, else what
     * is wrong and how to fix it. Asks the server's model list (Ollama's {@code /api/tags}, OpenAI's
     * {@code /models}), which costs no inference.
     */
    public static Optional<String> problem(LlmConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        String base = config.baseUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + (config.provider() == LlmProvider.OLLAMA ? "/api/tags" : "/models")))
                .timeout(Duration.ofSeconds(30));
        if (config.provider() == LlmProvider.OPENAI && config.apiKey() != null) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(ModelError.of(e, config).message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + config.printableBaseUrl());
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return Optional.of(config.printableBaseUrl() + " rejected the API key (HTTP " + response.statusCode() + "): check OPENAI_API_KEY");
        }
        if (config.provider() == LlmProvider.OLLAMA && response.statusCode() == 200 && !ollamaHas(response.body(), config.model())) {
            return Optional.of("Ollama at " + config.printableBaseUrl() + " does not have the model " + config.model() + ": run 'ollama pull "
                    + config.model() + "', or set OLLAMA_MODEL to one it has");
        }
        return Optional.empty();
    }

    private static boolean ollamaHas(String tags, String model) {
        try {
            for (com.fasterxml.jackson.databind.JsonNode m : new com.fasterxml.jackson.databind.ObjectMapper().readTree(tags).path("models")) {
                String name = m.path("name").asText();
                if (name.equals(model) || name.equals(model + ":latest")) {
                    return true;
                }
            }
            return false;
        } catch (IOException unreadable) {
            return true; // an answer we cannot read: let the first chat say what is wrong
        }
    }
}
