package dev.reasoningbank.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which model server and model the LLM components use, read from flags or the environment.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code RB_LLM}</td><td>{@code ollama} (default) or {@code openai}</td></tr>
 *   <tr><td>{@code OLLAMA_BASE_URL}</td><td>default {@value #DEFAULT_OLLAMA_URL}</td></tr>
 *   <tr><td>{@code OLLAMA_MODEL}</td><td>default {@value #DEFAULT_OLLAMA_MODEL}</td></tr>
 *   <tr><td>{@code OPENAI_BASE_URL}</td><td>default {@value #DEFAULT_OPENAI_URL}; any OpenAI-compatible server</td></tr>
 *   <tr><td>{@code OPENAI_API_KEY}</td><td>required with {@code RB_LLM=openai}</td></tr>
 *   <tr><td>{@code OPENAI_MODEL}</td><td>default {@value #DEFAULT_OPENAI_MODEL}</td></tr>
 *   <tr><td>{@code RB_LLM_TIMEOUT}</td><td>seconds; default 120 for Ollama (CPU inference), 60 otherwise</td></tr>
 * </table>
 *
 * <p>The default Ollama model, {@code qwen2.5:3b}, is small (about 2 GB, runs on a laptop CPU),
 * follows JSON schemas well under Ollama's constrained decoding ({@code format}) and supports tool
 * calling, which the chat agent needs.
 *
 * @param provider the kind of server
 * @param baseUrl the server's URL: without {@code /api} for Ollama, with {@code /v1} for OpenAI
 * @param model the model's name
 * @param apiKey the API key, or {@code null}; never printed by {@link #toString()}
 * @param timeout how long to wait for one answer
 * @param maxRetries how often the client retries a failed request itself (connection errors, 5xx)
 * @param temperature the sampling temperature, or {@code null} for the server's default
 */
public record LlmConfig(
        LlmProvider provider, String baseUrl, String model, @Nullable String apiKey, Duration timeout, int maxRetries, @Nullable Double temperature) {

    public static final String ENV_PROVIDER = "RB_LLM";
    public static final String ENV_TIMEOUT = "RB_LLM_TIMEOUT";
    public static final String ENV_OLLAMA_URL = "OLLAMA_BASE_URL";
    public static final String ENV_OLLAMA_MODEL = "OLLAMA_MODEL";
    public static final String ENV_OPENAI_URL = "OPENAI_BASE_URL";
    public static final String ENV_OPENAI_KEY = "OPENAI_API_KEY";
    public static final String ENV_OPENAI_MODEL = "OPENAI_MODEL";

    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final String DEFAULT_OLLAMA_MODEL = "qwen2.5:3b";
    public static final String DEFAULT_OPENAI_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

    public LlmConfig {
        Objects.requireNonNull(provider, "provider must not be null");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (provider == LlmProvider.OPENAI && apiKey == null) {
            throw new IllegalArgumentException(ENV_PROVIDER + "=openai needs an API key: set " + ENV_OPENAI_KEY
                    + " (for a local OpenAI-compatible server that ignores keys, any non-empty value such as 'local')");
        }
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be at least 0 but was " + maxRetries);
        }
    }

    /** Whether the environment selects a model server at all ({@code RB_LLM} is set). */
    public static boolean isConfigured(Map<String, String> env) {
        return value(env, ENV_PROVIDER).isPresent();
    }

    /**
     * The configuration the environment describes; {@code RB_LLM} defaults to {@code ollama}.
     *
     * @throws IllegalArgumentException naming the variable when a value is invalid or missing
     */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env must not be null");
        LlmProvider provider = value(env, ENV_PROVIDER).map(LlmProvider::of).orElse(LlmProvider.OLLAMA);
        Builder builder = builder(provider);
        value(env, ENV_TIMEOUT).ifPresent(t -> builder.timeout(parseSeconds(t)));
        if (provider == LlmProvider.OLLAMA) {
            value(env, ENV_OLLAMA_URL).ifPresent(builder::baseUrl);
            value(env, ENV_OLLAMA_MODEL).ifPresent(builder::model);
        } else {
            value(env, ENV_OPENAI_URL).ifPresent(builder::baseUrl);
            value(env, ENV_OPENAI_MODEL).ifPresent(builder::model);
            builder.apiKey(value(env, ENV_OPENAI_KEY).orElse(null));
        }
        return builder.build();
    }

    /** A builder with the provider's defaults. */
    public static Builder builder(LlmProvider provider) {
        return new Builder(Objects.requireNonNull(provider, "provider must not be null"));
    }

    /** {@code ollama/qwen2.5:3b}: the provider and the model, for provenance and messages. */
    public String label() {
        return provider.id() + "/" + model;
    }

    /** One line for a user: which server and model, never the key (nor a password in the URL). */
    public String describe() {
        return provider.displayName() + " at " + printableBaseUrl() + ", model " + model;
    }

    /** The base URL with any password in it redacted, for messages and logs. */
    public String printableBaseUrl() {
        return dev.reasoningbank.core.redact.Redactor.standard().redact(baseUrl);
    }

    @Override
    public String toString() {
        return "LlmConfig[" + label() + " at " + printableBaseUrl() + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout.toSeconds() + "s, maxRetries=" + maxRetries + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Duration parseSeconds(String text) {
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_TIMEOUT + " must be a positive whole number of seconds (e.g. 60) but was '" + text + "'");
        }
    }

    /** Builds an {@link LlmConfig}; every setting but the OpenAI key has a default. */
    public static final class Builder {
        private final LlmProvider provider;
        private String baseUrl;
        private String model;
        private @Nullable String apiKey;
        private Duration timeout;
        private int maxRetries = 1;
        private @Nullable Double temperature = 0.0;

        private Builder(LlmProvider provider) {
            this.provider = provider;
            boolean ollama = provider == LlmProvider.OLLAMA;
            this.baseUrl = ollama ? DEFAULT_OLLAMA_URL : DEFAULT_OPENAI_URL;
            this.model = ollama ? DEFAULT_OLLAMA_MODEL : DEFAULT_OPENAI_MODEL;
            this.timeout = Duration.ofSeconds(ollama ? 120 : 60);
        }

        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder apiKey(@Nullable String apiKey) { this.apiKey = apiKey; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder maxRetries(int maxRetries) { this.maxRetries = maxRetries; return this; }
        public Builder temperature(@Nullable Double temperature) { this.temperature = temperature; return this; }

        public LlmConfig build() {
            return new LlmConfig(provider, baseUrl, model, apiKey, timeout, maxRetries, temperature);
        }
    }
}
