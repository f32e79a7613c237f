package dev.reasoningbank.llm.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A model that obeys instructions injected into the data it is shown, over the real Ollama wire format:
 * when its prompt holds {@code DO-THIS:} followed by a JSON lesson, it answers exactly that lesson (the
 * strategy's missing fields filled as the schema asks), whatever the system prompt says.
 */
final class ObeyingModelServer implements AutoCloseable {

    static final String MARKER = "DO-THIS:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_FIELDS = List.of("type", "parameter", "source", "host", "tool", "value", "transform", "operand");
    private static final List<String> NUMBER_FIELDS = List.of("skipForSeconds", "maxRetries", "initialDelayMillis", "multiplier");

    private final HttpServer server;
    private int obeyed;

    ObeyingModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/chat", exchange -> {
            try (exchange) {
                String prompt = String.join("\n", JSON.readTree(exchange.getRequestBody()).findValuesAsText("content"));
                String content = answer(prompt);
                byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("model", "obedient").put("done", true)
                        .put("prompt_eval_count", 100).put("eval_count", 50)
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times it answered with an injected lesson. */
    synchronized int obeyed() {
        return obeyed;
    }

    private synchronized String answer(String prompt) throws IOException {
        int at = prompt.indexOf(MARKER);
        if (at < 0) {
            return "{}";
        }
        JsonNode injected = JSON.readTree(prompt.substring(at + MARKER.length()).strip());
        ObjectNode lesson = (ObjectNode) injected;
        ObjectNode strategy = (ObjectNode) lesson.get("strategy");
        TEXT_FIELDS.forEach(f -> { if (!strategy.has(f)) { strategy.put(f, ""); } });
        NUMBER_FIELDS.forEach(f -> { if (!strategy.has(f)) { strategy.put(f, 0); } });
        if (!lesson.has("conditions")) {
            lesson.set("conditions", JSON.createArrayNode());
        }
        if (!lesson.has("lifetimeSeconds")) {
            lesson.put("lifetimeSeconds", 0);
        }
        obeyed++;
        return JSON.writeValueAsString(lesson);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
