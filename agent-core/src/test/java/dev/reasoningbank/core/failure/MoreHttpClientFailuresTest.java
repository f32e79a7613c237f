package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolCall;
import feign.Feign;
import feign.RequestLine;
import feign.Retryer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import org.apache.hc.client5.http.fluent.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.HttpException;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/** Feign, Retrofit and Apache HttpClient, used as their documentation shows, failing against a real server. */
class MoreHttpClientFailuresTest {

    private static ErrorServer server;

    interface SearchApi {
        @RequestLine("GET /v1/search")
        String search();
    }

    interface RetrofitSearchApi {
        @GET("v1/search")
        retrofit2.Call<ResponseBody> search();
    }

    @BeforeAll
    static void start() {
        Supplier<ErrorServer.Answer> limited = () -> new ErrorServer.Answer(429,
                Map.of("Content-Type", "application/json", "Retry-After", "7"),
                "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many requests for this key; slow down.\"}}");
        server = new ErrorServer(Map.of("/v1/search", limited, "/v1/forecast", () -> new ErrorServer.Answer(400,
                Map.of("Content-Type", "application/json"), "{\"error\":\"date must be ISO-8601 (yyyy-MM-dd)\"}")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Failure failure(Throwable error) {
        assertThat(error).isNotNull();
        return Failure.of(new ToolCall("search", Map.of("q", "java")), error);
    }

    @Test
    void feign_exception_gives_status_message_code_retry_after_and_host() {
        SearchApi api = Feign.builder().retryer(Retryer.NEVER_RETRY).target(SearchApi.class, server.url(""));

        Failure failure = failure(catchThrowable(api::search));

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.message()).isEqualTo("Too many requests for this key; slow down.");
        assertThat(failure.errorCode()).isEqualTo("rate_limited");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.host()).isEqualTo(server.hostAndPort());
    }

    @Test
    void retrofit_http_exception_gives_status_message_retry_after_and_host() {
        RetrofitSearchApi api = new Retrofit.Builder().baseUrl(server.url("/")).build().create(RetrofitSearchApi.class);

        Failure failure = failure(catchThrowable(() -> {
            retrofit2.Response<ResponseBody> response = api.search().execute();
            if (!response.isSuccessful()) {
                throw new HttpException(response);
            }
        }));

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.message()).isEqualTo("Too many requests for this key; slow down.");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.host()).isEqualTo(server.hostAndPort());
    }

    @Test
    void apache_http_client_response_exception_gives_status_and_kind() {
        // (on a 429 the client itself waits for Retry-After and retries: a 400 keeps the test fast)
        Failure failure = failure(catchThrowable(() -> Request.get(server.url("/v1/forecast")).execute().returnContent()));

        assertThat(failure.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(failure.httpStatus()).isEqualTo(400);
    }
}
