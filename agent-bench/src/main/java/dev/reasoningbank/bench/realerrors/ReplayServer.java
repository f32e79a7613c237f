package dev.reasoningbank.bench.realerrors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replays the corpus over real HTTP on loopback: each entry answers at {@code /<id><path>} with its
 * documented status, headers and body until the call carries the correct fix, then {@code 200}. The
 * server knows what the caller meant: a call accepted with another argument changed, or with a date
 * that reads as another day, is a <em>wrong fix</em>.
 */
public final class ReplayServer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Set<String> TRANSPORT_HEADERS = Set.of("date", "content-length", "connection", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay-api");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CorpusEntry> entries = new HashMap<>();
    private final Map<String, Integer> remainingFailures = new ConcurrentHashMap<>();
    private final Map<String, Integer> wrongFixes = new ConcurrentHashMap<>();

    private ReplayServer(Iterable<CorpusEntry> corpus) throws IOException {
        corpus.forEach(e -> entries.put(e.id(), e));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ReplayServer start(Iterable<CorpusEntry> corpus) {
        try {
            return new ReplayServer(corpus);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the replay server", e);
        }
    }

    /** The base URL of an entry's API. */
    public String baseUrl(CorpusEntry entry) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + entry.id();
    }

    /** A new task of this entry starts: a transient error happens again as many times as the corpus says. */
    public void prepare(CorpusEntry entry) {
        Integer failures = entry.fix().failures();
        remainingFailures.put(entry.id(), failures == null ? 1 : failures);
    }

    /** Calls of this entry that the server accepted although they meant something else than the task asked. */
    public int wrongFixes(CorpusEntry entry) {
        return wrongFixes.getOrDefault(entry.id(), 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int slash = path.indexOf('/', 1);
            CorpusEntry entry = entries.get(slash < 0 ? path.substring(1) : path.substring(1, slash));
            if (entry == null) {
                send(exchange, 404, Map.of("Content-Type", "text/plain"), "no such API");
                return;
            }
            Map<String, String> query = dev.reasoningbank.bench.scenario.FlakyApiServer.query(exchange.getRequestURI().getRawQuery());
            query.putAll(pathVariables(entry.operation().localPath(), slash < 0 ? "" : exchange.getRequestURI().getRawPath().substring(slash)));
            if (accepts(entry, query)) {
                if (changedMeaning(entry, query)) {
                    wrongFixes.merge(entry.id(), 1, Integer::sum);
                }
                send(exchange, 200, Map.of("Content-Type", "application/json"), "{\"ok\":true}");
            } else {
                CorpusEntry.Response r = entry.response();
                Map<String, String> headers = new HashMap<>();
                r.headers().forEach((k, v) -> {
                    if (!TRANSPORT_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                        headers.put(k, v);
                    }
                });
                send(exchange, r.status(), headers, r.body());
            }
        }
    }

    private boolean accepts(CorpusEntry entry, Map<String, String> query) {
        CorpusEntry.Fix fix = entry.fix();
        String given = fix.parameter() == null ? null : query.get(fix.parameter());
        return switch (fix.type()) {
            case "clamp" -> number(given) != null && number(given) <= fix.max();
            case "case" -> fix.expected().equals(given);
            case "date-format" -> date(given, fix.pattern()) != null;
            case "successor", "default" -> fix.value().equals(given);
            case "credential" -> RealErrorsDeployment.freshCredential(fix.parameter()).equals(given);
            case "retry" -> remainingFailures.merge(entry.id(), -1, Integer::sum) < 0;
            default -> false;
        };
    }

    /** A call accepted with another argument changed, or with a date that is another day. */
    private static boolean changedMeaning(CorpusEntry entry, Map<String, String> query) {
        CorpusEntry.Fix fix = entry.fix();
        if ("date-format".equals(fix.type()) && !LocalDate.parse(fix.intended().substring(0, Math.min(10, fix.intended().length()))).equals(date(query.get(fix.parameter()), fix.pattern()))) {
            return true;
        }
        for (Map.Entry<String, Object> argument : entry.arguments().entrySet()) {
            if (!argument.getKey().equals(fix.parameter()) && !ReplayTool.encode(argument.getValue()).equals(query.get(argument.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static LocalDate date(String value, String pattern) {
        try {
            return value == null ? null : LocalDate.from(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).parse(value));
        } catch (RuntimeException notInThatFormat) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        // a connection per call: this server closes connections left idle, and a client that reuses one it closed meanwhile
        // fails the call with "header parser received no bytes" (a POST is not retried), a failure of the machine's load, not the API's
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The values of a template's {@code {variables}} in a request path. */
    private static Map<String, String> pathVariables(String template, String rawPath) {
        java.util.List<String> names = new java.util.ArrayList<>();
        StringBuilder regex = new StringBuilder();
        java.util.regex.Matcher variable = ReplayTool.VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(java.util.regex.Pattern.quote(template.substring(last, variable.start()))).append("([^/]*?)");
            names.add(variable.group(1));
            last = variable.end();
        }
        regex.append(java.util.regex.Pattern.quote(template.substring(last)));
        Map<String, String> values = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString()).matcher(rawPath);
        if (m.matches()) {
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
