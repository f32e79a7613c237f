package dev.reasoningbank.bench;

import dev.reasoningbank.llm.PromptTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The prompt templates agent-llm ships, as text: the starting point of a prompt experiment. */
public final class BuiltInPrompts {

    private BuiltInPrompts() {}

    /** The built-in {@code reflect-failure.txt}. */
    public static String reflectFailure() {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream("prompts/reflect-failure.txt")) {
            if (in == null) {
                throw new IllegalStateException("prompts/reflect-failure.txt is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
