package dev.reasoningbank.sample;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reasoningbank.core.bank.ReasoningBank;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application, built from agent-llm alone, stays small and says what to add for Ollama. */
class ClasspathTest {

    private static List<File> runtimeJars() throws IOException {
        String classpath = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(File::new).toList();
    }

    @Test
    void the_runtime_class_path_is_under_20_mb_with_no_ollama_client_and_no_embedding_model() throws IOException {
        List<File> jars = runtimeJars();
        long bytes = jars.stream().mapToLong(File::length).sum();
        System.out.printf("sample-app runtime class path: %d jars, %.1f MB%n", jars.size(), bytes / 1e6);
        assertTrue(jars.stream().anyMatch(j -> j.getName().startsWith("agent-llm")), "agent-llm is on the class path: " + jars);
        assertTrue(bytes < 20_000_000L, "the runtime class path is " + bytes / 1_000_000 + " MB: " + jars);
        assertTrue(jars.stream().noneMatch(j -> j.getName().matches(".*(onnxruntime|ollama|embeddings|djl).*")), "no optional module: " + jars);
    }

    @Test
    void ollama_without_its_module_says_what_to_add() {
        try (ReasoningBank bank = ReasoningBank.inMemory()) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> TravelAssistant.create(Map.of("RB_LLM", "ollama"), bank));
            assertTrue(error.getMessage().contains("dev.reasoningbank:agent-ollama"), error.getMessage());
        }
    }

    @Test
    void the_openai_path_needs_no_optional_module() {
        try (ReasoningBank bank = ReasoningBank.inMemory()) {
            TravelAssistant assistant = TravelAssistant.create(
                    Map.of("RB_LLM", "openai", "OPENAI_API_KEY", "sk-local", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"), bank);
            org.junit.jupiter.api.Assertions.assertNotNull(assistant);
        }
    }
}
