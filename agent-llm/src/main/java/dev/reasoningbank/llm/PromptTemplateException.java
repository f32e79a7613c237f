package dev.reasoningbank.llm;

/** A prompt template is missing, unreadable, or uses a placeholder the code does not provide. */
public class PromptTemplateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public PromptTemplateException(String message) {
        super(message);
    }

    public PromptTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
