package dev.reasoningbank.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedJudgeTest {

    private static final ToolCall CALL = ToolCall.of("stats", Map.of("date", "11/27/2026"));

    /** Errors that APIs answer with HTTP 200, as their documentation shows them. */
    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo's Reporting API
        "{\"result\":\"error\",\"message\":\"Date format must be: YYYY-MM-DD, or 'today' or 'yesterday' or any keyword supported by the strtotime function\"}",
        // Flickr
        "{\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key (Key has invalid format)\"}",
        // Alpha Vantage
        "{\n    \"Error Message\": \"Invalid API call. Please retry or visit the documentation for TIME_SERIES_DAILY.\"\n}",
        // NCBI E-utilities: the error inside the object that wraps the answer
        "{\"header\":{\"type\":\"esearch\",\"version\":\"0.3\"},\"esearchresult\":{\"ERROR\":\"Unable to obtain query #1\"}}",
        "{\"success\":false,\"message\":\"Invalid date\"}",
        // Bybit: a return code other than 0
        "{\"retCode\": 10001, \"retMsg\": \"Invalid date\"}",
        "{\"status\":404,\"message\":\"No report for that date\"}",
        // the Subsonic API (Navidrome, Airsonic)
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"failed\" version=\"1.16.1\">"
                + "<error code=\"40\" message=\"Wrong username or password\"/></subsonic-response>",
        "<rsp stat=\"fail\"><err code=\"100\" msg=\"Invalid API Key (Key has invalid format)\" /></rsp>",
        "<Error><Code>InvalidArgument</Code><Message>Invalid date</Message></Error>",
        // NCBI E-utilities, in XML
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" "
                + "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd\">\n<eSearchResult><ERROR>Invalid db name specified: pubmedd</ERROR></eSearchResult>"})
    void an_error_answered_with_200_is_a_failure_whose_reason_holds_the_servers_words(String result) {
        Verdict verdict = OutcomeJudge.ruleBased().judge(CALL, result);
        assertThat(verdict.success()).isFalse();
        assertThat(verdict.reason()).startsWith("the result reports an error: ").containsAnyOf("Invalid", "Date format", "No report", "Unable", "Wrong");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":7,\"name\":\"nightly\",\"status\":\"failed\"}",
        "{\"errors\":[],\"data\":{\"visits\":12}}",
        "{\"error\":null,\"result\":{\"visits\":12}}",
        "{\"processed\":10,\"error_count\":0,\"errors\":0}",
        "{\"status\":\"ok\",\"data\":{\"job\":{\"status\":\"failed\",\"message\":\"the job's own failure is the answer\"}}}",
        "{\"status\":200,\"visits\":12}",
        "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"visits\":12}}",
        "{\"retCode\":7,\"visits\":12}",
        "{\"retCode\":200,\"retMsg\":\"success\",\"data\":[1]}",
        "{\"retCode\":1,\"retMsg\":\"OK\",\"data\":[1]}",
        "<rss version=\"2.0\"><channel><title>Errors in the night</title></channel></rss>",
        "<subsonic-response status=\"ok\" version=\"1.16.1\"><album id=\"1\" name=\"Error\"/></subsonic-response>",
        "<response><error>false</error><count>3</count></response>",
        "<feed><entry><error>a field of the entry, not of the answer</error></entry></feed>",
        "visits: 12, errors: none"})
    void an_answer_that_mentions_errors_or_describes_a_failed_thing_is_a_success(String result) {
        assertThat(OutcomeJudge.ruleBased().judge(CALL, result).success()).isTrue();
    }

    @Test
    void a_map_is_judged_as_its_json_even_when_it_holds_values_json_cannot() {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("day", LocalDate.of(2026, 11, 27));
        failed.put("error", Map.of("message", "quota exhausted"));
        assertThat(OutcomeJudge.ruleBased().judge(CALL, failed).reason()).contains("quota exhausted").contains("2026-11-27");
        assertThat(OutcomeJudge.ruleBased().judge(CALL, Map.of("status", 503)).success()).isFalse();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, Map.of("day", LocalDate.of(2026, 11, 27), "visits", 12)).success()).isTrue();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, Map.of("error", false, "errors", List.of())).success()).isTrue();
    }

    @Test
    void bybits_return_code_and_message_are_read_as_the_code_and_the_message_and_too_many_visits_is_a_rate_limit() {
        Verdict verdict = OutcomeJudge.ruleBased().judge(CALL, "{\"retCode\": 10006, \"retMsg\": \"Too many visits!\"}");
        Failure failure = Failure.wrongResult(CALL, verdict.reason());
        assertThat(failure.message()).isEqualTo("Too many visits!");
        assertThat(failure.errorCode()).isEqualTo("10006");
        assertThat(failure.kind()).isEqualTo(dev.reasoningbank.core.lesson.ErrorKind.RATE_LIMITED);
    }

    @Test
    void the_servers_message_is_read_from_the_reason() {
        Verdict verdict = OutcomeJudge.ruleBased().judge(CALL, "{\"result\":\"error\",\"message\":\"Date format must be: YYYY-MM-DD\"}");
        assertThat(Failure.wrongResult(CALL, verdict.reason()).message()).isEqualTo("Date format must be: YYYY-MM-DD");
    }

    @Test
    void moodles_exception_with_its_error_code_is_an_error_and_a_record_with_no_exception_is_an_answer() {
        assertThat(OutcomeJudge.ruleBased().judge(CALL,
                "{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}").success()).isFalse();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, "{\"job\":\"export\",\"exception\":null,\"errorcode\":\"\",\"message\":\"done\"}").success()).isTrue();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, "{\"exception\":\"none\",\"errorcode\":\"E1\",\"message\":\"done\"}").success()).isTrue();
        // an answer that says no error, and a record that holds an error among its data (a log entry), are answers
        assertThat(OutcomeJudge.ruleBased().judge(CALL,
                "{\"exception\":\"NO_ERROR\",\"errorcode\":\"0\",\"message\":\"The operation completed successfully.\"}").success()).isTrue();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, "{\"exception\":\"NoError\",\"errorcode\":\"0\",\"message\":\"ok\"}").success()).isTrue();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, "{\"id\":42,\"exception\":\"java.lang.NullPointerException\",\"errorcode\":\"NPE-17\","
                + "\"message\":\"x was null\"}").success()).isTrue();
        assertThat(OutcomeJudge.ruleBased().judge(CALL, "{\"id\":42,\"exception\":\"moodle_exception\",\"errorcode\":\"NPE-17\","
                + "\"message\":\"x was null\"}").success()).isTrue();
    }
}
