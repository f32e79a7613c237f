package dev.reasoningbank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmProvider;
import dev.reasoningbank.llm.LlmReflector;
import dev.reasoningbank.llm.StructuredChat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret of the redaction corpus (agent-core's {@code redaction/secrets-*.json}, both halves), thrown by a tool
 * in its error as a user's tool throws a server's answer, through the whole loop with a model that copies the
 * failure it is shown into its lesson: what reaches the model's request, the bank's events, the bank file and
 * {@code rbank bank list} and {@code bank show}. No channel lets through a secret the redactor itself catches.
 */
class SecretsInEveryChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("..", "agent-core", "src", "test", "resources", "redaction");

    @TempDir
    Path dir;

    record Secret(String id, String text, List<String> parts) {
        /**
         * Whether a part of it is in a channel: a long one anywhere in {@code all} the channel holds; a short one (a PIN, a
         * CVV) only on its own and only in what came of this secret's failure ({@code own}), since the requests, events and
         * files of a thousand failures hold its digits by chance (a line number of a stack trace, a count).
         */
        boolean leaksIn(String all, String own) {
            return parts.stream().anyMatch(p -> p.length() >= 8 ? all.contains(p)
                    : java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(p) + "(?![A-Za-z0-9])").matcher(own).find());
        }

        boolean leaksIn(String channel) {
            return leaksIn(channel, channel);
        }
    }

    /** A channel: all it holds, and what of it came of the failure of the i-th secret. */
    record Channel(String all, java.util.function.IntFunction<String> own) {}

    @Test
    void no_channel_leaks_a_secret_the_redactor_catches_and_each_redacts_at_least_98_percent() throws Exception {
        List<Secret> secrets = new ArrayList<>(load("secrets-dev.json"));
        secrets.addAll(load("secrets-held-out.json"));
        Path bankFile = dir.resolve("bank.json");
        List<String> events = new CopyOnWriteArrayList<>();
        try (CopyingModel model = new CopyingModel();
                ReasoningBank bank = ReasoningBank.builder().store(JsonFileLessonStore.open(bankFile)).build()) {
            bank.addListener(e -> events.add(e.toString()));
            LlmReflector llm = LlmReflector.builder(StructuredChat.of(LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(model.baseUrl())
                    .model("copying").maxRetries(0).build())).fallback(RuleBasedReflector.builder().build()).build();
            // the tool answers each call with the error text of the corpus entry it is asked for
            Tool api = Tool.of("api", List.of("entry"), args -> {
                throw new IOException("HTTP 400 from api.example.com: " + secrets.get(((Number) args.get("entry")).intValue()).text());
            });
            LearningAgent agent = LearningAgent.builder().bank(bank).reflector(llm).tool(api).build();
            // what each failure sent to the model and published, told apart: a short secret of one entry may be a number of another
            List<String> requestsOf = new ArrayList<>();
            List<String> eventsOf = new ArrayList<>();
            List<Set<String>> lessonsOf = new ArrayList<>(); // the lessons each failure added or changed
            Map<String, Lesson> lessonsBefore = Map.of();
            for (int i = 0; i < secrets.size(); i++) {
                int requestsBefore = model.requests().size();
                int eventsBefore = events.size();
                agent.run(Task.of("t" + i, "call the api", "api", Map.of("entry", i)));
                StringBuilder sent = new StringBuilder();
                for (String request : model.requests().subList(requestsBefore, model.requests().size())) {
                    // the JSON as sent, and the texts it holds, unescaped (a secret holding a quote is written \" in JSON)
                    sent.append(request).append('\n').append(texts(JSON.readTree(request))).append('\n');
                }
                requestsOf.add(sent.toString());
                eventsOf.add(String.join("\n", events.subList(eventsBefore, events.size())));
                Map<String, Lesson> lessonsAfter = new java.util.HashMap<>();
                bank.lessons().forEach(l -> lessonsAfter.put(l.id(), l));
                Map<String, Lesson> earlier = lessonsBefore;
                lessonsOf.add(lessonsAfter.keySet().stream().filter(id -> !lessonsAfter.get(id).equals(earlier.get(id))).collect(Collectors.toSet()));
                lessonsBefore = lessonsAfter;
            }
            Map<String, Channel> channels = new LinkedHashMap<>();
            channels.put("model request", new Channel("", requestsOf::get));
            channels.put("events", new Channel("", eventsOf::get));
            List<Lesson> stored = bank.lessons();
            bank.close();
            String file = Files.readString(bankFile);
            Map<String, String> fileByLesson = new java.util.HashMap<>();
            JSON.readTree(file).path("lessons").forEach(l -> fileByLesson.put(l.path("id").asText(), l + "\n" + texts(l)));
            channels.put("bank file", new Channel(file + "\n" + texts(JSON.readTree(file)), i -> ofLessons(lessonsOf.get(i), fileByLesson)));
            String list = rbank("bank", "list", "--bank", bankFile.toString());
            Map<String, String> cliByLesson = new java.util.HashMap<>();
            for (Lesson lesson : stored) {
                String listed = list.lines().filter(line -> line.contains(lesson.id())).collect(Collectors.joining("\n"));
                cliByLesson.put(lesson.id(), listed + "\n" + rbank("bank", "show", lesson.id(), "--bank", bankFile.toString()));
            }
            channels.put("rbank bank list and show", new Channel(list + "\n" + String.join("\n", cliByLesson.values()),
                    i -> ofLessons(lessonsOf.get(i), cliByLesson)));

            assertThat(model.requests()).as("every failure reached the model").hasSizeGreaterThanOrEqualTo(secrets.size() / 2);
            assertThat(stored).as("the model's lessons were stored").hasSizeGreaterThan(secrets.size() / 2);
            List<String> redactorLeaks = ids(secrets, s -> s.leaksIn(Redactor.standard().redact(s.text())));
            channels.forEach((channel, texts) -> {
                List<String> leaked = new ArrayList<>();
                for (int i = 0; i < secrets.size(); i++) {
                    String own = texts.own().apply(i);
                    if (secrets.get(i).leaksIn(texts.all().isEmpty() ? own : texts.all(), own)) {
                        leaked.add(secrets.get(i).id());
                    }
                }
                System.out.printf("secrets in %s: %d of %d %s%n", channel, leaked.size(), secrets.size(), leaked);
                assertThat(redactorLeaks).as("%s lets through no secret the redactor catches", channel).containsAll(leaked);
                assertThat(leaked.size()).as("secrets leaked in %s", channel).isLessThanOrEqualTo(secrets.size() * 2 / 100);
            });
        }
    }

    private static String ofLessons(Set<String> ids, Map<String, String> textByLesson) {
        return ids.stream().map(id -> textByLesson.getOrDefault(id, "")).collect(Collectors.joining("\n"));
    }

    /** Every text value in a JSON document, unescaped, one per line. */
    private static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> out.append(texts(child)));
        return out.toString();
    }

    private static List<String> ids(List<Secret> secrets, Predicate<Secret> test) {
        return secrets.stream().filter(test).map(Secret::id).toList();
    }

    private static List<Secret> load(String file) throws IOException {
        List<Secret> out = new ArrayList<>();
        for (JsonNode e : JSON.readTree(CORPUS.resolve(file).toFile())) {
            List<String> parts = new ArrayList<>(List.of(e.get("secret").asText()));
            e.path("parts").forEach(p -> parts.add(p.asText()));
            out.add(new Secret(e.get("id").asText(), e.get("text").asText(), List.copyOf(parts)));
        }
        return out;
    }

    private String rbank(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Rbank.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("RB_BANK", dir.resolve("default-bank.json").toString()));
        assertThat(exit).as("rbank %s", String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A model over Ollama's wire format that copies the failure report it is shown into its lesson's title, description
     * and content, as a careless model would: whatever reached it reaches the lesson.
     */
    static final class CopyingModel implements AutoCloseable {

        private final HttpServer server;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        CopyingModel() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/api/chat", exchange -> {
                try (exchange) {
                    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    requests.add(request);
                    String prompt = String.join("\n", JSON.readTree(request).findValuesAsText("content"));
                    int start = prompt.indexOf("<failure>");
                    int end = prompt.indexOf("</failure>");
                    String failure = start >= 0 && end > start ? prompt.substring(start + 9, end).strip() : prompt;
                    byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("model", "copying").put("done", true)
                            .put("prompt_eval_count", 100).put("eval_count", 50)
                            .set("message", JSON.createObjectNode().put("role", "assistant").put("content", lesson(failure))));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        private static String lesson(String failure) throws IOException {
            String text = failure.replaceAll("\\s+", " ");
            Map<String, Object> strategy = new LinkedHashMap<>();
            for (String field : List.of("type", "parameter", "source", "host", "tool", "value", "transform", "operand")) {
                strategy.put(field, "");
            }
            for (String field : List.of("skipForSeconds", "maxRetries", "initialDelayMillis", "multiplier")) {
                strategy.put(field, 0);
            }
            strategy.put("type", "Advice");
            Map<String, Object> lesson = new LinkedHashMap<>();
            lesson.put("title", "Avoid: " + cut(text, 60));
            lesson.put("description", "Applies when api answers: " + cut(text, 180));
            lesson.put("content", "The api failed with " + cut(text, 400) + ". Do not repeat the call as it was.");
            lesson.put("strategy", strategy);
            lesson.put("conditions", List.of());
            lesson.put("lifetimeSeconds", 0);
            return JSON.writeValueAsString(lesson);
        }

        private static String cut(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
