package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.failure.Failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Strategy.Transform;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleBasedReflectorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final RuleBasedReflector rules = RuleBasedReflector.builder()
            .credential("apiKey", "api.key")
            .alternative("/v1/forecast", "/v2/forecast")
            .alternative("eu.api.invalid", "eu2.api.example")
            .skipFor(Duration.ofMinutes(5))
            .build();

    private Lesson reflect(Map<String, ?> args, Exception error) {
        ToolCall call = ToolCall.of("api", args);
        Failure failure = Failure.of(call, error);
        return rules.reflect(failure, new ReflectionContext(List.copyOf(args.keySet()), List.of(), NOW)).orElseThrow();
    }

    @Test
    void expired_credential_should_teach_replace_param_keyed_on_the_fingerprint() {
        Lesson lesson = reflect(Map.of("apiKey", "old-key-1234"), ToolException.http(401, "key old-key-1234 expired", "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "api.key"));
        assertThat(lesson.trigger().conditions()).singleElement().satisfies(c -> assertThat(c.value()).startsWith("hmac:"));
        assertThat(lesson.toString()).doesNotContain("old-key-1234");
    }

    @Test
    void a_credential_sent_blank_is_taken_from_its_source_when_the_server_says_none_was_supplied() {
        Lesson lesson = reflect(Map.of("apiKey", "", "date", "2024-03-15"),
                ToolException.http(403, "{\"error\":{\"code\":\"API_KEY_MISSING\",\"message\":\"No api_key was supplied. Get one at https://api.nasa.gov:443\"}}", "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "api.key"));
        assertThat(lesson.trigger().conditions()).containsExactly(new ArgumentCondition("apiKey", ArgumentCondition.Op.MISSING, ""));
        // a forbidden call that sent its key is not about a missing one
        Lesson forbidden = reflect(Map.of("apiKey", "k-7Hq2mPz9", "date", "2024-03-15"), ToolException.http(403, "{\"message\":\"Forbidden\"}", "h"));
        assertThat(forbidden.strategy()).isNotInstanceOf(Strategy.ReplaceParam.class);
    }

    @Test
    void connection_refused_should_teach_a_skip_that_expires() {
        Lesson lesson = reflect(Map.of("host", "down.example"), new ToolException("no", 0, null, "down.example", new ConnectException("Connection refused")));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.SkipTask("down.example", Duration.ofMinutes(5)));
        assertThat(lesson.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void unknown_host_with_an_alternative_should_teach_use_alternative() {
        Lesson lesson = reflect(Map.of("host", "eu.api.invalid"), new UnknownHostException("eu.api.invalid"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.UseAlternative("", "host", "eu2.api.example"));
    }

    @Test
    void rate_limit_should_teach_backoff_from_retry_after() {
        Lesson lesson = reflect(Map.of("q", "x"), ToolException.rateLimited("429", Duration.ofSeconds(2), "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.RetryWithBackoff(3, Duration.ofSeconds(2), 2.0));
    }

    @Test
    void gone_endpoint_should_teach_the_configured_alternative() {
        Lesson lesson = reflect(Map.of("endpoint", "/v1/forecast"), ToolException.http(410, "Gone: use v2", "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.UseAlternative("", "endpoint", "/v2/forecast"));
    }

    @Test
    void validation_errors_naming_a_format_should_teach_fix_argument() {
        assertThat(reflect(Map.of("date", "27/11/2026"), ToolException.http(400, "date must be in format YYYY-MM-DD", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("date", Transform.DATE_FORMAT, "yyyy-MM-dd"));
        assertThat(reflect(Map.of("limit", 500), ToolException.http(400, "limit must be <= 100", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("units", "celsius"), ToolException.http(400, "units must be one of [CELSIUS, FAHRENHEIT]", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("units", Transform.UPPERCASE, ""));
    }

    @Test
    void a_ceiling_stated_without_a_name_caps_the_one_argument_above_it_and_nothing_when_that_is_not_clear() {
        String tooMany = "{\"code\":\"BAD_REQUEST\",\"msg\":\"Too many messages requested (maximum 5000).\",\"result\":\"error\"}";
        assertThat(reflect(Map.of("num_before", 6000, "num_after", 0), ToolException.response(400, Map.of(), tooMany, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("num_before", Transform.CLAMP_MAX, "5000"));
        assertThat(reflect(Map.of("num_before", 6000, "num_after", 7000), ToolException.response(400, Map.of(), tooMany, "h")).strategy())
                .as("two arguments above the ceiling: which one it is about is a guess").isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("stream_id", 6000, "num_after", 0), ToolException.response(400, Map.of(), tooMany, "h")).strategy())
                .as("an id is never capped").isNotInstanceOf(Strategy.FixArgument.class);
        // a ceiling in units, or a number that counts nothing a ceiling limits, is never what gets capped
        assertThat(reflect(Map.of("description", "x".repeat(600), "amount", 2000), ToolException.http(400, "Invalid string: must be at most 500 characters", "h"))
                .strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("q", "shoes", "limit", 50, "offset", 200), ToolException.http(400, "Maximum 100 results per page", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("note", "hello", "expires_at", 1767225600), ToolException.http(400, "Too long (maximum 1000)", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("body", "{}", "delay_ms", 5000), ToolException.http(400, "Payload exceeds maximum of 1024 bytes", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_naming_rule_a_missing_header_and_a_busy_resource_are_read_as_servers_write_them() {
        Lesson lower = reflect(Map.of("bucket", "Team-Logs"), ToolException.response(400, Map.of(),
                "{\"error\":{\"code\":\"InvalidBucketName\",\"message\":\"Team-Logs is not a valid bucket name. Bucket names use numbers, dashes and lower-case letters only.\"}}", "h"));
        assertThat(lower.strategy()).isEqualTo(new Strategy.FixArgument("bucket", Transform.LOWERCASE, ""));

        ToolCall call = ToolCall.of("api", Map.of("q", "x"));
        Failure notAcceptable = Failure.of(call, ToolException.response(406, Map.of(),
                "{\"id\":\"not_acceptable\",\"message\":\"set Accept: application/vnd.example+json; version=2 header and try again\"}", "h"));
        assertThat(notAcceptable.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(rules.reflect(notAcceptable, new ReflectionContext(List.of("q", "accept"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.FixArgument("accept", Transform.DEFAULT_IF_MISSING, "application/vnd.example+json; version=2"));

        Lesson busy = reflect(Map.of("q", "x"), ToolException.response(409, Map.of(),
                "{\"error\":{\"code\":\"OperationInProgress\",\"message\":\"Another operation on this resource is in progress.\"}}", "h"));
        assertThat(busy.strategy()).isInstanceOf(Strategy.RetryWithBackoff.class);
        Lesson taken = reflect(Map.of("q", "x"), ToolException.response(409, Map.of(), "{\"error\":{\"message\":\"The name is already taken.\"}}", "h"));
        assertThat(taken.strategy()).isEqualTo(new Strategy.Advice());
        assertThat(taken.trigger().errorKind()).as("a name in use is answered the same way every time").isEqualTo(ErrorKind.VALIDATION);
        Lesson notReady = reflect(Map.of("q", "x"), ToolException.response(400, Map.of(),
                "{\"error_code\":\"PRODUCT_NOT_READY\",\"error_message\":\"the report is not yet ready. try the request again later\"}", "h"));
        assertThat(notReady.strategy()).isInstanceOf(Strategy.RetryWithBackoff.class);
    }

    @Test
    void a_rejected_value_the_message_quotes_and_a_header_it_names_with_a_dash_find_their_parameter() {
        Lesson schema = reflect(Map.of("acceptProfile", "Tenant1", "select", "*"), ToolException.response(406, Map.of(),
                "{\"code\":\"PGRST106\",\"details\":null,\"hint\":\"Only the following schemas are exposed: tenant1, tenant2\",\"message\":\"Invalid schema: Tenant1\"}", "h"));
        assertThat(schema.strategy()).isEqualTo(new Strategy.FixArgument("acceptProfile", Transform.LOWERCASE, ""));

        ToolCall call = ToolCall.of("settings", Map.of("index", "movies"));
        Failure noContentType = Failure.of(call, ToolException.response(415, Map.of(), "{\"message\":\"A Content-Type header is missing. "
                + "Accepted values for the Content-Type header are: `application/json`\",\"code\":\"missing_content_type\"}", "h"));
        assertThat(rules.reflect(noContentType, new ReflectionContext(List.of("index", "contentType"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.FixArgument("contentType", Transform.DEFAULT_IF_MISSING, "application/json"));
        // Akeneo's wording: the one media type the message names; never one it refuses
        Failure akeneo = Failure.of(ToolCall.of("categories", Map.of("contentType", "")), ToolException.response(415, Map.of(),
                "{\"code\": 415, \"message\": \"The 'Content-type' header is missing. 'application/json' has to specified as value.\"}", "h"));
        assertThat(rules.reflect(akeneo, new ReflectionContext(List.of("contentType"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.FixArgument("contentType", Transform.DEFAULT_IF_MISSING, "application/json"));
        // Werkzeug's page, every Flask app's answer to a JSON body sent without its Content-Type: the type it was not
        Failure flask = Failure.of(ToolCall.of("create_order", Map.of("sku", "WID-2231")), ToolException.response(415, Map.of(), """
                <!doctype html>
                <html lang=en>
                <title>415 Unsupported Media Type</title>
                <h1>Unsupported Media Type</h1>
                <p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>
                """, "h"));
        assertThat(rules.reflect(flask, new ReflectionContext(List.of("sku", "content_type"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.FixArgument("content_type", Transform.DEFAULT_IF_MISSING, "application/json"));
        for (String asked : List.of("Content-Type header is missing; expected multipart/form-data", "Wrong content-type. Only multipart/form-data is supported")) {
            Failure expected = Failure.of(ToolCall.of("upload", Map.of("contentType", "")), ToolException.response(415, Map.of(), asked, "h"));
            assertThat(rules.reflect(expected, new ReflectionContext(List.of("contentType"), List.of(), NOW)).orElseThrow().strategy()).as(asked)
                    .isEqualTo(new Strategy.FixArgument("contentType", Transform.DEFAULT_IF_MISSING, "multipart/form-data"));
        }
        for (String refused : List.of("The Content-Type header is missing; text/plain is not supported.", "Content-Type header is missing, "
                + "application/json or application/xml expected", "The Content-Type header is missing instead of text/html",
                "The Content-Type header is missing. This endpoint cannot accept text/plain.",
                "Content-Type header is missing; application/x-www-form-urlencoded is deprecated, send JSON",
                "contentType is required unless the file is image/jpeg", "contentType is required for all files except application/pdf",
                "Missing Content-Type header; defaulted to text/plain, which this endpoint rejects",
                "Content-Type header is required. We can't parse text/csv uploads.",
                "Content-Type header missing or empty (received application/octet-stream)",
                "contentType is required. Files of type image/png must be uploaded via /uploads",
                "The Content-Type was not application/json, so the body was read as form data")) {
            Failure other = Failure.of(ToolCall.of("categories", Map.of("contentType", "")), ToolException.response(415, Map.of(), refused, "h"));
            assertThat(rules.reflect(other, new ReflectionContext(List.of("contentType"), List.of(), NOW)).orElseThrow().strategy()).as(refused)
                    .isNotInstanceOf(Strategy.FixArgument.class);
        }
    }

    @Test
    void allowed_counts_from_zero_or_one_bound_a_count_and_other_numbers_listed_do_not() {
        assertThat(reflect(Map.of("starting_quantity", 24, "component_id", 24), ToolException.http(422,
                "{\"errors\": {\"components\": [\"starting_quantity for an On/Off component can only be '1' or '0': 24\"]}}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("starting_quantity", Transform.CLAMP_MAX, "1"));
        assertThat(reflect(Map.of("replicas", 5), ToolException.http(400, "replicas must be one of 1, 2, 3", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("replicas", Transform.CLAMP_MAX, "3"));
        assertThat(reflect(Map.of("quantity", 5), ToolException.http(400, "{\"errors\":[{\"field\":\"quantity\",\"message\":\"must be one of 0, 1\"}]}", "h"))
                .strategy()).isEqualTo(new Strategy.FixArgument("quantity", Transform.CLAMP_MAX, "1"));
        assertThat(reflect(Map.of("seatCount", 9), ToolException.http(400, "seatCount must be one of 1, 2, 3", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("seatCount", Transform.CLAMP_MAX, "3"));
        // status codes, versions, ids and lists with gaps are values, not a bound
        Map<Map<String, ?>, String> values = new java.util.LinkedHashMap<>();
        values.put(Map.of("redirect_status", 309), "redirect_status must be one of 301, 302, 307, 308");
        values.put(Map.of("api_version", 3), "api_version must be one of 1, 2");
        values.put(Map.of("region_id", 4), "region_id must be one of 1, 2, 3");
        values.put(Map.of("level", 7), "level must be one of 0, 5, 10");
        values.put(Map.of("shards", 9), "shards must be one of 1, 2, 4, 8");
        // a mode, a type, a status, an order or a gender listed as numbers is a code; a list that follows another name is that one's
        values.put(Map.of("type", 5), "{\"error\": \"type must be one of 1, 2, 3, 4\"}");
        values.put(Map.of("gui_access", 3), "Invalid parameter \"/1/gui_access\": value must be one of 0, 1, 2.");
        values.put(Map.of("status", 3), "status must be one of 0, 1, 2");
        values.put(Map.of("mode", 2), "mode must be 0 or 1");
        values.put(Map.of("gender", 9), "gender must be one of 0, 1, 2");
        values.put(Map.of("priority", 5), "priority must be one of 1, 2, 3, 4");
        values.put(Map.of("limit", 25, "verbose", 0), "{\"errors\":[{\"field\":\"limit\",\"message\":\"must be a multiple of 10\"},"
                + "{\"field\":\"verbose\",\"message\":\"must be one of 0, 1\"}]}");
        values.put(Map.of("copies", 25, "replicas", 1), "copies must be a multiple of 10, replicas must be one of 1, 2");
        values.put(Map.of("seats", 7), "seats must be a multiple of 5 when the tier is one of 1, 2 or 3");
        values.put(Map.of("discount", 15), "discount must be one of 0, 1, 2, 3");
        values.forEach((args, message) -> assertThat(reflect(args, ToolException.http(400, message, "h")).strategy()).as(message)
                .isNotInstanceOf(Strategy.FixArgument.class));
    }

    @Test
    void a_miscased_value_is_found_by_the_values_the_message_allows_when_it_names_the_parameter_otherwise() {
        Lesson lesson = reflect(Map.of("realm", "acme", "direction", "DESC"),
                ToolException.http(400, "{\"error\":\"Invalid value for sortDirection, expected value is asc or desc\"}", "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.FixArgument("direction", Transform.LOWERCASE, ""));
        // two arguments that could be meant: neither is guessed
        Lesson twoCandidates = reflect(Map.of("order", "DESC", "direction", "DESC"),
                ToolException.http(400, "{\"error\":\"Invalid value for sortDirection, expected value is asc or desc\"}", "h"));
        assertThat(twoCandidates.strategy()).isEqualTo(new Strategy.Advice());
    }

    @Test
    void the_one_name_in_the_other_case_is_lower_cased_when_the_message_lists_only_lower_case_characters() {
        String onlyLower = "{\"error\":\"DOMAIN_IS_INCORRECT\",\"error_description\":\"You can only use the following characters: \\\"a-z\\\", \\\"0-9\\\", \\\"-\\\".\"}";
        Lesson lesson = reflect(Map.of("title", "Spring sale", "domain", "Spring-Sale.example.site"), ToolException.http(400, onlyLower, "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.FixArgument("domain", Transform.LOWERCASE, ""));
        // two names in upper case: neither is guessed
        Lesson two = reflect(Map.of("subdomain", "Shop-EU", "domain", "Spring-Sale.example.site"), ToolException.http(400, onlyLower, "h"));
        assertThat(two.strategy()).isEqualTo(new Strategy.Advice());
        // an id, a code, a token or a state keeps its case: their case is theirs, whatever the message's rule
        for (Map<String, String> opaque : List.of(Map.of("tag", "vip", "video_id", "dQw4w9WgXcQ"), Map.of("tag", "vip", "customer", "cus_NffrFeUfNV2Hib"),
                Map.of("tag", "vip", "code", "Ab-C123.xYz"), Map.of("tag", "vip", "page_token", "CAoQ-AA.x"),
                Map.of("tag", "vip", "domain", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"), Map.of("title", "Spring sale", "order_id", "ORD-ABC-123"),
                Map.of("title", "Spring sale", "username", "John.Smith"))) {
            assertThat(reflect(opaque, ToolException.http(400, onlyLower, "h")).strategy()).as(opaque.toString()).isEqualTo(new Strategy.Advice());
        }
        // a message that names the parameter it refuses is about that one
        Lesson named = reflect(Map.of("tag", "vip", "region", "EU-West"),
                ToolException.http(400, "tag: You can only use the following characters: \"a-z\", \"0-9\", \"-\"", "h"));
        assertThat(named.strategy()).isEqualTo(new Strategy.Advice());
    }

    @Test
    void a_value_a_server_names_for_a_missing_secret_is_never_learned_not_even_as_words() {
        Lesson lesson = reflect(Map.of("q", "x", "token", ""), ToolException.http(400, "{\"error\":\"token must be sk_live_abc123\"}", "h"));
        assertThat(lesson.strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(lesson.title() + lesson.description() + lesson.content()).doesNotContain("sk_live_abc123");
        Lesson currency = reflect(Map.of("q", "x", "currency", ""), ToolException.http(400, "{\"error\":\"currency must be usd\"}", "h"));
        assertThat(currency.strategy()).isEqualTo(new Strategy.FixArgument("currency", Transform.DEFAULT_IF_MISSING, "usd"));
    }

    @Test
    void a_bound_stated_as_a_range_caps_the_one_number_above_it_when_no_parameter_is_named() {
        Lesson lesson = reflect(Map.of("name", "Business", "max_participants", 10000),
                ToolException.http(422, "{\"errors\":[{\"code\":\"10033\",\"title\":\"Value outside of range\",\"detail\":\"The value is outside of allowed range 1 to 5000\"}]}", "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.FixArgument("max_participants", Transform.CLAMP_MAX, "5000"));
        Lesson inUnits = reflect(Map.of("name", "Business", "max_participants", 10000),
                ToolException.http(422, "{\"error\":\"name must be between 1 and 50 characters\"}", "h"));
        assertThat(inUnits.strategy()).as("a bound in characters is about the text, not the number").isEqualTo(new Strategy.Advice());
        Lesson size = reflect(Map.of("title", "Business", "priority", 500), ToolException.http(400, "{\"error\":\"size must be between 1 and 255\"}", "h"));
        assertThat(size.strategy()).as("a text's size, not the number").isEqualTo(new Strategy.Advice());
        Lesson pageSize = reflect(Map.of("q", "shoes", "limit", 500), ToolException.http(400, "{\"error\":\"Page size must not exceed 100\"}", "h"));
        assertThat(pageSize.strategy()).isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"));
    }

    @Test
    void values_in_mixed_cases_are_written_as_the_api_lists_them_and_dates_as_iso_when_no_format_is_named() {
        Lesson variant = reflect(Map.of("community", "rust", "sort", "topweek"), ToolException.http(400,
                "Query deserialize error: unknown variant `topweek`, expected one of `Active`, `Hot`, `New`, `TopDay`, `TopWeek`", "h"));
        assertThat(variant.strategy()).isEqualTo(new Strategy.FixArgument("sort", Transform.MATCH_CASE, "Active,Hot,New,TopDay,TopWeek"));
        assertThat(Transform.MATCH_CASE.apply("hot", "Active,Hot,New,TopDay,TopWeek")).as("another value of the same parameter").isEqualTo("Hot");

        Lesson date = reflect(Map.of("q", "x", "since", "24.12.2026"), ToolException.http(400, "{\"since\":[\"Enter a valid date.\"]}", "h"));
        assertThat(date.strategy()).isEqualTo(new Strategy.FixArgument("since", Transform.DATE_FORMAT, "yyyy-MM-dd"));
        Lesson alreadyIso = reflect(Map.of("q", "x", "since", "2026-12-24"), ToolException.http(400, "{\"error\":\"invalid date\"}", "h"));
        assertThat(alreadyIso.strategy()).as("an ISO date said to be invalid needs a format the server did not name")
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_date_format_without_a_parameter_fixes_the_one_argument_written_as_a_date_in_another_format() {
        String body = "{\"success\":false,\"status_code\":23,\"status_message\":\"Invalid date: Format needs to be YYYY-MM-DD.\"}";
        Lesson lesson = reflect(Map.of("sort_by", "primary_release_date.asc", "primary_release_date.gte", "11/27/2026", "page", 1),
                ToolException.http(400, body, "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.FixArgument("primary_release_date.gte", Transform.DATE_FORMAT, "yyyy-MM-dd"));
        // two arguments written as dates: neither is guessed
        Lesson two = reflect(Map.of("from", "11/01/2026", "to", "11/27/2026"), ToolException.http(400, body, "h"));
        assertThat(two.strategy()).isEqualTo(new Strategy.Advice());
    }

    @Test
    void a_go_server_asking_to_try_again_later_is_transient_whatever_its_4xx() {
        Lesson lesson = reflect(Map.of("index", 57), ToolException.http(405, "{\"message\":\"Please try again later\"}", "h"));
        assertThat(lesson.strategy()).isInstanceOf(Strategy.RetryWithBackoff.class);
    }

    @Test
    void when_replacing_one_of_two_credentials_did_not_help_the_other_is_replaced_next() {
        RuleBasedReflector twoCredentials = RuleBasedReflector.builder().credential("password", "vault.password").credential("token", "vault.token").build();
        ToolCall call = ToolCall.of("create_user", Map.of("username", "user1", "password", "user11234", "token", "expired-token-3f9c2a7e5b1d"));
        Failure failure = Failure.of(call, ToolException.http(401, "{\"message\":\"user does not exist [uid: 0, name: , keyid: 0]\"}", "h"));
        Lesson first = twoCredentials.reflect(failure, new ReflectionContext(List.of("username", "password", "token"), List.of(), NOW)).orElseThrow();
        String other = ((Strategy.ReplaceParam) first.strategy()).parameter().equals("password") ? "token" : "password";

        Lesson next = twoCredentials.reflect(failure, new ReflectionContext(List.of("username", "password", "token"), List.of(), NOW, List.of(),
                first, "the call failed again")).orElseThrow();

        assertThat(next.strategy()).isEqualTo(new Strategy.ReplaceParam(other, "vault." + other));
    }

    @Test
    void a_credential_argument_a_bad_request_names_as_invalid_is_replaced_but_only_that_one() {
        RuleBasedReflector configured = RuleBasedReflector.builder().credential("trigger_token", "vault.trigger_token").build();
        ToolCall call = ToolCall.of("invoke_trigger", Map.of("trigger_token", "bktr_8uX2kQ7mZp4rT9vW1y", "event", "deploy"));
        ReflectionContext context = new ReflectionContext(List.of("trigger_token", "event"), List.of(), NOW);
        Failure invalid = Failure.of(call, ToolException.http(400, "{ \"message\": \"Invalid pipeline trigger token\" }", "webhook.buildkite.com"));
        assertThat(configured.reflect(invalid, context).orElseThrow().strategy())
                .isEqualTo(new Strategy.ReplaceParam("trigger_token", "vault.trigger_token"));
        // a bad request that names the token without rejecting it, or rejects another value, is no credential's fault
        Failure other = Failure.of(call, ToolException.http(400, "{\"message\":\"Invalid event for this trigger token\"}", "webhook.buildkite.com"));
        assertThat(configured.reflect(other, context).map(Lesson::strategy).orElseThrow()).isNotInstanceOf(Strategy.ReplaceParam.class);
        assertThat(configured.reflect(invalid, context).orElseThrow().title()).startsWith("Replace the rejected trigger_token");
        // a token or key of data, rejected in the same words, is not the credential of the same name
        for (String data : List.of("Invalid page token", "Invalid continuation token", "Invalid event for trigger token")) {
            RuleBasedReflector token = RuleBasedReflector.builder().credential("token", "vault.token").credential("trigger_token", "vault.trigger_token").build();
            ToolCall withToken = ToolCall.of("list_builds", Map.of("token", "bktr_8uX2kQ7mZp4rT9vW1y", "trigger_token", "bktr_1aB2cD3eF4gH5iJ6kL"));
            Failure failure = Failure.of(withToken, ToolException.http(400, "{\"message\":\"" + data + "\"}", "api.buildkite.com"));
            assertThat(token.reflect(failure, new ReflectionContext(List.of("token", "trigger_token"), List.of(), NOW)).map(Lesson::strategy))
                    .as(data).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        }
        // Brave Search's 422 says the credential argument, by its name, is invalid; a subscription of data said to be invalid is not it
        RuleBasedReflector brave = RuleBasedReflector.builder().credential("subscription_token", "vault.subscription_token").build();
        ToolCall search = ToolCall.of("brave_video_search", Map.of("q", "jazz", "subscription_token", "BSAq7Lm2Xv9Rk4Tz8Wn1Pc6Hd3Jf5Gs0"));
        ReflectionContext searchContext = new ReflectionContext(List.of("q", "subscription_token"), List.of(), NOW);
        assertThat(brave.reflect(Failure.of(search, ToolException.http(422, "{\"type\": \"ErrorResponse\", \"errors\": [{\"code\": "
                + "\"SUBSCRIPTION_TOKEN_INVALID\", \"detail\": \"The provided subscription token is invalid.\", \"status\": 422}]}", "api.search.brave.com")),
                searchContext).map(Lesson::strategy)).contains(new Strategy.ReplaceParam("subscription_token", "vault.subscription_token"));
        assertThat(brave.reflect(Failure.of(search, ToolException.http(422, "{\"message\": \"The subscription plan is invalid for this token\"}",
                "api.search.brave.com")), searchContext).map(Lesson::strategy)).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        for (String notRejected : List.of("The subscription token has invalid format", "subscription token is invalid: must be 32 characters",
                "The provided subscription token is invalid for this plan.")) {
            assertThat(brave.reflect(Failure.of(search, ToolException.http(422, "{\"message\": \"" + notRejected + "\"}", "api.search.brave.com")),
                    searchContext).map(Lesson::strategy)).as(notRejected).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        }
        RuleBasedReflector plainToken = RuleBasedReflector.builder().credential("token", "vault.token").build();
        ToolCall paged = ToolCall.of("list_files", Map.of("token", "ghp_R8xT2mQ9vL4kZ7wN3pJ6yH1cF5bD0aS2eG8u", "page", "CgAQ"));
        for (String ofData : List.of("The page token is invalid.", "Pagination token is invalid", "Invitation token has expired", "Verification token is invalid")) {
            assertThat(plainToken.reflect(Failure.of(paged, ToolException.http(422, "{\"message\": \"" + ofData + "\"}", "api.example.com")),
                    new ReflectionContext(List.of("token", "page"), List.of(), NOW)).map(Lesson::strategy)).as(ofData).get()
                    .isNotInstanceOf(Strategy.ReplaceParam.class);
        }
        // SignalWire's 422 names the field that holds the credential and says it expired; the same words of another field are not its fault
        RuleBasedReflector refresh = RuleBasedReflector.builder().credential("refresh_token", "vault.refresh_token").build();
        ToolCall refreshCall = ToolCall.of("refresh_subscriber_token", Map.of("refresh_token", "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDB9.c2ln", "ttl", "60"));
        ReflectionContext refreshContext = new ReflectionContext(List.of("refresh_token", "ttl"), List.of(), NOW);
        String expired = "{\"statusCode\": 422, \"errors\": [{\"code\": \"token_expired\", \"message\": \"Token has expired.\", \"attribute\": \"%s\"}]}";
        assertThat(refresh.reflect(Failure.of(refreshCall, ToolException.http(422, expired.formatted("refresh_token"), "space.signalwire.com")), refreshContext)
                .map(Lesson::strategy)).contains(new Strategy.ReplaceParam("refresh_token", "vault.refresh_token"));
        assertThat(refresh.reflect(Failure.of(refreshCall, ToolException.http(422, expired.formatted("ttl"), "space.signalwire.com")), refreshContext)
                .map(Lesson::strategy)).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        String tooShort = "{\"errors\": [{\"message\": \"must be at least 64 characters\", \"attribute\": \"refresh_token\"}]}";
        assertThat(refresh.reflect(Failure.of(refreshCall, ToolException.http(422, tooShort, "space.signalwire.com")), refreshContext)
                .map(Lesson::strategy)).as("a credential's field refused for its shape, not rejected").get().isNotInstanceOf(Strategy.ReplaceParam.class);
        for (String shapeOrOther : List.of(
                "{\"message\": \"The given data was invalid.\", \"errors\": {\"refresh_token\": [\"The refresh token must be 40 characters.\"]}}",
                "{\"errors\": [{\"attribute\": \"refresh_token\", \"message\": \"contains invalid characters\"}]}",
                "{\"errors\": [{\"attribute\": \"refresh_token\", \"message\": \"Invalid JWT format: not enough segments\"}]}",
                "{\"errors\": [{\"field\": \"refresh_token\", \"message\": \"is too short\"}, {\"field\": \"ttl\", \"message\": \"is invalid\"}]}",
                "{\"errors\": [{\"attribute\": \"refresh_token\", \"message\": \"Format invalid\"}]}",
                "{\"errors\": {\"refresh_token\": [\"encoding is invalid\"]}}",
                "{\"errors\": [{\"param\": \"refresh_token\", \"message\": \"Signature algorithm not valid\"}]}")) {
            assertThat(refresh.reflect(Failure.of(refreshCall, ToolException.http(422, shapeOrOther, "space.signalwire.com")), refreshContext)
                    .map(Lesson::strategy)).as(shapeOrOther).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        }
        RuleBasedReflector key = RuleBasedReflector.builder().credential("key", "vault.key").build();
        Failure idempotency = Failure.of(ToolCall.of("create_charge", Map.of("key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc")),
                ToolException.http(400, "{\"message\":\"Invalid idempotency key\"}", "api.example.com"));
        assertThat(key.reflect(idempotency, new ReflectionContext(List.of("key"), List.of(), NOW)).map(Lesson::strategy))
                .get().isNotInstanceOf(Strategy.ReplaceParam.class);
    }

    @Test
    void a_credential_parameter_not_named_as_one_is_refused_at_configuration_with_what_to_do() {
        // the Subsonic API's password travels as 'p': configured under that name, it would not be redacted, and no lesson could take it
        assertThatThrownBy(() -> RuleBasedReflector.builder().credential("p", "vault.subsonic.password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p' does not")
                .hasMessageContaining("like 'password'");
        assertThatThrownBy(() -> RuleBasedReflector.builder().scopedCredential("city", "vault.city")).hasMessageContaining("'city' does not");
        RuleBasedReflector matomo = RuleBasedReflector.builder().credential("token_auth", "vault.matomo").build();
        Failure rejected = Failure.of(ToolCall.of("matomo_visits", Map.of("token_auth", "c4ca4238a0b923820dcc509a6f75849b", "idSite", 1)),
                ToolException.http(401, "{\"result\":\"error\",\"message\":\"token_auth is invalid\"}", "analytics.example.org"));
        assertThat(rejected.arguments()).containsEntry("token_auth", "[REDACTED:argument]");
        assertThat(matomo.reflect(rejected, new ReflectionContext(List.of("token_auth", "idSite"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.ReplaceParam("token_auth", "vault.matomo"));
    }

    @Test
    void a_password_refused_as_the_caller_authenticates_is_replaced_but_a_proxied_one_is_not() {
        RuleBasedReflector configured = RuleBasedReflector.builder().credential("password", "vault.password").build();
        ToolCall call = ToolCall.of("clickhouse_query", Map.of("user", "default", "password", "", "query", "SELECT 1"));
        ReflectionContext context = new ReflectionContext(List.of("user", "password", "query"), List.of(), NOW);
        Failure refused = Failure.of(call, ToolException.http(403, "Code: 516. DB::Exception: default: Authentication failed: password is "
                + "incorrect or there is no user with such name. (AUTHENTICATION_FAILED)", "clickhouse.example.net"));
        assertThat(configured.reflect(refused, context).orElseThrow().strategy()).isEqualTo(new Strategy.ReplaceParam("password", "vault.password"));
        Failure proxied = Failure.of(call, ToolException.http(403, "{\"message\":\"password authentication failed for user grafana\"}", "grafana.example.net"));
        assertThat(configured.reflect(proxied, context).map(Lesson::strategy)).get().isNotInstanceOf(Strategy.ReplaceParam.class);
    }

    @Test
    void an_expired_jwt_is_a_credential_to_replace_from_its_source() {
        ToolCall call = ToolCall.of("todos", Map.of("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYSJ9.c2lnbmF0dXJl"));
        Failure expired = Failure.of(call, ToolException.http(401, "{\"code\":\"PGRST303\",\"message\":\"JWT expired\"}", "h"));
        // a JWT is a credential: it gets a fingerprint, and so a lesson keyed on the rejected one
        assertThat(expired.fingerprints()).containsKey("jwt");
        RuleBasedReflector configured = RuleBasedReflector.builder().credential("jwt", "vault.jwt").build();
        assertThat(configured.reflect(expired, new ReflectionContext(List.of("jwt"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.ReplaceParam("jwt", "vault.jwt"));
    }

    @Test
    void anything_else_should_become_advice() {
        Lesson lesson = reflect(Map.of("q", "x"), new IllegalStateException("the flux capacitor is cold"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.Advice());
        assertThat(lesson.trigger().errorKind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(lesson.trigger().signature()).isEqualTo("the flux capacitor is cold");
    }

    @Test
    void custom_rules_should_run_first() {
        RuleBasedReflector custom = RuleBasedReflector.builder()
                .rule((f, c) -> java.util.Optional.of(new LessonDraft("Custom", "", "Do the custom thing.", new Strategy.Advice(), List.of(), null)))
                .build();
        Failure failure = Failure.of(ToolCall.of("api", Map.of()), ToolException.http(401, "expired", "h"));
        assertThat(custom.reflect(failure, new ReflectionContext(List.of(), List.of(), NOW)).orElseThrow().title()).isEqualTo("Custom");
    }

    @Test
    void a_ceiling_on_the_items_a_page_holds_caps_the_one_count_above_it() {
        String crates = "{\"errors\":[{\"detail\":\"cannot request more than 100 items\"}]}";
        assertThat(reflect(Map.of("q", "http client", "per_page", 250), ToolException.http(400, crates, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("per_page", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("per_page", 250, "page_count", 300), ToolException.http(400, crates, "h")).strategy())
                .as("two counts above it: which one is a guess").isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_path_whose_version_the_server_rejects_moves_to_the_minimum_it_names_on_the_same_host() {
        String path = "/api/30/job/5fa3b4c2-8e1d-4b7a-9c60-2d7e1f0a3b94/forecast/with/a/path/long/enough/to/overflow/a/title";
        String body = "{\"error\": true, \"errorCode\": \"api.error.api-version.unsupported\", \"message\": \"Unsupported API Version \\\"30\\\". "
                + "API Request: " + path + ". Reason: Minimum supported version: 31\"}";
        Lesson lesson = reflect(Map.of("endpoint_path", path, "job", "nightly"), ToolException.http(400, body, "rundeck.example.org"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.UseAlternative("", "endpoint_path", path.replace("/30/", "/31/")));
        assertThat(lesson.title()).hasSizeLessThanOrEqualTo(Lesson.MAX_TITLE).endsWith("…");
        assertThat(lesson.trigger().conditions()).singleElement().extracting(ArgumentCondition::parameter).isEqualTo("endpoint_path");
    }

    @Test
    void a_request_echoed_in_the_message_does_not_make_every_parameter_the_one_rejected() {
        String usgs = """
                Error 400: Bad Request

                Bad limit value "50000". Valid values are 0 <= limit <= 20000

                Request:
                /fdsnws/event/1/query?format=geojson&amp;starttime=2024-01-01&amp;minmagnitude=2.5&amp;limit=50000

                Request Submitted:
                2026-07-26T10:06:54+00:00
                """;
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("format", "geojson");
        args.put("starttime", "2024-01-01");
        args.put("minmagnitude", 2.5);
        args.put("limit", 50000);
        assertThat(reflect(args, ToolException.response(400, Map.of("Content-Type", List.of("text/plain")), usgs, "earthquake.usgs.gov")).strategy())
                .isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "20000"));
        // a number is never rewritten as a date, whatever date the message prints
        assertThat(reflect(Map.of("minmagnitude", 2.5), ToolException.http(400, "Bad minmagnitude value. Submitted 2026-07-26T10:06:54+00:00", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_wait_the_message_states_sets_the_backoff_and_a_wait_past_a_minute_is_not_retried() {
        Failure soon = Failure.of(ToolCall.of("api", Map.of("q", "x")), ToolException.http(429, "Too many requests, please try again in 2 seconds", "h"));
        assertThat(soon.retryAfterHint()).contains(Duration.ofSeconds(2));
        assertThat(reflect(Map.of("q", "x"), ToolException.http(429, "Too many requests, please try again in 2 seconds", "h")).strategy())
                .isEqualTo(new Strategy.RetryWithBackoff(3, Duration.ofSeconds(2), 2.0));
        assertThat(reflect(Map.of("q", "x"), ToolException.http(429, "too many requests from this IP, more requests available in 17524 seconds", "h"))
                .strategy()).isNotInstanceOf(Strategy.RetryWithBackoff.class);
        assertThat(Failure.of(ToolCall.of("api", Map.of()), ToolException.http(429, "Please retry in 36.5s.", "h")).retryAfterHint())
                .contains(Duration.ofMillis(36_500));
        assertThat(Failure.of(ToolCall.of("api", Map.of()), ToolException.http(400, "in 30 seconds the job starts", "h")).retryAfterHint()).isEmpty();
    }

    @Test
    void what_is_not_a_date_is_never_rewritten_as_one_and_a_ceiling_on_items_caps_only_a_page_size() {
        String submitted = "Bad limit value \"100000\". Valid values are 0 <= limit <= 20000. Submitted 2026-07-26T10:06:54+00:00";
        assertThat(reflect(Map.of("limit", 100000), ToolException.http(400, submitted, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "20000"));
        assertThat(reflect(Map.of("job_id", "5fa3b4c2-8e1d-4b7a-9c60-2d7e1f0a3b94"),
                ToolException.http(400, "Invalid job_id 5fa3b4c2-8e1d-4b7a-9c60-2d7e1f0a3b94 (request at 2026-07-26T10:06:54Z)", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("format", "decimal"), ToolException.http(400, "Invalid format 'decimal'. Generated 2026-07-26", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("list", "inbox", "batch_timeout", 30000), ToolException.http(400, "A batch cannot contain more than 1000 entries", "h"))
                .strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("q", "x", "retention", 365), ToolException.http(400, "You cannot add more than 100 items to a list", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_bare_version_the_server_no_longer_supports_moves_to_the_one_it_names_but_only_in_a_version_parameter() {
        String ngrok = "{\"error_code\":\"ERR_NGROK_217\",\"status_code\":400,\"msg\":\"The provided API version 1 is invalid or unsupported. "
                + "Supported versions: 2. Check your API client implementation.\",\"details\":{\"operation_id\":\"op_2Vd7KqC1mZr0yT\"}}";
        assertThat(reflect(Map.of("ngrok_version", 1, "page", "1"), ToolException.http(400, ngrok, "api.ngrok.com")).strategy())
                .isEqualTo(new Strategy.UseAlternative("", "ngrok_version", "2"));
        assertThat(reflect(Map.of("page", "1"), ToolException.http(400, ngrok, "api.ngrok.com")).strategy()).isNotInstanceOf(Strategy.UseAlternative.class);

        // no version at all: the one version the server supports is passed in the header the message names
        String missing = "{\"error_code\":\"ERR_NGROK_218\",\"status_code\":400,\"msg\":\"Your request has not specified an API version. Please include "
                + "the version you wish to use in the Ngrok-Version header. Supported versions: 2.\",\"details\":{\"operation_id\":\"op_2RfSBcv0\"}}";
        assertThat(rules.reflect(Failure.of(ToolCall.of("ngrok", Map.of("page", "1")), ToolException.http(400, missing, "api.ngrok.com")),
                new ReflectionContext(List.of("page", "ngrok_version"), List.of(), NOW)).orElseThrow().strategy())
                .isEqualTo(new Strategy.FixArgument("ngrok_version", Transform.DEFAULT_IF_MISSING, "2"));
        // several supported versions, dotted or not, or a parameter not named for a version: none is chosen for the caller
        for (String versions : List.of("versions: 2, 3.", "versions: 2.0, 2.1.", "versions: 2.1, 3.", "versions: v1.2 and v1.3.")) {
            assertThat(rules.reflect(Failure.of(ToolCall.of("ngrok", Map.of("page", "1")), ToolException.http(400, missing.replace("versions: 2.", versions),
                    "api.ngrok.com")), new ReflectionContext(List.of("page", "ngrok_version"), List.of(), NOW)).orElseThrow().strategy())
                    .as(versions).isNotInstanceOf(Strategy.FixArgument.class);
        }
        assertThat(rules.reflect(Failure.of(ToolCall.of("ngrok", Map.of("page", "1")), ToolException.http(400, missing.replace("Ngrok-Version header", "request"),
                "api.ngrok.com")), new ReflectionContext(List.of("page", "region"), List.of(), NOW)).orElseThrow().strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_media_type_the_server_does_not_take_becomes_the_one_it_names_but_only_in_a_media_type_parameter_and_only_if_it_names_one() {
        String bandwidth = "{\"type\":\"unsupported-content-type\",\"description\":\"Content type 'text/plain;charset=UTF-8' not supported. "
                + "Please use 'application/json'\"}";
        assertThat(reflect(Map.of("contentType", "text/plain;charset=UTF-8", "text", "hi"), ToolException.http(415, bandwidth, "messaging.bandwidth.com"))
                .strategy()).isEqualTo(new Strategy.UseAlternative("", "contentType", "application/json"));
        assertThat(reflect(Map.of("contentType", "text/plain"), ToolException.http(415, "{\"message\":\"Content-Type must be application/json.\"}",
                "numbers.bandwidth.com")).strategy()).isEqualTo(new Strategy.UseAlternative("", "contentType", "application/json"));
        assertThat(reflect(Map.of("contentType", "text/plain;charset=UTF-8"), ToolException.http(415,
                bandwidth.replace("'application/json'", "'application/json' or 'application/xml'"), "messaging.bandwidth.com")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
        assertThat(reflect(Map.of("format", "text/plain"), ToolException.http(415, "{\"message\":\"format must be application/json.\"}",
                "numbers.bandwidth.com")).strategy()).isNotInstanceOf(Strategy.UseAlternative.class);
    }

    @Test
    void a_dated_version_below_the_minimum_moves_to_the_minimum_but_a_date_that_is_no_version_stays() {
        String gusto = "{\"name\":\"Invalid X-Gusto-API-Version Header\",\"message\":\"Invalid API Version `2022-09-15`. Version must be >= "
                + "your application's minimum API version `2022-11-01` and not in the future.\"}";
        assertThat(reflect(Map.of("xGustoApiVersion", "2022-09-15"), ToolException.http(406, gusto, "api.gusto.com")).strategy())
                .isEqualTo(new Strategy.UseAlternative("", "xGustoApiVersion", "2022-11-01"));
        assertThat(reflect(Map.of("since", "2022-09-15"), ToolException.http(406, gusto.replace("API Version `2022-09-15`", "API Version"),
                "api.gusto.com")).strategy()).isNotInstanceOf(Strategy.UseAlternative.class);
    }

    @Test
    void a_time_not_in_utc_is_written_in_utc_in_its_own_form_but_only_when_the_message_quotes_it() {
        String spApi = "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"ISO8601 time 2021-01-01T10:00:00.000+05:30 is not in UTC.\",\"details\":\"\"}]}";
        Strategy strategy = reflect(Map.of("startTime", "2021-01-01T10:00:00.000+05:30"), ToolException.http(422, spApi, "sellingpartnerapi-na.amazon.com"))
                .strategy();
        assertThat(strategy).isEqualTo(new Strategy.FixArgument("startTime", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"));
        assertThat(((Strategy.FixArgument) strategy).transform().apply("2021-01-01T10:00:00.000+05:30", ((Strategy.FixArgument) strategy).operand()))
                .isEqualTo("2021-01-01T04:30:00.000Z");
        // a server that will not take "+00:00" for UTC takes "Z"; a message that asks for no UTC gets no such lesson
        assertThat(reflect(Map.of("startTime", "2021-01-01T10:00:00+00:00"), ToolException.http(422, spApi.replace("10:00:00.000+05:30", "10:00:00+00:00"),
                "sellingpartnerapi-na.amazon.com")).strategy()).isEqualTo(new Strategy.FixArgument("startTime", Strategy.Transform.DATE_FORMAT,
                "yyyy-MM-dd'T'HH:mm:ss'Z'"));
        assertThat(ServerHints.datePattern("startTime 2021-01-01T10:00:00+05:30 is in the past", "2021-01-01T10:00:00+05:30")).isEmpty();
        // a time-zone setting that must be UTC is another argument's fault, and a format the server names comes first
        assertThat(ServerHints.datePattern("timezone must be UTC", "2021-01-01T10:00:00+05:30")).isEmpty();
        assertThat(ServerHints.datePattern("Dates must be in UTC, format yyyy-MM-dd HH:mm:ss; got 2021-01-01T10:00:00+05:30", "2021-01-01T10:00:00+05:30"))
                .contains("yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void a_path_version_is_read_when_another_hint_in_the_message_leads_nowhere() {
        String body = "Unsupported API Version \"32\". API Request: /api/32/project/ops/webhooks. Reason: Minimum supported version: 33."
                + " See https://docs.rundeck.com/docs/api/";
        assertThat(reflect(Map.of("endpoint_path", "/api/32/project/ops/webhooks"), ToolException.http(400, body, "rundeck.example.org")).strategy())
                .isEqualTo(new Strategy.UseAlternative("", "endpoint_path", "/api/33/project/ops/webhooks"));
    }

    @Test
    void a_wait_is_read_from_words_only_for_a_transient_failure_and_a_retry_phrase_comes_first() {
        assertThat(Failure.of(ToolCall.of("api", Map.of()), ToolException.http(429,
                "Too many requests; if this persists wait for 2 hours then contact support. Try again in 1 second", "h")).retryAfterHint())
                .contains(Duration.ofSeconds(1));
        assertThat(Failure.of(ToolCall.of("api", Map.of()), ToolException.http(429, "Slow down. Please wait 30 seconds", "h")).retryAfterHint())
                .contains(Duration.ofSeconds(30));
        assertThat(Failure.of(ToolCall.of("api", Map.of()), ToolException.http(400, "The report will be available in 3 hours", "h")).retryAfterHint())
                .isEmpty();
    }

    @Test
    void a_constant_in_title_or_upper_case_refused_as_written_is_lower_cased_and_a_name_or_a_code_is_not() {
        Strategy lower = new Strategy.FixArgument("status", Transform.LOWERCASE, "");
        assertThat(reflect(Map.of("status", "Active"), ToolException.http(400, "{\"status\":[\"Active is not a valid choice.\"]}", "h")).strategy())
                .isEqualTo(lower);
        assertThat(reflect(Map.of("statusType", "Offline", "name", "Gone for the day"), ToolException.http(400,
                "{\"success\":false,\"error\":\"Offline is not a valid status type [error-input-is-not-a-valid-field]\"}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("statusType", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("format", "HTML", "rid", "iu7jtPAhvEeAS5tNq"),
                ToolException.http(400, "{\"success\":false,\"error\":\"[error-invalid-format]\",\"errorType\":\"error-invalid-format\"}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("format", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("account_type", "CURRENT_ACCOUNT"), ToolException.http(400, "The selected account type is invalid.", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("account_type", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("dateFilter", "Month"), ToolException.http(400, "dateFilter: Invalid input", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("dateFilter", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("data_type", "String"), ToolException.http(400, "Data Type isn't an option", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("data_type", Transform.LOWERCASE, ""));
        // Tiendanube's product attributes, as Google's merchant feeds write them, behind a status phrase
        assertThat(reflect(Map.of("gender", "Unisex", "price", "19.00"), ToolException.http(422,
                "{\"code\": 422, \"message\": \"Unprocessable Entity\", \"description\": \"The selected gender is invalid\"}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("gender", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("age_group", "Adult"), ToolException.http(422, "The selected age group is invalid", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("age_group", Transform.LOWERCASE, ""));
        for (String group : List.of("stage_group", "storage_group", "packageGroup")) {
            assertThat(reflect(Map.of(group, "Finals"), ToolException.http(422, "The selected " + group + " is invalid", "h")).strategy()).as(group)
                    .isNotEqualTo(new Strategy.FixArgument(group, Transform.LOWERCASE, ""));
        }
        // Misskey's Ajv enum error names the field in its schema path; another field's, or another rule's, is not this one's
        String misskey = "{\"error\": {\"message\": \"Invalid param.\", \"code\": \"INVALID_PARAM\", \"info\": {\"param\": \"#/properties/%s/%s\", "
                + "\"reason\": \"%s\"}}}";
        assertThat(reflect(Map.of("origin", "Local", "limit", 30), ToolException.http(400,
                misskey.formatted("origin", "enum", "must be equal to one of the allowed values"), "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("origin", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("origin", "Local", "sort", "Name"), ToolException.http(400,
                misskey.formatted("sort", "enum", "must be equal to one of the allowed values"), "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("origin", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("origin", "Local"), ToolException.http(400,
                misskey.formatted("origin", "maxLength", "must NOT have more than 3 characters"), "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("origin", Transform.LOWERCASE, ""));
        // an enum error that lists its values is read by them; one of several joined errors names another field
        assertThat(reflect(Map.of("order", "Desc"), ToolException.http(400, "{\"errors\":[{\"field\":\"order\",\"message\":\"must be equal to one of "
                + "the allowed values\",\"params\":{\"allowedValues\":[\"ASC\",\"DESC\"]}}]}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("order", Transform.UPPERCASE, ""));
        assertThat(reflect(Map.of("type", "Renote", "format", "json"), ToolException.http(400, "{\"errors\":[{\"field\":\"type\",\"message\":\"must NOT "
                + "have more than 5 characters\"},{\"field\":\"format\",\"message\":\"must be equal to one of the allowed values\"}]}", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("type", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("origin", "LOCAL"), ToolException.http(400,
                misskey.formatted("origin", "enum", "must be equal to one of the allowed values"), "h")).strategy())
                .as("an upper-case constant refused in a long message keeps its case").isNotEqualTo(new Strategy.FixArgument("origin", Transform.LOWERCASE, ""));
        // an HTTP method is written in upper case
        assertThat(reflect(Map.of("methods", "post"), ToolException.http(400, "json validation error: methods has unexpected value", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("methods", Transform.UPPERCASE, ""));
        assertThat(reflect(Map.of("method", "cash"), ToolException.http(400, "method has unexpected value", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("method", Transform.UPPERCASE, ""));
        assertThat(reflect(Map.of("delivery_method", "post"), ToolException.http(400, "delivery_method is invalid for this country", "h")).strategy())
                .as("the post, not an HTTP method").isNotEqualTo(new Strategy.FixArgument("delivery_method", Transform.UPPERCASE, ""));
        // a name of a thing or a person keeps its case, and so does a code written in upper case
        assertThat(reflect(Map.of("project", "Marketing"), ToolException.http(400, "Marketing is not a valid project", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("project", Transform.LOWERCASE, ""));
        assertThat(reflect(Map.of("currency", "USD"), ToolException.http(400, "Invalid currency", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("currency", Transform.LOWERCASE, ""));
        // ids, names, FHIR resource types, enums refused for another reason or listed in their own case keep their case
        Map<Map<String, ?>, String> kept = new java.util.LinkedHashMap<>();
        kept.put(Map.of("coupon", "SUMMER"), "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such coupon: 'SUMMER'\",\"param\":\"coupon\"}}");
        kept.put(Map.of("resourceType", "Observation"), "Invalid resource type: Observation");
        kept.put(Map.of("_type", "Observation"), "Unknown resource type: Observation");
        kept.put(Map.of("view", "BASIC"), "Invalid value at 'view' (type.googleapis.com/ExecutionView), \"BASIC\"");
        kept.put(Map.of("type", "Organisation"), "Invalid type, expected one of: Person, Organization");
        kept.put(Map.of("status", "Done"), "Invalid status transition: Done is not allowed from Open");
        kept.put(Map.of("side", "Buy"), "{\"code\":-1117,\"msg\":\"Invalid side.\"}");
        kept.put(Map.of("messenger", "Email"), "{\"message\":\"Unknown messenger Email.\"}");
        kept.put(Map.of("group", "Admins"), "The selected group is invalid");
        kept.put(Map.of("user_group", "Editors"), "The selected user group is invalid");
        // 1M is a month and 1m a minute: a value with digits keeps its case
        kept.put(Map.of("interval", "1H"), "{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        // upper-case constants refused in a long message, or refused for a reason the message gives, and title-case ones too
        kept.put(Map.of("sortOrder", "LAST_MODIFIED_ASC"), "Invalid value at 'sort_order' (type.googleapis.com/google.example.SortOrder), \"LAST_MODIFIED_ASC\"");
        kept.put(Map.of("BillingMode", "PAY_PER_REQUEST"), "One or more parameter values were invalid: ProvisionedThroughput should not be specified "
                + "for index: byCustomer when BillingMode is PAY_PER_REQUEST");
        kept.put(Map.of("level", "Information"), "Invalid level Information: the minimum level for this sink is Warning");
        kept.put(Map.of("sort", "Name"), "Invalid sort: Name cannot be combined with a cursor");
        kept.put(Map.of("status", "Active"), "Status Active is invalid for a campaign whose end date has passed");
        kept.forEach((args, body) -> assertThat(reflect(args, ToolException.http(400, body, "h")).strategy()).as(body)
                .isNotEqualTo(new Strategy.FixArgument(args.keySet().iterator().next(), Transform.LOWERCASE, "")));
        // a value the message names in a sentence that refuses something else, or a value in lower case, is not the one refused
        assertThat(reflect(Map.of("status", "Active", "colour", "teal"), ToolException.http(400, "Status Active was kept. The colour field is invalid", "h")).strategy())
                .isNotEqualTo(lower);
        assertThat(reflect(Map.of("status", "active"), ToolException.http(400, "active is not a valid choice.", "h")).strategy())
                .isNotEqualTo(lower);
    }

    @Test
    void a_page_size_refused_without_a_bound_is_capped_at_the_common_one_and_nothing_else_is() {
        Strategy common = new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100");
        String paging = "{\"request_id\":\"0HL80RJLS76I7\",\"error_type\":\"request_invalid\",\"error_codes\":[\"paging_limit_invalid\"]}";
        assertThat(reflect(Map.of("limit", 500, "skip", 0), ToolException.http(422, paging, "h")).strategy()).isEqualTo(common);
        assertThat(reflect(Map.of("limit", 500), ToolException.http(400, "The limit parameter is too big", "h")).strategy()).isEqualTo(common);
        // a bound the server names wins; a size at or under the common one, or a count that is no page size, is not guessed at
        assertThat(reflect(Map.of("limit", 500), ToolException.http(400, "Invalid limit: at most 250", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "250"));
        assertThat(reflect(Map.of("limit", 80), ToolException.http(400, "Invalid limit", "h")).strategy()).isNotEqualTo(common);
        assertThat(reflect(Map.of("offset", 500), ToolException.http(400, "Invalid offset", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("limit", 500), ToolException.http(400, "The request is invalid", "h")).strategy()).isNotEqualTo(common);
        assertThat(reflect(Map.of("page_size", 500), ToolException.http(400, "page_size: Value exceeds max value.", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("page_size", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("limit", 5000), ToolException.http(400, "You supplied invalid parameters to the request: limit", "h")).strategy())
                .isEqualTo(common);
        // a page refused without a name caps the one page size there is, and guesses nothing among two
        assertThat(reflect(Map.of("n", 5000, "last", "repo-a"), ToolException.http(400, "invalid number of results requested", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("n", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("limit", 500, "per_page", 300), ToolException.http(400, "invalid number of results requested", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        // a quota, an order type, a rule with a number in it, or a word that only begins like a page size is no page size refused
        Map<Map<String, ?>, String> other = new java.util.LinkedHashMap<>();
        other.put(Map.of("top", 500), "Invalid top-level key in request");
        other.put(Map.of("n", 500), "n is too large");
        other.put(Map.of("limit", 500), "Limit exceeded for your plan");
        other.put(Map.of("limit", 500, "price", "x"), "Invalid limit order: price must be set");
        other.put(Map.of("limit", 1000), "Invalid limit: must be a multiple of 50");
        other.put(Map.of("limit", 150), "limit exceeds your remaining credits");
        other.put(Map.of("limit", 500), "Invalid limit. Please upgrade your plan to raise it");
        other.put(Map.of("limit", 1000), "The limit value is invalid (it is above your daily quota)");
        other.forEach((args, message) -> assertThat(reflect(args, ToolException.http(400, message, "h")).strategy()).as(message)
                .isNotInstanceOf(Strategy.FixArgument.class));
    }

    @Test
    void a_feature_refused_as_deprecated_that_can_only_be_used_via_another_path_teaches_that_path() {
        String clerk = "{\"shortMessage\":\"deprecated feature\",\"longMessage\":\"Password is not a valid parameter and can only be updated via "
                + "/v1/me/change_password\",\"code\":\"updating_user_password_deprecated\"}";
        Lesson lesson = reflect(Map.of("endpoint", "/v1/me", "password", "new-staple-battery-42"), ToolException.http(403, clerk, "h"));
        assertThat(lesson.strategy()).isEqualTo(new Strategy.UseAlternative("", "endpoint", "/v1/me/change_password"));
        // only for the calls that send what the message names: reading /v1/me, or updating a name, stays where it is
        assertThat(lesson.trigger().conditions()).contains(ArgumentCondition.present("password"));
        assertThat(lesson.trigger().matchesCall("api", Map.of("endpoint", "/v1/me"))).isFalse();
        assertThat(lesson.trigger().matchesCall("api", Map.of("endpoint", "/v1/me", "first_name", "Ann"))).isFalse();
        assertThat(lesson.trigger().matchesCall("api", Map.of("endpoint", "/v1/me", "password", "another-pass-99"))).isTrue();
        // never a path outside the one called (another user's), nor a version after "via", which may be an older one
        assertThat(reflect(Map.of("endpoint", "/v1/users/user_123", "password", "new-staple-battery-42"), ToolException.http(403, clerk, "h")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
        // nor from a base path, nor for a folder of data, nor because an argument is named like a word of the message
        for (String base : List.of("/", "/v1")) {
            assertThat(reflect(Map.of("endpoint", base, "password", "new-staple-battery-42"), ToolException.http(403, clerk, "h")).strategy())
                    .as(base).isNotInstanceOf(Strategy.UseAlternative.class);
        }
        String upload = "{\"code\":\"uploads_deprecated\",\"longMessage\":\"Files can only be uploaded via /docs/uploads\"}";
        assertThat(reflect(Map.of("folder", "/docs", "files", "a.pdf"), ToolException.http(403, upload, "h")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
        assertThat(reflect(Map.of("endpoint", "/v1/me", "updated", "yes"), ToolException.http(403, clerk, "h")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
        assertThat(reflect(Map.of("endpoint", "/v2/reports", "format", "csv"),
                ToolException.http(403, "Legacy reports are deprecated and can only be accessed via v1", "h")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
        // a path named after a bare "via" may be the old one
        assertThat(reflect(Map.of("endpoint", "/v1/proxy"), ToolException.http(410, "Requests via /v1/proxy are deprecated", "h")).strategy())
                .isNotInstanceOf(Strategy.UseAlternative.class);
    }

    @Test
    void a_server_error_that_lists_the_values_of_an_argument_it_names_fixes_its_case_and_any_other_is_retried() {
        ToolCall call = ToolCall.of("companies_house_search_dissolved", Map.of("q", "northwind", "search_type", "Alphabetical"));
        ReflectionContext context = new ReflectionContext(List.of("q", "search_type"), List.of(), NOW);
        RuleBasedReflector rules = RuleBasedReflector.ofDefaults();
        Failure listed = Failure.of(call, ToolException.http(500,
                "Invalid url parameter for search_type, please try 'alphabetical', 'best-match' or 'previous-name-dissolved'", "api.company-information.service.gov.uk"));
        assertThat(rules.reflect(listed, context).map(Lesson::strategy)).contains(new Strategy.FixArgument("search_type", Transform.LOWERCASE, ""));
        // no values listed, or the argument none of them: a server error, sent again
        for (String other : List.of("Error while processing search_type=Alphabetical, please try again",
                "Invalid url parameter for search_type, please try 'best-match' or 'previous-name-dissolved'")) {
            assertThat(rules.reflect(Failure.of(call, ToolException.http(500, other, "api.company-information.service.gov.uk")), context)
                    .map(Lesson::strategy)).as(other).get().isInstanceOf(Strategy.RetryWithBackoff.class);
        }
    }

    @Test
    void a_parameter_named_in_the_plural_as_the_subject_of_a_rule_is_the_one_meant() {
        assertThat(reflect(Map.of("name", "Acme Labs", "handle", "AcmeLabs"), ToolException.http(400, "\"Handles must be lowercase\"", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("handle", Transform.LOWERCASE, ""));
        // the same body as a plain tool's IOException holds it
        Failure plain = Failure.of(ToolCall.of("api", Map.of("name", "Acme Labs", "handle", "AcmeLabs")),
                new java.io.IOException("create_organization failed: HTTP 400 \"Handles must be lowercase\""));
        assertThat(rules.reflect(plain, new ReflectionContext(List.of("name", "handle"), List.of(), NOW)).map(Lesson::strategy))
                .contains(new Strategy.FixArgument("handle", Transform.LOWERCASE, ""));
        // the plural only mentioned is no rule of the parameter's
        assertThat(reflect(Map.of("name", "Acme Labs", "handle", "AcmeLabs"), ToolException.http(400, "Too many handles in lowercase", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_configured_credential_fills_a_blank_one_the_message_says_is_required_and_nothing_else() {
        RuleBasedReflector configured = RuleBasedReflector.builder().credential("auth_token", "vault.auth_token").build();
        ReflectionContext context = new ReflectionContext(List.of("account_id", "auth_token"), List.of(), NOW);
        String falcon = "{\"title\": \"Missing header value\", \"description\": \"The \\\"X-Auth-Token\\\" header is required.\"}";
        Failure blank = Failure.of(ToolCall.of("balance", Map.of("account_id", "acc_5521", "auth_token", "")), ToolException.http(400, falcon, "h"));
        assertThat(configured.reflect(blank, context).map(Lesson::strategy)).contains(new Strategy.ReplaceParam("auth_token", "vault.auth_token"));
        // another header required, or a token that was sent: not this credential's absence
        Failure other = Failure.of(ToolCall.of("balance", Map.of("account_id", "acc_5521", "auth_token", "")),
                ToolException.http(400, falcon.replace("X-Auth-Token", "X-Request-Id"), "h"));
        assertThat(configured.reflect(other, context).map(Lesson::strategy)).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        Failure sent = Failure.of(ToolCall.of("balance", Map.of("account_id", "acc_5521", "auth_token", "tok_3b9f0c2a7d")),
                ToolException.http(400, falcon, "h"));
        assertThat(configured.reflect(sent, context).map(Lesson::strategy)).get().isNotInstanceOf(Strategy.ReplaceParam.class);
    }

    @Test
    void an_enum_value_the_server_suggests_in_another_case_and_a_value_among_those_it_is_not_fix_the_case() {
        String graphql = "{\"errors\":[{\"message\":\"Value \\\"celsius\\\" does not exist in \\\"TemperatureUnit\\\" enum. "
                + "Did you mean the enum value \\\"CELSIUS\\\"?\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}";
        assertThat(reflect(Map.of("city", "Oslo", "unit", "celsius"), ToolException.http(400, graphql, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("unit", Transform.UPPERCASE, ""));
        // a suggestion that is another value is no case to fix
        assertThat(reflect(Map.of("city", "Oslo", "unit", "celcius"), ToolException.http(400, graphql.replace("celsius", "celcius"), "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("id", "pod_77", "sort", "Desc"), ToolException.http(400, "{\"error\":true,\"reason\":\"sort is not asc or desc\"}", "h"))
                .strategy()).isEqualTo(new Strategy.FixArgument("sort", Transform.LOWERCASE, ""));
    }

    @Test
    void a_time_zone_or_a_locale_refused_as_written_is_written_as_its_standard_spells_it() {
        assertThat(reflect(Map.of("name", "db-dump", "tz", "europe/riga"),
                ToolException.http(400, "{\"error\": \"json validation error: tz is not a valid timezone\"}", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("tz", Transform.MATCH_CASE, "Europe/Riga"));
        String mollie = "{\"status\": 400, \"title\": \"Bad Request\", \"detail\": \"The locale is invalid\", \"field\": \"locale\"}";
        assertThat(reflect(Map.of("locale", "en_us", "amount_value", "10.00"), ToolException.http(400, mollie, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("locale", Transform.MATCH_CASE, "en_US"));
        // Go's time.LoadLocation, as Woodpecker answers it: the value refused as written
        assertThat(reflect(Map.of("name", "nightly", "timezone", "europe/berlin"), ToolException.http(422,
                "Error inserting cron. validate failed: can't parse timezone: unknown time zone europe/berlin", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("timezone", Transform.MATCH_CASE, "Europe/Berlin"));
        // refused for another reason, or another argument refused: its spelling stays
        for (String reason : List.of("unknown time zone asia/kolkata for this account", "unsupported time zone asia/kolkata",
                "Invalid currency for locale en-us", "Invalid local time in asia/kolkata", "error: invalid start time for asia/kolkata",
                "Invalid locale: en-us. Supported locales: en, de, fr", "locale is invalid for this store",
                "The locale en-us is not a valid help center locale", "timezone is invalid: only US time zones are supported")) {
            assertThat(reflect(Map.of("locale", "en-us", "timezone", "asia/kolkata"), ToolException.http(400, reason, "h")).strategy()).as(reason)
                    .isNotInstanceOf(Strategy.FixArgument.class);
        }
        assertThat(reflect(Map.of("locale", "en_us", "amount_value", "10.00"),
                ToolException.http(400, mollie.replace("The locale is invalid", "The locale is not supported for this payment method"), "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
        assertThat(reflect(Map.of("name", "db-dump", "tz", "europe/riga", "grace", 10),
                ToolException.http(400, "{\"error\": \"json validation error: grace is not a valid number\"}", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("tz", Transform.MATCH_CASE, "Europe/Riga"));
    }

    @Test
    void a_bound_is_read_from_the_error_of_its_own_field_and_never_from_a_field_that_is_no_argument() {
        String quarkus = "{\"title\":\"Constraint Violation\",\"status\":400,\"violations\":[{\"field\":\"list.name\",\"message\":\"size must be "
                + "between 0 and 10\"},{\"field\":\"list.limit\",\"message\":\"must be less than or equal to 100\"}]}";
        assertThat(reflect(Map.of("name", "abc", "limit", 500), ToolException.http(400, quarkus, "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("limit", Transform.CLAMP_MAX, "100"));
        String element = "{\"title\":\"Constraint Violation\",\"status\":400,\"violations\":[{\"field\":\"createOrder.order.items[0].quantity\","
                + "\"message\":\"must be less than or equal to 10\"}]}";
        assertThat(reflect(Map.of("quantity", 50, "sku", "A1"), ToolException.http(400, element, "h")).strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        // (also a path that begins with the element, a list body's "[0].quantity")
        String listBody = "{\"errors\":[{\"field\":\"[0].quantity\",\"message\":\"must be less than or equal to 100\"}]}";
        assertThat(reflect(Map.of("quantity", 500, "sku", "W1"), ToolException.http(400, listBody, "h")).strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        // Symfony's NotBlank as API Platform 2 writes it: "This" begins the message and is no value for name
        String hydra = "{\"@type\":\"ConstraintViolationList\",\"hydra:title\":\"An error occurred\",\"hydra:description\":"
                + "\"name: This value should not be blank.\",\"violations\":[{\"propertyPath\":\"name\",\"message\":\"This value should not be blank.\"}]}";
        assertThat(reflect(Map.of("name", "", "sku", "W1"), ToolException.http(422, hydra, "h")).strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        // nor, from the message alone, the field of a list's element for another count (NestJS's, Joi's)
        for (String nest : List.of("{\"statusCode\":400,\"message\":[\"items.0.quantity must not be greater than 10\"],\"error\":\"Bad Request\"}",
                "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"\\\"items[0].quantity\\\" must be less than or equal to 10\"}")) {
            assertThat(reflect(Map.of("items", List.of(Map.of("sku", "A1", "quantity", 50)), "limit", 25), ToolException.http(400, nest, "h")).strategy())
                    .as(nest).isNotInstanceOf(Strategy.FixArgument.class);
        }
        String other = "{\"title\":\"Constraint Violation\",\"status\":400,\"violations\":[{\"field\":\"search.arg0.maxPrice\","
                + "\"message\":\"must be less than or equal to 10\"}]}";
        assertThat(reflect(Map.of("limit", 50, "q", "x"), ToolException.http(400, other, "h")).strategy()).isNotInstanceOf(Strategy.FixArgument.class);
        // the plural of a parameter reads as its name only as the whole subject of a rule of case
        assertThat(reflect(Map.of("page", 150, "limit", 500),
                ToolException.http(400, "Route pages must contain at most 100 routes within the first 10,000.", "h")).strategy())
                .isNotEqualTo(new Strategy.FixArgument("page", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("page", 2, "per_page", 500), ToolException.http(400, "Pages must contain at most 100 items", "h")).strategy())
                .isEqualTo(new Strategy.FixArgument("per_page", Transform.CLAMP_MAX, "100"));
        assertThat(reflect(Map.of("bucket", "photos", "name", "Report.PDF"), ToolException.http(400, "Bucket names must be lowercase", "h")).strategy())
                .isNotInstanceOf(Strategy.FixArgument.class);
    }

    @Test
    void a_blank_credential_is_filled_only_when_the_message_says_that_very_name_is_missing() {
        RuleBasedReflector configured = RuleBasedReflector.builder().credential("token", "vault.token").credential("api_key", "vault.api_key").build();
        ReflectionContext context = new ReflectionContext(List.of("token", "api_key", "q"), List.of(), NOW);
        for (String other : List.of("The \"X-CSRF-Token\" header is required.", "page_token is required when cursor is set",
                "Missing parameter: refresh_token", "device_token is required", "Missing required parameter: next_token",
                "message cannot be empty. see token docs", "api_key_id is required")) {
            Failure f = Failure.of(ToolCall.of("search", Map.of("q", "x", "token", "", "api_key", "")), ToolException.http(400, other, "h"));
            assertThat(configured.reflect(f, context).map(Lesson::strategy)).as(other).get().isNotInstanceOf(Strategy.ReplaceParam.class);
        }
        for (String same : List.of("The \"X-Token\" header is required.", "Missing parameter: token", "token must be provided")) {
            Failure f = Failure.of(ToolCall.of("search", Map.of("q", "x", "token", "")), ToolException.http(400, same, "h"));
            assertThat(configured.reflect(f, context).map(Lesson::strategy)).as(same).contains(new Strategy.ReplaceParam("token", "vault.token"));
        }
    }
}
