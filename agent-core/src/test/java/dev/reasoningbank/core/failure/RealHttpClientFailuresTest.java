package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.client.RestClient;

/**
 * Tools written the plain way — the HTTP client's own exception flies, or the status and raw body go
 * into an exception message — fail against a real local server; the failure must still come out right.
 */
class RealHttpClientFailuresTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static ErrorServer server;
    private static int closedPort;

    /** A tool's HTTP client, used as its own documentation shows. */
    enum Client {
        /** The status and raw body in a message: no headers travel. */
        JDK_HTTP_CLIENT {
            @Override
            String get(String url) throws Exception {
                HttpResponse<String> response = send(url);
                if (response.statusCode() >= 400) {
                    throw new IOException("request failed with status " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            }
        },
        /** The explicit way: the response as it came. */
        JDK_HTTP_CLIENT_WITH_TOOL_EXCEPTION {
            @Override
            String get(String url) throws Exception {
                HttpResponse<String> response = send(url);
                if (response.statusCode() >= 400) {
                    throw ToolException.response(response.statusCode(), response.headers().map(), response.body(), response.uri().getAuthority());
                }
                return response.body();
            }
        },
        SPRING_REST_CLIENT {
            @Override
            String get(String url) {
                org.springframework.http.client.SimpleClientHttpRequestFactory factory = new org.springframework.http.client.SimpleClientHttpRequestFactory();
                factory.setReadTimeout(1_000);
                return RestClient.builder().requestFactory(factory).build().get().uri(url).retrieve().body(String.class);
            }
        },
        OKHTTP {
            @Override
            String get(String url) throws Exception {
                OkHttpClient client = new OkHttpClient.Builder().readTimeout(1, TimeUnit.SECONDS).build();
                try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                    if (!response.isSuccessful()) {
                        throw new IOException("Unexpected code " + response + ": " + response.body().string());
                    }
                    return response.body().string();
                }
            }
        };

        abstract String get(String url) throws Exception;

        boolean carriesHeaders() {
            return this == JDK_HTTP_CLIENT_WITH_TOOL_EXCEPTION || this == SPRING_REST_CLIENT;
        }

        private static HttpResponse<String> send(String url) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = new ErrorServer(Map.of(
                "/v1/forecast", () -> new ErrorServer.Answer(400, Map.of("Content-Type", "application/json"),
                        "{\"error\":\"date must be ISO-8601 (yyyy-MM-dd)\"}"),
                "/v1/search", () -> new ErrorServer.Answer(429, Map.of("Content-Type", "application/json", "Retry-After", "7",
                        "X-RateLimit-Remaining", "0"), "{\"message\":\"API rate limit exceeded for 127.0.0.1.\",\"documentation_url\":\"https://docs.example.com/rate-limits\"}"),
                // the JDK server sends its own Date: the Retry-After date is two minutes after the real time
                "/v1/reports", () -> new ErrorServer.Answer(503, Map.of("Content-Type", "text/html", "Retry-After", inTwoMinutes()),
                        "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>"),
                // NIST's NVD answers a key it does not know with a 404, no body and the error in a header
                "/v2/cpes", () -> new ErrorServer.Answer(404, Map.of("message", "Invalid apiKey.", "apikey", "Yes"), ""),
                "/v1/account", () -> new ErrorServer.Answer(403, Map.of("Content-Type", "application/problem+json"),
                        "{\"type\":\"https://example.com/probs/out-of-credit\",\"title\":\"You do not have enough credit.\","
                                + "\"detail\":\"Your current balance is 30, but that costs 50.\",\"instance\":\"/account/12345/msgs/abc\"}")));
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    private static String inTwoMinutes() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Failure fail(Client client, String url) {
        Throwable error = catchThrowable(() -> client.get(url));
        assertThat(error).as("%s must fail on %s", client, url).isNotNull();
        return Failure.of(new ToolCall("weather", Map.of("url", url)), error, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void a_json_error_gives_the_servers_message_and_status(Client client) {
        Failure failure = fail(client, server.url("/v1/forecast"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.message()).isEqualTo("date must be ISO-8601 (yyyy-MM-dd)");
        assertThat(failure.host()).isEqualTo(server.hostAndPort());
        assertThat(failure.signature()).isEqualTo("date must be iso-8601 ( yyyy-mm-dd )");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void a_rate_limit_gives_retry_after_in_seconds(Client client) {
        Failure failure = fail(client, server.url("/v1/search"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.message()).isEqualTo("API rate limit exceeded for 127.0.0.1.");
        // headers travel only with an exception that carries them
        assertThat(failure.retryAfterHint()).isEqualTo(client.carriesHeaders() ? Optional.of(Duration.ofSeconds(7)) : Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void an_html_error_page_gives_its_title(Client client) {
        Failure failure = fail(client, server.url("/v1/reports"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.message()).isEqualTo("503 Service Unavailable");
        if (client.carriesHeaders()) {
            // measured from the server's Date header, not from the (fixed) local clock; a second may tick in between
            assertThat(failure.retryAfterHint()).hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(110L, 120L));
        } else {
            assertThat(failure.retryAfterHint()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void an_answer_with_no_body_gives_the_error_its_header_holds(Client client) {
        Failure failure = fail(client, server.url("/v2/cpes"));

        assertThat(failure.httpStatus()).isEqualTo(404);
        if (client.carriesHeaders()) {
            assertThat(failure.message()).isEqualTo("Invalid apiKey.");
            assertThat(failure.kind()).as("the caller's key, not a resource that is missing").isEqualTo(ErrorKind.AUTH);
        } else {
            assertThat(failure.kind()).isEqualTo(ErrorKind.GONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void a_problem_json_gives_title_and_detail(Client client) {
        Failure failure = fail(client, server.url("/v1/account"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(failure.message()).isEqualTo("You do not have enough credit.: Your current balance is 30, but that costs 50.");
        assertThat(failure.errorCode()).isEqualTo("https://example.com/probs/out-of-credit");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void an_unresolvable_host_is_an_unknown_host_not_a_host_down(Client client) {
        Failure failure = fail(client, "http://weather-archive.invalid/v1/forecast");

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNKNOWN_HOST);
        assertThat(failure.rootCause()).isEqualTo(RootCause.UNKNOWN_HOST);
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.host()).isEqualTo("weather-archive.invalid");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void a_refused_connection_is_a_host_down(Client client) {
        Failure failure = fail(client, "http://127.0.0.1:" + closedPort + "/v1/forecast");

        assertThat(failure.kind()).isEqualTo(ErrorKind.HOST_DOWN);
        assertThat(failure.rootCause()).isEqualTo(RootCause.CONNECTION_REFUSED);
        assertThat(failure.host()).isEqualTo("127.0.0.1:" + closedPort);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void a_server_that_never_answers_is_a_timeout(Client client) {
        Failure failure = fail(client, server.url("/hang"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failure.rootCause()).isEqualTo(RootCause.TIMEOUT);
    }
}
