package dev.reasoningbank.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void the_assistant_answers_over_an_openai_compatible_server_with_no_optional_module() throws IOException {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1732500001,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Sunny in Oslo.\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":4,\"total_tokens\":54}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (ReasoningBank bank = ReasoningBank.inMemory()) {
            TravelAssistant assistant = TravelAssistant.create(Map.of("RB_LLM", "openai", "OPENAI_API_KEY", "sk-local",
                    "OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), bank);

            assertEquals("Sunny in Oslo.", assistant.chat("me", "Weather in Oslo?"));
            assertEquals(1, requests.size());
            assertTrue(requests.get(0).contains("Weather in Oslo?") && requests.get(0).contains("\"weather\""), requests.get(0));
        } finally {
            server.stop(0);
        }
    }
}
