package dev.reasoningbank.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of model servers the LLM components can talk to ({@code RB_LLM}). */
public enum LlmProvider {
    /** A local or remote Ollama server ({@code /api/chat}). */
    OLLAMA("ollama", "Ollama"),
    /** OpenAI or any OpenAI-compatible server: LM Studio, vLLM, llama.cpp server ({@code /v1/chat/completions}). */
    OPENAI("openai", "OpenAI-compatible server");

    private final String id;
    private final String displayName;

    LlmProvider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The value of {@code RB_LLM} that selects this provider. */
    public String id() {
        return id;
    }

    /** A name for messages, e.g. "Ollama". */
    public String displayName() {
        return displayName;
    }

    /** The valid values of {@code RB_LLM}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(LlmProvider::id).toList();
    }

    /**
     * The provider named {@code id}, case-insensitively.
     *
     * @throws IllegalArgumentException listing the valid values when {@code id} is not one of them
     */
    public static LlmProvider of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        LlmConfig.ENV_PROVIDER + " must be one of " + ids() + " but was '" + id + "'"));
    }
}
