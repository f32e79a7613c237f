package dev.reasoningbank.core.reflect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.lesson.Strategy.Transform;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerHintsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "limit must be <= 100 | 100",
        "per_page must be at most 100 | 100",
        "The maximum is 50 | 50",
        "maximum of 250 records per page | 250",
        "page size must not exceed 1000 | 1000",
        "count cannot exceed 200 | 200",
        "limit must be less than 101 | 100",
        "limit must be less than or equal to 100 | 100",
        "limit must be between 1 and 100 | 100",
        "maxResults: value out of range [1, 2500] | 2500",
        "top must be no more than 999 | 999",
        "Requested 5000 exceeds the maximum allowed (1000) | 1000",
        "you can request 100 or fewer items | 100",
        "body failed validation: body.limit should be ≤ `50`, instead was `80`. | 50",
        "'window' contains unexpected value. Cannot be greater than 5000. | 5000",
        "from + size must be less than or equal to: [500] but was [900]. | 500",
        "Only upto 250 hits can be fetched per page. | 250",
        "limit 200 is outside the range of [1, 100] | 100",
        "integer too big (maximum 100, got 150) | 100",
        "cannot request more than 100 items | 100",
        "You can't add more than 25 labels | 25",
    })
    void bounds_are_read_however_they_are_phrased(String message, long bound) {
        assertThat(ServerHints.upperBound(message)).contains(bound);
    }

    @Test
    void a_message_without_a_number_names_no_bound() {
        assertThat(ServerHints.upperBound("invalid_limit")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unit must be one of [CELSIUS, FAHRENHEIT] | CELSIUS,FAHRENHEIT",
        "state must be either open or closed | open,closed",
        "Allowed values: asc, desc | asc,desc",
        "expected one of: 'created', 'updated', 'popularity' | created,updated,popularity",
        "Invalid value. Valid values are day or week or month | day,week,month",
        "Invalid schema: Tenant1. Only the following schemas are exposed: tenant1, tenant2 | tenant1,tenant2",
        "factor_type needs to be totp, phone, or webauthn | totp,phone,webauthn",
        "Invalid value for sortDirection, expected value is asc or desc | asc,desc",
        "Value for 'group_by' not supported. Allowed: '', 'key', 'key_and_day'. | key,key_and_day",
        "priority must be one of the following values: low, medium, high | low,medium,high",
    })
    void allowed_values_are_listed(String message, String values) {
        assertThat(ServerHints.allowedValues(message)).containsExactlyElementsOf(List.of(values.split(",")));
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "date must be in format YYYY-MM-DD | 27/11/2026 | yyyy-MM-dd",
        "date must be ISO-8601 (yyyy-MM-dd) | 27/11/2026 | yyyy-MM-dd",
        "since must be an ISO 8601 timestamp | 11/27/2026 10:00 | yyyy-MM-dd'T'HH:mm:ssXXX",
        "start must be a valid ISO-8601 date | Nov 27 2026 | yyyy-MM-dd",
        "timeMin must be an RFC 3339 timestamp | 2026-11-27 | yyyy-MM-dd'T'HH:mm:ssXXX",
        "invalid date; expected e.g. 2026-01-31 | 31.01.2026 | yyyy-MM-dd",
        "parsing time \"2026-11-27\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\" | 2026-11-27 | yyyy-MM-dd'T'HH:mm:ssXXX",
        "invalid value for after, e.g. 2026-01-31T12:00:00Z | 2026-01-31 | yyyy-MM-dd'T'HH:mm:ss'Z'",
        "time data '03/15/2024' does not match format '%Y-%m-%d' | 03/15/2024 | yyyy-MM-dd",
        "time data '2024-03-15' does not match format '%Y-%m-%dT%H:%M:%S%z' | 2024-03-15 | yyyy-MM-dd'T'HH:mm:ssXX",
        "The start date field must match the format Y-m-d. | 14.03.2026 | yyyy-MM-dd",
        "The due at field must match the format d/m/Y H:i. | 2026-03-14 10:00 | dd/MM/yyyy HH:mm",
        "The sent at field must match the format Y-m-d H:i:s. | 14.03.2026 10:00 | yyyy-MM-dd HH:mm:ss",
        "The sent at field must match the format Y-m-d\\TH:i:sP. | 14.03.2026 10:00 | yyyy-MM-dd'T'HH:mm:ssxxx",
        "The value '31/12/2025' is not valid. | 31/12/2025 | yyyy-MM-dd",
    })
    void date_formats_are_named_by_pattern_standard_or_example(String message, String argument, String pattern) {
        assertThat(ServerHints.datePattern(message, argument)).contains(pattern);
    }

    @Test
    void a_php_format_needs_its_own_letters_and_a_value_refused_needs_to_be_the_one_quoted() {
        assertThat(ServerHints.datePattern("The field must match the format Y-m-d-H. | Year-m-day", "14.03.2026")).isEmpty();
        assertThat(ServerHints.datePattern("Use the YYYY-m-d layout", "14.03.2026")).isEmpty();
        // letters this cannot write (a 12-hour clock, a zone's name, an unescaped T) name a format all the same: no guess
        assertThat(ServerHints.datePattern("The sent at field must match the format m/d/Y g:i A.", "2026-03-14 10:00")).isEmpty();
        assertThat(ServerHints.datePattern("The sent at field must match the format Y-m-d H:i:s T.", "14.03.2026 10:00")).isEmpty();
        assertThat(ServerHints.datePattern("The sent at field must match the format Y-m-dTH:i:s.", "14.03.2026 10:00")).isEmpty();
        assertThat(ServerHints.datePattern("The day must match the format Y-m-d or d/m/Y.", "14.03.26")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("The value '1.2.3' is not valid for ApiVersion.", "1.2.3")).isEmpty();
        assertThat(ServerHints.datePattern("The value '30/12/2025' is not valid.", "31/12/2025")).isEmpty();
        assertThat(ServerHints.datePattern("The value '31/12/2025' is not valid.", "31/12/2025 10:00")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "endpoint /v1/forecast is deprecated, use /v2/forecast | /v2/forecast",
        "This API has moved to https://api.example.com/v3/items. | https://api.example.com/v3/items",
        "v1 is deprecated and replaced by v2 | v2",
        "Version 2023-01 is no longer supported; please migrate to 2024-04 | 2024-04",
        "This endpoint is retired. The new endpoints are available under /api/v3/ prefixes. | /api/v3/",
    })
    void a_successor_is_read_from_the_message(String message, String successor) {
        assertThat(ServerHints.successor(message)).contains(successor);
    }

    @Test
    void a_version_the_server_names_is_a_successor_of_the_same_shape() {
        assertThat(ServerHints.successor("client version 1.30 is too old. Minimum supported API version is 1.40, please upgrade")).contains("1.40");
        assertThat(ServerHints.successor("You are calling a deprecated version of the Ads API. Please update to the latest version: v23.0."))
                .contains("v23.0");
        assertThat(Successors.apply("1.30", "1.40", null)).contains("1.40");
        assertThat(Successors.apply("v21.0", "v23.0", null)).contains("v23.0");
    }

    @Test
    void a_newer_version_of_the_same_shape_is_read_in_any_words() {
        assertThat(ServerHints.newerVersion("API version 2023-01 is retired; our 2025-04 release replaced it", "2023-01")).contains("2025-04");
        assertThat(ServerHints.newerVersion("v1 has been sunset; v2 and v3 are current", "v1")).contains("v3");
        assertThat(ServerHints.newerVersion("v3 is sunset since v2 was", "v3")).isEmpty();
        assertThat(ServerHints.newerVersion("version 1.30 was dropped on 2025-01-01", "1.30")).isEmpty();
        assertThat(ServerHints.newerVersion("API 1.0 is gone; retry in 2.5 seconds", "1.0")).isEmpty();
        assertThat(ServerHints.newerVersion("2024-01-15 was retired on 2025-06-30", "2024-01-15")).isEmpty();
        assertThat(ServerHints.newerVersion("v1 is gone, see https://example.com/docs/v9/migrate", "v1")).isEmpty();
        assertThat(Successors.apply("10.0.0.5", "10.90", null)).isEmpty();
        assertThat(Successors.staysOnHost("10.0.0.5", "10.0.0.90")).isFalse();
    }

    @Test
    void a_ceiling_in_words_the_bounds_do_not_know_is_the_largest_number_below_the_value() {
        assertThat(ServerHints.ceilingBelow("integer too big (100 allowed, got 150)", "limit", 150)).contains(100L);
        assertThat(ServerHints.ceilingBelow("count 500 exceeds what one page holds: 200", "count", 500)).contains(200L);
        assertThat(ServerHints.ceilingBelow("limit must be a multiple of 10", "limit", 25)).isEmpty();
        assertThat(ServerHints.ceilingBelow("limit is invalid: 25 (see page 3)", "limit", 25)).isEmpty();
        assertThat(ServerHints.ceilingBelow("HTTP 413: payload of 20000 bytes too large", "size", 20000)).isEmpty();
        assertThat(ServerHints.ceilingBelow("page_size above the limit for API version 2", "page_size", 500)).isEmpty();
        assertThat(ServerHints.ceilingBelow("deadline exceeded after 30 seconds", "page_size", 500)).isEmpty();
    }

    @Test
    void a_range_marked_inclusive_an_allowed_value_at_a_sentence_end_and_the_only_value_allowed_are_read() {
        assertThat(ServerHints.upperBound("size must be between 1 (inclusive) and 40 (inclusive)")).contains(40L);
        assertThat(ServerHints.upperBound("The value is outside of allowed range 1 to 5000")).contains(5000L);
        assertThat(ServerHints.allowedValues("direction is not one of up and down.")).containsExactly("up", "down");
        assertThat(ServerHints.valueFor("Only authorization_code value is allowed for the body parameter grant_type", "grant_type"))
                .contains("authorization_code");
        assertThat(ServerHints.valueFor("Only authorization_code value is allowed for the body parameter grant_type", "scope")).isEmpty();
    }

    @Test
    void a_list_of_one_allowed_value_that_ends_the_sentence_is_read_and_a_list_announced_is_not() {
        assertThat(ServerHints.allowedValues("Invalid enumerated value: Status must be one of completed")).containsExactly("completed");
        assertThat(ServerHints.allowedValues("format must be one of `json`.")).containsExactly("json");
        assertThat(ServerHints.allowedValues("status must be one of the following")).isEmpty();
        assertThat(ServerHints.allowedValues("status must be one of these.")).isEmpty();
        assertThat(ServerHints.allowedValues("one of completed tasks failed to sync")).isEmpty();
        assertThat(ServerHints.allowedValues("You must provide at least one of email.")).as("parameters, not values").isEmpty();
        assertThat(ServerHints.allowedValues("value must be one of string.")).as("a type, not a value").isEmpty();
        assertThat(ServerHints.allowedValues("The value failed validation for one of: amount")).isEmpty();
        assertThat(ServerHints.allowedValues("You must provide one of email.")).isEmpty();
        assertThat(ServerHints.allowedValues("Requires one of: scope.")).isEmpty();
    }

    @Test
    void allowed_values_are_read_after_a_noun_of_what_they_are() {
        assertThat(ServerHints.allowedValues("invalid precision; valid precision units are ns, us, ms, and s")).containsExactly("ns", "us", "ms", "s");
    }

    @Test
    void a_successor_prefix_takes_the_rest_of_the_old_path_after_its_version() {
        assertThat(Successors.apply("/rest/v2/projects", "/api/v1/", "api.example.com")).contains("/api/v1/projects");
        assertThat(Successors.apply("/v1/users/{id}", "/v2/", null)).contains("/v2/users/{id}");
        assertThat(Successors.apply("https://api.example.com/rest/v2/tasks?limit=5", "/api/v1/", null))
                .contains("https://api.example.com/api/v1/tasks?limit=5");
        assertThat(Successors.apply("/projects", "/api/v1/", null)).as("no version in the old path to cut at").isEmpty();
        assertThat(Successors.apply("/v2/items", "/v3", null)).as("a path without a trailing slash is the whole new path").contains("/v3");
    }

    @Test
    void a_successor_never_leaves_the_host() {
        assertThat(Successors.apply("/v1/forecast", "/v2/forecast", "api.example.com")).contains("/v2/forecast");
        assertThat(Successors.apply("https://api.example.com/v1/items", "v2", null)).contains("https://api.example.com/v2/items");
        assertThat(Successors.apply("/v1/items", "https://api.example.com/v2/items", "api.example.com")).contains("/v2/items");
        assertThat(Successors.apply("/v1/items", "https://evil.example/collect", "api.example.com")).isEmpty();
        assertThat(Successors.apply("https://api.example.com/v1", "https://evil.example/v2", null)).isEmpty();
        assertThat(Successors.apply("/v1/items", "//evil.example/collect", "api.example.com")).isEmpty();
        assertThat(Successors.staysOnHost("/v1/items", "//evil.example/collect")).isFalse();
        assertThat(Successors.staysOnHost("/v1/items", "/v2/../../admin")).isFalse();
    }

    @Test
    void a_case_rule_is_read_from_a_naming_rule() {
        assertThat(ServerHints.onlyLowerCase("Bucket name must be 3-63 characters and use numbers and lower-case letters only.")).isTrue();
        assertThat(ServerHints.onlyLowerCase("The tag must be lowercase")).isTrue();
        assertThat(ServerHints.onlyLowerCase("Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_")).isTrue();
        assertThat(ServerHints.onlyUpperCase("currency codes must be upper case")).isTrue();
        assertThat(ServerHints.onlyLowerCase("names are case-insensitive; lowercase is recommended")).isFalse();
        assertThat(ServerHints.onlyUpperCase("Storage account name must use lower-case letters only")).isFalse();
        assertThat(ServerHints.onlyUpperCase("Illegal characters found in parameter 'code'; legal range is '^[A-Z0-9-_.]{1,20}$'.")).isTrue();
        assertThat(ServerHints.onlyLowerCase("name must match [a-z0-9]([-a-z0-9]*[a-z0-9])?")).isTrue();
        assertThat(ServerHints.onlyLowerCase("name must match [a-zA-Z0-9]+")).isFalse();
        // the characters listed one by one
        assertThat(ServerHints.onlyLowerCase("The site address is entered incorrectly. You can only use the following characters: \"a-z\", \"0-9\", \"-\", \".\".")).isTrue();
        assertThat(ServerHints.onlyLowerCase("Allowed characters are a-z, A-Z, 0-9 and _")).isFalse();
        assertThat(ServerHints.onlyUpperCase("Only these characters are allowed: A-Z, 0-9, _")).isTrue();
        assertThat(ServerHints.onlyLowerCase("Only 64 characters allowed. Sort order must be a-z or z-a")).as("a range in another sentence").isFalse();
        assertThat(ServerHints.onlyLowerCase("Only alphanumeric characters (a-z, 0-9) are allowed")).as("no list of characters").isFalse();
        assertThat(ServerHints.onlyLowerCase("Allowed characters: a-z, 0-9 and hyphens (case-insensitive)")).isFalse();
    }

    @Test
    void a_value_named_for_a_missing_parameter_is_read() {
        assertThat(ServerHints.valueFor("request failed, set Accept: application/vnd.example+json; version=2 header and try again", "accept"))
                .contains("application/vnd.example+json; version=2");
        assertThat(ServerHints.valueFor("x-api-version: header is required; send it, for example x-api-version: 2024-02-01.", "x-api-version"))
                .contains("2024-02-01");
        assertThat(ServerHints.valueFor("Request with $search query parameter only works with a special request header: 'ConsistencyLevel: eventual'",
                "consistencyLevel")).contains("eventual");
        assertThat(ServerHints.valueFor("currency is required (default: EUR)", "currency")).contains("EUR");
        assertThat(ServerHints.valueFor("A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`",
                "contentType")).contains("application/json");
        assertThat(ServerHints.valueFor("Content-Type must be application/json", "contentType")).contains("application/json");
        assertThat(ServerHints.datePattern("cannot parse \"2026-11-27 14:00:00\" to a valid timestamp", "2026-11-27 14:00:00"))
                .as("the rejected value quoted back is no example").isEmpty();
        assertThat(ServerHints.valueFor("format is missing. Accepted values are: json, xml", "format"))
                .as("of several accepted values none is the one to send").isEmpty();
    }

    @Test
    void a_date_said_to_be_invalid_without_a_format_is_written_as_iso_8601_but_a_date_and_time_is_not_guessed() {
        assertThat(ServerHints.datePattern("{\"since\":[\"Enter a valid date.\"]}", "03.12.2026")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("Date 12/24/2026 is in a wrong format", "12/24/2026")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("date/time field value out of range: \"31/01/2026\"", "31/01/2026")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("Invalid timestamp in the query", "31/01/2026")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("issued_after: Input should be a valid date or datetime, invalid character in year", "12/31/2025"))
                .contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("Input should be a valid integer. The date was ignored", "12/31/2025")).as("another sentence").isEmpty();
        assertThat(ServerHints.datePattern("start must be a valid date after today", "01/02/2026")).as("a date out of range, not of form").isEmpty();
        assertThat(ServerHints.datePattern("Invalid date: 2026-01-31 10:00", "2026-01-31 10:00")).as("its zone would be a guess").isEmpty();
        assertThat(ServerHints.datePattern("Invalid token: the token has expired", "31/01/2026")).as("no word about a date").isEmpty();
        assertThat(ServerHints.datePattern("The update date is later than the end of the plan", "31/01/2026")).isEmpty();
    }

    @Test
    void a_date_alone_where_a_date_time_is_asked_for_becomes_the_start_of_that_day_in_utc() {
        String nws = "{\"title\": \"Bad Request\", \"status\": 400, \"detail\": \"Parameter \\\"start\\\" is invalid: This value is not a valid datetime\"}";
        assertThat(ServerHints.datePattern(nws, "2020-05-14")).contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(Transform.DATE_FORMAT.apply("2020-05-14", "yyyy-MM-dd'T'HH:mm:ssXXX")).isEqualTo("2020-05-14T00:00:00Z");
        assertThat(ServerHints.datePattern("Invalid date-time: 2020-05-14 10:00", "2020-05-14 10:00")).as("a time already there: its zone would be a guess")
                .isEmpty();
        assertThat(ServerHints.datePattern("The datetime of the last run is invalid for this schedule", "2020-05-14")).as("no date-time said to be invalid")
                .isEmpty();
        // SignalWire's "This value must be a DateTime": a date-time asked for, in no named form; never one that must follow another
        assertThat(ServerHints.datePattern("created_before: This value must be a DateTime", "20.11.2026")).contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(ServerHints.datePattern("end: must be a datetime after start", "20.11.2026")).isEmpty();
        assertThat(ServerHints.datePattern("until: should be a date-time not older than 30 days", "2026-01-01")).isEmpty();
        assertThat(ServerHints.datePattern("ends_at must be a datetime greater than or equal to starts_at", "2026-01-01")).isEmpty();
        assertThat(ServerHints.datePattern("send_at: must be a datetime at least 1 hour from now", "2026-11-20")).isEmpty();
        assertThat(ServerHints.datePattern("start must be a datetime on a weekday", "2026-11-21")).isEmpty();
    }

    @Test
    void allowed_values_quoted_after_please_try_and_never_a_request_to_try_again() {
        assertThat(ServerHints.allowedValues("Invalid url parameter for search_type, please try 'alphabetical', 'best-match' or 'previous-name-dissolved'"))
                .containsExactly("alphabetical", "best-match", "previous-name-dissolved");
        assertThat(ServerHints.allowedValues("Something went wrong, please try again or contact support")).isEmpty();
    }

    @Test
    void allowed_values_after_allowed_is_either() {
        assertThat(ServerHints.allowedValues("The task sort order 'invalid' is invalid. Allowed is either asc or desc."))
                .containsExactly("asc", "desc");
        assertThat(ServerHints.allowedValues("Unknown unit. Valid are either metric or imperial")).containsExactly("metric", "imperial");
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "27/11/2026 | yyyy-MM-dd | 2026-11-27",
        "11/27/2026 | yyyy-MM-dd | 2026-11-27",
        "Nov 27 2026 | yyyy-MM-dd | 2026-11-27",
        "27 November 2026 | yyyy-MM-dd | 2026-11-27",
        "2026-11-27 | yyyy-MM-dd'T'HH:mm:ssXXX | 2026-11-27T00:00:00Z",
        "10/04/2027 | yyyy-MM-dd | 10/04/2027",
        "27th Nov 2026 | yyyy-MM-dd | 2026-11-27",
        "November 27th, 2026 | yyyy-MM-dd | 2026-11-27",
        "Friday, November 27, 2026 | yyyy-MM-dd | 2026-11-27",
        "27-11-2026 | yyyy-MM-dd | 2026-11-27",
        "2026.11.27 | yyyy-MM-dd | 2026-11-27",
        "05.03.2026 | yyyy-MM-dd | 2026-03-05",
        "11/27/26 | yyyy-MM-dd | 2026-11-27",
        "10/04/27 | yyyy-MM-dd | 10/04/27",
        "Nov 27 2026 | dd.MM.yyyy | 27.11.2026",
        "2026-11-27 | yyyy-MM-dd | 2026-11-27",
        "next tuesday | yyyy-MM-dd | next tuesday",
    })
    void dates_are_reformatted_only_when_they_have_one_reading(String value, String pattern, String expected) {
        assertThat(Transform.DATE_FORMAT.apply(value, pattern)).isEqualTo(expected);
    }

    @Test
    void a_path_version_the_message_rejects_is_replaced_by_the_newer_one_it_names() {
        String rundeck = "Unsupported API Version \"32\". API Request: /api/32/project/ops/webhooks. Reason: Minimum supported version: 33";
        assertThat(ServerHints.pathWithNewerVersion("/api/32/project/ops/webhooks", rundeck)).contains("/api/33/project/ops/webhooks");
        assertThat(ServerHints.pathWithNewerVersion("/v1/users", "API version v1 is retired; use v2")).contains("/v2/users");
        // a number the message does not call the rejected version, or not in a version's place, or an older version: no successor
        assertThat(ServerHints.pathWithNewerVersion("/projects/32/hooks", "Hook limit 32 reached. Minimum supported version: 33")).isEmpty();
        assertThat(ServerHints.pathWithNewerVersion("/api/32/jobs/7", rundeck.replace("/webhooks", "/jobs/7"))).contains("/api/33/jobs/7");
        assertThat(ServerHints.pathWithNewerVersion("/api/v1/jobs/v2", "API version v1 is retired; use v3")).isEmpty();
        assertThat(ServerHints.pathWithNewerVersion("/api/34/project/ops/webhooks", rundeck.replace("32", "34"))).isEmpty();
        // a resource's own version is not the API's, and the version to use is the one the message says to use, not its largest number
        assertThat(ServerHints.pathWithNewerVersion("/docs/7", "Document not found at version 7; current version is 9")).isEmpty();
        assertThat(ServerHints.pathWithNewerVersion("/packages/foo/versions/3", "Version 3 of foo not found; latest version is 4")).isEmpty();
        assertThat(ServerHints.pathWithNewerVersion("/api/30/job/x", "Unsupported API Version \"30\". Minimum supported version: 31. Request id 998"))
                .contains("/api/31/job/x");
    }

    @Test
    void a_date_the_message_only_mentions_is_no_example_of_a_form() {
        assertThat(ServerHints.datePattern("DAGRun with DAG ID: 'etl' and DAGRun logical date: '2022-11-03 06:35:14+00:00' already exists",
                "2022-11-03T06:35:14Z")).isEmpty();
        assertThat(ServerHints.datePattern("date must look like 2024-03-05", "03/05/2024")).contains("yyyy-MM-dd");
    }

    @Test
    void a_pattern_whose_parts_are_quoted_is_read_as_the_pattern() {
        assertThat(ServerHints.datePattern("Dates must be in the format 'yyyy'-'MM'-'dd'T'HH':'mm':'ssZ'", "03/08/2019 12:34:56"))
                .contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(ServerHints.datePattern("Dates must be in the format 'yyyy'-'MM'-'dd'", "03/08/2019")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("'title' and 'body' must be set", "03/08/2019")).isEmpty();
    }

    @Test
    void values_a_value_is_not_and_a_value_the_server_suggests_are_read_but_no_sentence_is_a_list() {
        assertThat(ServerHints.valuesItIsNot("sort is not asc or desc", "sort")).containsExactly("asc", "desc");
        assertThat(ServerHints.valuesItIsNot("unit is not celsius, fahrenheit, or kelvin.", "unit")).containsExactly("celsius", "fahrenheit", "kelvin");
        // of a file or a resource, not of the parameter, or not the whole message: none
        assertThat(ServerHints.valuesItIsNot("Image format is not JPEG or PNG", "format")).isEmpty();
        assertThat(ServerHints.valuesItIsNot("Order status is not PENDING or CANCELED", "status")).isEmpty();
        assertThat(ServerHints.valuesItIsNot("sort is not asc or desc when a cursor is given", "sort")).isEmpty();
        assertThat(ServerHints.allowedValues("Value \"celsius\" does not exist in \"TemperatureUnit\" enum. Did you mean the enum value \"CELSIUS\"?"))
                .containsExactly("CELSIUS");
        // a list that is not the end of the message, or a clause of words, is no list of values
        assertThat(ServerHints.allowedValues("The token is not valid or has expired")).isEmpty();
        assertThat(ServerHints.allowedValues("sort is not asc or desc")).isEmpty();
        assertThat(ServerHints.allowedValues("Unknown field. Did you mean to send it in the body?")).isEmpty();
    }

    @Test
    void a_range_within_two_numbers_bounds_a_value() {
        assertThat(ServerHints.upperBound("Invalid limit, must be within 1 to 50")).contains(50L);
        assertThat(ServerHints.upperBound("must be within 10 and 20 characters")).contains(20L);
        assertThat(ServerHints.upperBound("must be within the allowed range")).isEmpty();
    }

    @Test
    void a_date_by_the_regular_expression_it_must_match_and_rfc_3339s_full_date() {
        assertThat(ServerHints.datePattern("report.from: must match \"\\d{4}-\\d{2}-\\d{2}\"", "2024/06/01")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("must match \"^\\d{4}/\\d{2}/\\d{2}$\"", "2024-06-01")).contains("yyyy/MM/dd");
        // a regular expression with the day first, or a time after the date, is no form this reads for sure
        assertThat(ServerHints.datePattern("must match \"\\d{2}-\\d{2}-\\d{4}\"", "2024-06-01")).isEmpty();
        assertThat(ServerHints.datePattern("must match \"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\"", "2024/06/01")).isEmpty();
        assertThat(ServerHints.datePattern("must match \"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\"", "2024/06/01 10:30")).isEmpty();
        assertThat(ServerHints.datePattern("must match \"INV-\\d{4}-\\d{2}-\\d{2}\"", "2024/06/01")).isEmpty();
        assertThat(ServerHints.datePattern("must match \"INV \\d{4}-\\d{2}-\\d{2}\"", "2024/06/01")).isEmpty();
        assertThat(ServerHints.datePattern("must match \"(\\d{2}:\\d{2} \\d{4}-\\d{2}-\\d{2})\"", "2024/06/01")).isEmpty();
        assertThat(ServerHints.datePattern("start_date: Invalid RFC3339 encoded date", "15-03-2024")).contains("yyyy-MM-dd");
        assertThat(ServerHints.datePattern("start: Invalid RFC3339 encoded datetime", "15-03-2024")).contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(ServerHints.datePattern("start must be an RFC 3339 date-time", "15-03-2024")).contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        // a timestamp that the message calls a date (the json-schema gem, Terraform): a date-time still
        assertThat(ServerHints.datePattern("The property '#/after' must be a valid RFC3339 date/time string", "06/13/2024"))
                .contains("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(ServerHints.datePattern("expected \"expiration\" to be a valid RFC3339 date, got 06/13/2024", "06/13/2024"))
                .contains("yyyy-MM-dd'T'HH:mm:ssXXX");
    }
}
