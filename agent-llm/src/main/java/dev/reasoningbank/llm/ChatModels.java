package dev.reasoningbank.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.Objects;

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
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(config.maxRetries())
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
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

    /** The model the environment describes (see {@link LlmConfig#fromEnvironment(Map)}). */
    public static ChatModel fromEnvironment(Map<String, String> env) {
        return create(LlmConfig.fromEnvironment(env));
    }
}
