package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void an_elasticsearch_error_gives_its_root_cause_as_well_as_its_summary() {
        ErrorBody body = ErrorBody.parse("""
                {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"size must be less than or equal to: [100] but was [900]"}],
                 "type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""");
        assertThat(body.message()).isEqualTo("all shards failed: size must be less than or equal to: [100] but was [900]");
    }

    @Test
    void a_message_that_heads_the_errors_listed_below_it_is_not_read_twice() {
        ErrorBody one = ErrorBody.parse("""
                {"message":"The start date field must match the format Y-m-d.","errors":{"start_date":["The start date field must match the format Y-m-d."]}}""");
        assertThat(one.message()).isEqualTo("start_date The start date field must match the format Y-m-d.");
        assertThat(one.field()).isEqualTo("start_date");
        ErrorBody two = ErrorBody.parse("""
                {"message":"The name field is required. (and 1 more error)","errors":{"name":["The name field is required."],"budget":["The budget field must be a number."]}}""");
        assertThat(two.message()).isEqualTo("name The name field is required.; budget The budget field must be a number.");
        // a summary that says something the list does not is kept
        assertThat(ErrorBody.parse("""
                {"message":"The given data was invalid.","errors":{"name":["The name field is required."]}}""").message())
                .isEqualTo("The given data was invalid.: name The name field is required.");
    }

    @Test
    void errors_listed_under_where_each_field_was_sent_are_read_by_field() {
        ErrorBody body = ErrorBody.parse("""
                {"code": 422, "errors": {"query": {"order": ["Must be one of: asc, desc."]}}, "status": "Unprocessable Entity"}""");
        assertThat(body.message()).isEqualTo("order Must be one of: asc, desc.");
        assertThat(body.field()).isEqualTo("order");
        // no deeper than two levels: a body nested without end is not followed
        String deep = "{\"errors\":" + "{\"a\":".repeat(50) + "[\"x y\"]" + "}".repeat(50) + "}";
        assertThat(ErrorBody.parse(deep).message()).doesNotContain("x y");
        // a record under a key is no map of fields
        ErrorBody record = ErrorBody.parse("""
                {"message":"Validation failed","details":{"request":{"id":"req_123","method":"POST"}}}""");
        assertThat(record.message()).isEqualTo("Validation failed");
        assertThat(record.field()).isEmpty();
    }

    @Test
    void a_hint_beside_the_message_is_read_with_it() {
        ErrorBody body = ErrorBody.parse("""
                {"code":"PGRST106","details":null,"hint":"Only the following schemas are exposed: tenant1, tenant2","message":"Invalid schema: Tenant1"}""");
        assertThat(body.message()).isEqualTo("Invalid schema: Tenant1. Only the following schemas are exposed: tenant1, tenant2");
        assertThat(body.code()).isEqualTo("PGRST106");
        assertThat(ErrorBody.parse("{\"message\":\"JWT expired\",\"hint\":null}").message()).isEqualTo("JWT expired");
    }

    @Test
    void a_status_message_beside_a_numeric_status_code_is_the_message() {
        ErrorBody body = ErrorBody.parse("{\"success\":false,\"status_code\":23,\"status_message\":\"Invalid date: Format needs to be YYYY-MM-DD.\"}");
        assertThat(body.message()).isEqualTo("Invalid date: Format needs to be YYYY-MM-DD.");
        assertThat(ErrorBody.parse("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}").message()).isEqualTo("invalid credential");
    }

    @Test
    void messages_listed_under_a_message_key_are_the_message() {
        ErrorBody body = ErrorBody.parse("""
                {"status":"failed","message-type":"validation-failure",
                 "message":[{"type":"integer-not-valid","value":"900","message":"Integer specified as 900 but must be at most 500."}]}""");
        assertThat(body.message()).isEqualTo("Integer specified as 900 but must be at most 500.");
        assertThat(body.code()).isEqualTo("failed");
    }

    @Test
    void the_details_beside_a_generic_error_say_which_argument_and_what_is_expected() {
        ErrorBody body = ErrorBody.parse("""
                {"error":"Invalid argument value","error_code":20,"error_extra":{"argument":"page_size","expected":"Input should be at most 50"}}""");
        assertThat(body.message()).isEqualTo("Invalid argument value: Input should be at most 50");
        assertThat(body.field()).isEqualTo("page_size");
        assertThat(ErrorBody.parse("{\"error\":\"Not found\",\"error_extra\":{\"retry_after\":3}}").message()).isEqualTo("Not found");
    }

    @Test
    void parameters_listed_under_the_data_of_a_generic_message_are_read_with_it() {
        ErrorBody body = ErrorBody.parse("""
                {"code":"rest_invalid_param","message":"Invalid parameter(s): page","data":{"status":400,"params":{"page":"page must be between 1 (inclusive) and 40 (inclusive)"}}}""");
        assertThat(body.message()).isEqualTo("Invalid parameter(s): page: page must be between 1 (inclusive) and 40 (inclusive)");
        assertThat(body.field()).isEqualTo("page");
        assertThat(body.code()).isEqualTo("rest_invalid_param");
    }

    @Test
    void an_error_text_beside_a_status_is_the_message_not_a_count_beside_it() {
        ErrorBody body = ErrorBody.parse("""
                {"message-count":"1","messages":[{"status":"1","error-text":"You are sending SMS faster than the account limit."}]}""");
        assertThat(body.message()).isEqualTo("You are sending SMS faster than the account limit.");
    }

    @Test
    void a_one_word_message_beside_a_sentence_gives_way_to_the_sentence() {
        ErrorBody body = ErrorBody.parse("{\"status\":\"0\",\"message\":\"NOTOK\",\"result\":\"Invalid API Key\"}");
        assertThat(body.message()).isEqualTo("Invalid API Key");
        assertThat(body.code()).isEqualTo("NOTOK");
        assertThat(ErrorBody.parse("{\"message\":\"Not allowed\",\"result\":\"Invalid API Key\"}").message()).isEqualTo("Not allowed");
        assertThat(ErrorBody.parse("{\"message\":\"NOTOK\",\"result\":\"0x5a1\"}").message()).isEqualTo("NOTOK");
    }

    @Test
    void an_xml_error_that_gives_its_message_as_an_attribute_is_read() {
        ErrorBody body = ErrorBody.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <subsonic-response xmlns="http://subsonic.org/restapi" status="failed" version="1.16.1">
                  <error code="10" message="Required parameter is missing: id &amp; c"/>
                </subsonic-response>""");
        assertThat(body.message()).isEqualTo("Required parameter is missing: id & c");
        assertThat(body.code()).isEqualTo("10");
        assertThat(ErrorBody.parse("<response><error code='70'/></response>").message()).isEqualTo("70");
    }

    @Test
    void the_details_of_an_invalid_param_name_the_property_of_its_schema_path() {
        ErrorBody body = ErrorBody.parse("""
                {"error": {"message": "Invalid param.", "code": "INVALID_PARAM", "id": "3d81ceae-475f-4600-b2a8-2bc116157532",
                 "info": {"param": "#/properties/limit/maximum", "reason": "must be <= 100"}}}""");
        assertThat(body.message()).isEqualTo("Invalid param. must be <= 100");
        assertThat(body.field()).isEqualTo("limit");
        assertThat(ErrorBody.parse("{\"message\":\"bad\",\"param\":\"/data/properties/owner/properties/email/format\"}").field()).isEqualTo("email");
    }

    @Test
    void a_reason_in_words_beside_a_message_is_read_with_it_but_a_reason_code_is_not() {
        ErrorBody ory = ErrorBody.parse("""
                {"error":{"code":400,"status":"Bad Request","reason":"The supplied state ('Inactive') was not valid. Valid states are ('active', 'inactive').",
                 "message":"identity state is not valid"}}""");
        assertThat(ory.message()).isEqualTo("identity state is not valid: The supplied state ('Inactive') was not valid. Valid states are ('active', 'inactive').");
        assertThat(ErrorBody.parse("{\"error\":{\"errors\":[{\"reason\":\"keyInvalid\",\"message\":\"Bad Request\"}]}}").message()).isEqualTo("Bad Request");
    }

    @Test
    void fields_listed_beside_a_code_are_the_message() {
        ErrorBody ckan = ErrorBody.parse("""
                {"help":"https://demo.ckan.org/api/3/action/help_show?name=package_create","success":false,
                 "error":{"name":["Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"],"__type":"Validation Error"}}""");
        assertThat(ckan.message()).isEqualTo("name Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_");
        assertThat(ckan.field()).isEqualTo("name");
        assertThat(ckan.code()).isEqualTo("Validation Error");
    }

    @Test
    void a_note_or_information_alone_in_a_body_is_its_message() {
        assertThat(ErrorBody.parse("{\"Note\": \"Our standard API call frequency is 5 calls per minute.\"}").message())
                .isEqualTo("Our standard API call frequency is 5 calls per minute.");
        assertThat(ErrorBody.parse("{\"Error Message\": \"Invalid API call.\", \"Note\": \"see the docs\"}").message()).isEqualTo("Invalid API call.");
    }

    @Test
    void lists_info_and_reasons_that_say_nothing_of_the_error_are_not_read_as_its_message() {
        assertThat(ErrorBody.parse("{\"code\":\"E_BAD\",\"supported_formats\":[\"json\",\"xml\"]}").message()).isEqualTo("E_BAD");
        assertThat(ErrorBody.parse("{\"message\":\"Not Found\",\"info\":{\"name\":\"orders-service\",\"description\":\"Orders API v2\"}}").message())
                .isEqualTo("Not Found");
        assertThat(ErrorBody.parse("{\"reason\":\"Not Found\",\"message\":\"No route matched\"}").message()).isEqualTo("No route matched");
        assertThat(ErrorBody.parse("<response><error code=\"500\" data-message=\"fake\" message=\"Real one\"/></response>").message()).isEqualTo("Real one");
    }

    @Test
    void an_error_in_the_result_object_of_a_body_is_read_but_a_result_without_one_is_no_error() {
        // NCBI E-utilities answers 200 with the error inside its result object, under an upper-case key
        ErrorBody body = ErrorBody.parse("""
                {"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"Unable to obtain query #1"}}""");
        assertThat(body.message()).isEqualTo("Unable to obtain query #1");
        assertThat(ErrorBody.parse("""
                {"header":{"type":"esearch","version":"0.3"},"esearchresult":{"count":"0","idlist":[]}}""").isEmpty()).isTrue();
    }

    @Test
    void an_object_that_does_not_parse_still_gives_its_members_and_a_text_in_braces_stays_text() {
        // MYOB's documented errors lack a comma; a client may cut a long body short
        String missingComma = "{\n\"Name\" : \"GatewayTimeout\",\n\"Message\" : \"Connection to the API has timed out\",\n\"ErrorCode\" : null,\n"
                + "\"Severity\" : \"Error\"\n\"LearnMore\" : \"[Documentation URI]\"\n}";
        assertThat(ErrorBody.parse(missingComma).message()).isEqualTo("Connection to the API has timed out");
        String cut = "{\"error\":{\"message\":\"limit must be at most 100, got \\\"500\\\"\",\"type\":\"invalid_request_error\",\"param\":\"lim";
        assertThat(ErrorBody.parse(cut).message()).isEqualTo("limit must be at most 100, got \"500\"");
        assertThat(ErrorBody.parse("{not json} at all").message()).isEqualTo("{not json} at all");
    }

    @Test
    void an_xml_error_that_gives_its_text_and_code_as_attributes_is_read() {
        ErrorBody body = ErrorBody.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Error errorCode="SVC_LOC" errorText="location missing or invalid">
                </Error>""");
        assertThat(body.message()).isEqualTo("location missing or invalid");
        assertThat(body.code()).isEqualTo("SVC_LOC");
        // the message before a text before a description, and a blank one says nothing
        assertThat(ErrorBody.parse("<error code=\"10\" message=\"Required parameter is missing: id\" text=\"\"/>").message())
                .isEqualTo("Required parameter is missing: id");
        assertThat(ErrorBody.parse("<error description=\"Error\" code=\"NotFound\" message=\"Subscription abc not found\"/>").message())
                .isEqualTo("Subscription abc not found");
        // an attribute that is neither the message nor the code says nothing
        assertThat(ErrorBody.parse("<error id=\"17\" lang=\"en\"/>").message()).isEmpty();
    }

    @Test
    void a_long_message_beside_a_short_one_is_the_message_and_the_meta_names_the_field() {
        ErrorBody body = ErrorBody.parse("""
                {"errors": [{"message": "is invalid", "long_message": "email_address must be a valid email address.",
                  "code": "form_param_format_invalid", "meta": {"param_name": "email_address"}}]}""");
        assertThat(body.message()).isEqualTo("email_address must be a valid email address.");
        assertThat(body.field()).isEqualTo("email_address");
        assertThat(ErrorBody.parse("{\"message\": \"is invalid\", \"meta\": {\"count\": 3}}").field()).isEmpty();
        // a message that says something itself stays the message
        assertThat(ErrorBody.parse("{\"message\": \"limit must be at most 100\", \"long_message\": \"The request could not be processed.\"}").message())
                .isEqualTo("limit must be at most 100");
    }

    @Test
    void the_data_of_a_call_that_says_it_failed_holds_its_error() {
        ErrorBody imgur = ErrorBody.parse("""
                {"data": {"error": "This method requires authentication", "request": "\\/3\\/account.json", "method": "GET",},
                 "success": false, "status": 403}""");
        assertThat(imgur.message()).isEqualTo("This method requires authentication");
        assertThat(imgur.code()).isEqualTo("403");
        // the data of a call that succeeded, or data without an error, is no error
        assertThat(ErrorBody.parse("{\"data\": {\"error\": \"none\"}, \"success\": true, \"message\": \"Quota low\"}").message()).isEqualTo("Quota low");
        assertThat(ErrorBody.parse("{\"data\": {\"id\": 7}, \"success\": false, \"message\": \"Album is locked\"}").message()).isEqualTo("Album is locked");
    }

    @Test
    void a_message_that_only_names_the_status_gives_way_to_the_text_beside_it() {
        assertThat(ErrorBody.parse("{\"code\": 422, \"message\": \"Unprocessable Entity\", \"description\": \"The selected gender is invalid\"}").message())
                .isEqualTo("The selected gender is invalid");
        assertThat(ErrorBody.parse("{\"message\": \"Unsupported Media Type\", \"detail\": \"Content-Type should be application/json\"}").message())
                .isEqualTo("Content-Type should be application/json");
        // a message that says more than the status stays; a status phrase beside another one, or a word, says nothing more
        assertThat(ErrorBody.parse("{\"message\": \"Unprocessable Entity: limit is too big\", \"description\": \"See the docs\"}").message())
                .isEqualTo("Unprocessable Entity: limit is too big");
        assertThat(ErrorBody.parse("{\"message\": \"Not Found\", \"description\": \"Not Found\"}").message()).isEqualTo("Not Found");
        assertThat(ErrorBody.parse("{\"message\": \"Bad Request\", \"description\": \"validation\"}").message()).isEqualTo("Bad Request");
        // the phrase becomes the code when the body has none in words
        assertThat(ErrorBody.parse("{\"status\": 401, \"message\": \"Unauthorized\", \"description\": \"The request requires a valid access token\"}").code())
                .isEqualTo("Unauthorized");
        assertThat(ErrorBody.parse("{\"code\": \"INVALID_PARAM\", \"message\": \"Bad Request\", \"description\": \"limit is too big\"}").code())
                .isEqualTo("INVALID_PARAM");
    }

    @Test
    void a_fhir_operation_outcome_gives_the_text_of_its_issue_not_a_field_named_text() {
        ErrorBody text = ErrorBody.parse("""
                {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "forbidden",
                  "details": {"text": "Authorization failed"}}]}""");
        assertThat(text.message()).isEqualTo("Authorization failed");
        assertThat(text.field()).isEmpty();
        ErrorBody coded = ErrorBody.parse("""
                {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "value",
                  "details": {"coding": [{"system": "https://example.org/codes", "code": "INVALID_VALUE", "display": "Provided value is invalid"}]},
                  "diagnostics": "Invalid value - 'abc' in field 'birthdate'"}]}""");
        assertThat(coded.message()).isEqualTo("Invalid value - 'abc' in field 'birthdate'");
        ErrorBody displayed = ErrorBody.parse("""
                {"issue": [{"code": "value", "details": {"coding": [{"code": "INVALID_VALUE", "display": "Provided value is invalid"}]}}]}""");
        assertThat(displayed.message()).isEqualTo("Provided value is invalid");
        // details that map fields to their messages are still read by field
        assertThat(ErrorBody.parse("{\"message\": \"Invalid\", \"details\": {\"text\": [\"is too long\"], \"size\": [\"must be small\"]}}").message())
                .isEqualTo("Invalid: text is too long; size must be small");
    }

    @Test
    void details_that_are_one_record_name_its_field_and_are_no_map_of_fields() {
        ErrorBody body = ErrorBody.parse("""
                {"success": false, "error": "Offline is not a valid status type [error-input-is-not-a-valid-field]",
                 "errorType": "error-input-is-not-a-valid-field", "details": {"method": "insertOrUpdateUserStatus", "input": "Offline", "field": "StatusType"}}""");
        assertThat(body.message()).isEqualTo("Offline is not a valid status type [error-input-is-not-a-valid-field]");
        assertThat(body.field()).isEqualTo("StatusType");
        // a record that says what is wrong says it as the message
        ErrorBody issue = ErrorBody.parse("{\"details\": {\"field\": \"email\", \"issue\": \"Email is not valid\"}}");
        assertThat(issue.message()).isEqualTo("Email is not valid");
        assertThat(issue.field()).isEqualTo("email");
        ErrorBody bound = ErrorBody.parse("{\"error\": \"invalid_request\", \"details\": {\"param\": \"limit\", \"msg\": \"must be less than or equal to 100\"}}");
        assertThat(bound.message()).isEqualTo("invalid_request: must be less than or equal to 100");
        assertThat(bound.field()).isEqualTo("limit");
        ErrorBody reason = ErrorBody.parse("{\"message\": \"Invalid\", \"details\": {\"field\": \"limit\", \"reason\": \"must be at most 100\"}}");
        assertThat(reason.message()).isEqualTo("Invalid: must be at most 100");
        assertThat(reason.field()).isEqualTo("limit");
        // a map of fields one of which is called "field" is still a map of fields
        assertThat(ErrorBody.parse("{\"errors\": {\"field\": \"can't be blank\", \"limit\": \"must be positive\"}}").message())
                .isEqualTo("field can't be blank; limit must be positive");
    }

    @Test
    void an_err_msg_and_an_err_code_are_the_message_and_the_code() {
        ErrorBody body = ErrorBody.parse("""
                {"err_code": "INVALID_QUERY_PARAMETER", "err_msg": "Unknown query parameter: punctuation2", "request_id": "0b1c2d3e"}""");
        assertThat(body.message()).isEqualTo("Unknown query parameter: punctuation2");
        assertThat(body.code()).isEqualTo("INVALID_QUERY_PARAMETER");
    }

    @Test
    void the_fields_a_record_names_with_their_messages_are_read_and_an_error_names_its_field_as_an_attribute() {
        ErrorBody revai = ErrorBody.parse("""
                {"parameter": {"limit": ["The max value for limit is 1000"]}, "status": 400,
                 "title": "Your request parameters didn't validate", "type": "https://www.rev.ai/api/v1/errors/invalid-parameters"}""");
        assertThat(revai.message()).isEqualTo("Your request parameters didn't validate: limit The max value for limit is 1000");
        assertThat(revai.field()).isEqualTo("limit");
        // parameters that are the call's values, not messages, say nothing
        ErrorBody values = ErrorBody.parse("{\"title\": \"Request failed\", \"parameters\": {\"limit\": 5000, \"sort\": \"asc\"}}");
        assertThat(values.message()).isEqualTo("Request failed");
        assertThat(values.field()).isEmpty();
        // nor a request's parameters echoed back, nor Ajv's params, nor a nested field of a framework's map of fields
        assertThat(ErrorBody.parse("{\"error\": \"Search failed\", \"parameters\": {\"q\": [\"red shoes\"], \"sort\": [\"price asc\"]}}").message())
                .isEqualTo("Search failed");
        ErrorBody echoed = ErrorBody.parse("{\"title\": \"Search failed\", \"parameters\": {\"q\": [\"red shoes\"], \"sort\": [\"price asc\"]}}");
        assertThat(echoed.message()).isEqualTo("Search failed");
        assertThat(echoed.field()).isEmpty();
        assertThat(ErrorBody.parse("""
                {"message": "must be equal to one of the allowed values", "params": {"allowedValues": ["in progress", "done"]}}""").message())
                .isEqualTo("must be equal to one of the allowed values: allowed values: in progress, done");
        ErrorBody drf = ErrorBody.parse("{\"parameters\": {\"timeout\": [\"A valid integer is required.\"]}, \"name\": [\"This field is required.\"]}");
        assertThat(drf.field()).isEqualTo("name");
        // Akeneo's "attribute" is a product attribute inside the property it names, not the field
        assertThat(ErrorBody.parse("""
                {"code": 422, "message": "Validation failed.", "errors": [{"property": "values", "message": "The value is too long.",
                 "attribute": "description", "locale": null, "scope": null}]}""").field()).isNotEqualTo("description");
        ErrorBody signalwire = ErrorBody.parse("""
                {"statusCode": 422, "errors": [{"type": "validation_error", "code": "token_expired", "message": "Token has expired.",
                 "attribute": "refresh_token", "url": "https://signalwire.com/docs/rest/overview/error-codes#token_expired"}]}""");
        assertThat(signalwire.message()).isEqualTo("refresh_token: Token has expired.");
        assertThat(signalwire.field()).isEqualTo("refresh_token");
        assertThat(signalwire.code()).isEqualTo("token_expired");
    }

    @Test
    void the_validation_records_of_celebrate_litestar_and_bean_validation_name_their_fields() {
        ErrorBody celebrate = ErrorBody.parse("""
                {"statusCode":400,"error":"Bad Request","message":"Validation failed","validation":{"query":{"source":"query",
                 "keys":["limit"],"message":"\\"limit\\" must be less than or equal to 100"}}}""");
        assertThat(celebrate.message()).isEqualTo("Validation failed: \"limit\" must be less than or equal to 100");
        assertThat(celebrate.field()).isEqualTo("limit");
        ErrorBody litestar = ErrorBody.parse("""
                {"status_code":400,"detail":"Validation failed for GET /items?limit=500",
                 "extra":[{"message":"Expected `int` <= 100","key":"limit","source":"query"}]}""");
        assertThat(litestar.message()).isEqualTo("Validation failed for GET /items?limit=500: limit: Expected `int` <= 100");
        assertThat(litestar.field()).isEqualTo("limit");
        ErrorBody quarkus = ErrorBody.parse("""
                {"title":"Constraint Violation","status":400,"violations":[{"field":"list.limit","message":"must be less than or equal to 100"}]}""");
        assertThat(quarkus.message()).isEqualTo("Constraint Violation: list.limit: must be less than or equal to 100");
        assertThat(quarkus.field()).isEqualTo("list.limit");
        ErrorBody bookstack = ErrorBody.parse("""
                {"error":{"message":"The given data was invalid.","validation":{"count":["The count may not be greater than 100."]},"code":422}}""");
        assertThat(bookstack.message()).isEqualTo("The given data was invalid.: count The count may not be greater than 100.");
        assertThat(bookstack.field()).isEqualTo("count");
        // Travis CI's {"@type": "error", "error_type": "wrong_credentials", "error_message": "access denied"}
        assertThat(ErrorBody.parse("{\"@type\":\"error\",\"error_type\":\"wrong_credentials\",\"error_message\":\"access denied\"}").code())
                .isEqualTo("wrong_credentials");
        // a "validation" that is no list of failed parts, and an "extra" of values rather than records, say nothing more
        assertThat(ErrorBody.parse("{\"message\": \"Upload failed\", \"validation\": {\"enabled\": true}}").message()).isEqualTo("Upload failed");
        ErrorBody extraValues = ErrorBody.parse("{\"detail\": \"Upload failed\", \"extra\": [\"retry later\", {\"key\": \"limit\"}]}");
        assertThat(extraValues.message()).isEqualTo("Upload failed");
        assertThat(extraValues.field()).isEmpty();
    }

    @Test
    void zods_issues_stringified_in_a_message_say_what_they_say_and_name_their_field() {
        ErrorBody trpc = ErrorBody.parse("""
                {"error":{"message":"[\\n  {\\n    \\"code\\": \\"invalid_value\\",\\n    \\"values\\": [\\"low\\", \\"medium\\", \\"high\\"],\\n\
                    \\"path\\": [\\n      \\"priority\\"\\n    ],\\n    \\"message\\": \\"Invalid option: expected one of \\\\\\"low\\\\\\"|\\\\\\"medium\\\\\\"|\\\\\\"high\\\\\\"\\"\\n  }\\n]",
                 "code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"tickets.create"}}}""");
        assertThat(trpc.message()).isEqualTo("priority: Invalid option: expected one of \"low\"|\"medium\"|\"high\"");
        assertThat(trpc.field()).isEqualTo("priority");
        // a path through a list's element stays a path; a path that is a URL (Spring's) names no field; a message that only
        // looks like JSON stays as it is
        assertThat(ErrorBody.parse("[{\"code\": \"too_big\", \"path\": [\"items\", 0, \"qty\"], \"message\": \"Too big\"}]").field()).isEqualTo("items.0.qty");
        assertThat(ErrorBody.parse("{\"status\": 400, \"error\": \"Bad Request\", \"message\": \"limit too big\", \"path\": \"/orders\"}").field())
                .isEmpty();
        assertThat(ErrorBody.parse("{\"message\": \"[{not json}]\"}").message()).isEqualTo("[{not json}]");
        // an object a message quotes that says no message stays text; a GraphQL error's path is the answer's, no input's
        assertThat(ErrorBody.parse("{\"message\":\"{\\\"name\\\":\\\"widget\\\",\\\"type\\\":\\\"gadget\\\"}\",\"error\":\"Bad Request\"}").message())
                .isEqualTo("{\"name\":\"widget\",\"type\":\"gadget\"}");
        ErrorBody graphql = ErrorBody.parse("{\"errors\":[{\"type\":\"NOT_FOUND\",\"path\":[\"repository\"],\"locations\":[{\"line\":2,\"column\":3}],"
                + "\"message\":\"Could not resolve to a Repository with the name 'octocat/Hello-World'.\"}]}");
        assertThat(graphql.field()).isEmpty();
        assertThat(graphql.message()).startsWith("Could not resolve");
    }

    @Test
    void symfonys_violations_name_their_property_and_the_choices_its_message_leaves_out() {
        ErrorBody choice = ErrorBody.parse("""
                {"type":"https:\\/\\/symfony.com\\/errors\\/validation","title":"Validation Failed","status":422,
                 "detail":"carrier: The value you selected is not a valid choice.","violations":[{"propertyPath":"carrier",
                 "title":"The value you selected is not a valid choice.","template":"The value you selected is not a valid choice.",
                 "parameters":{"{{ value }}":"\\"UPS\\"","{{ choices }}":"\\"ups\\", \\"fedex\\", \\"dhl\\""},"type":"urn:uuid:8e179f1b"}]}""");
        assertThat(choice.field()).isEqualTo("carrier");
        assertThat(choice.message()).endsWith("carrier: The value you selected is not a valid choice: allowed values: ups, fedex, dhl");
        ErrorBody numbers = ErrorBody.parse("""
                {"title":"Validation Failed","violations":[{"propertyPath":"size","title":"The value you selected is not a valid choice.",
                 "parameters":{"{{ value }}":"7","{{ choices }}":"10, 25, 50"}}]}""");
        assertThat(numbers.message()).endsWith("allowed values: 10, 25, 50");
        // a long choice and a quote inside one (Symfony does not escape it) stay whole
        String plans = "{\"title\":\"Validation Failed\",\"violations\":[{\"propertyPath\":\"plan\",\"title\":\"The value you selected is not a valid choice.\","
                + "\"parameters\":{\"{{ choices }}\":\"\\\"enterprise_annual_plan_with_premium_support_and_dedicated_manager_v2\\\", \\\"12\\\" pipe\\\"\"}}]}";
        assertThat(ErrorBody.parse(plans).message()).endsWith("allowed values: enterprise_annual_plan_with_premium_support_and_dedicated_manager_v2, 12\" pipe");
        // the detail that already says what its one violation says is not said twice
        ErrorBody limit = ErrorBody.parse("""
                {"title":"Validation Failed","status":404,"detail":"limit: This value should be less than or equal to 100.",
                 "violations":[{"propertyPath":"limit","title":"This value should be less than or equal to 100."}]}""");
        assertThat(limit.message()).isEqualTo("Validation Failed: limit: This value should be less than or equal to 100.");
        assertThat(limit.field()).isEqualTo("limit");
    }

    @Test
    void an_html_page_whose_headings_only_name_the_status_says_its_paragraph() {
        ErrorBody werkzeug = ErrorBody.parse("""
                <!doctype html>
                <html lang=en>
                <title>415 Unsupported Media Type</title>
                <h1>Unsupported Media Type</h1>
                <p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>
                """);
        assertThat(werkzeug.message()).isEqualTo("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
        assertThat(werkzeug.code()).isEqualTo("Unsupported Media Type");
        assertThat(ErrorBody.parse("<html><title>400 Bad Request</title><h1>Bad Request</h1><p>Use &#x27;asc&#x27; or &#34;desc&#34; &#0; &#99999999;</p></html>")
                .message()).isEqualTo("Use 'asc' or \"desc\" &#0; &#99999999;");
        // a heading that says something stays the message; a page with no paragraph keeps its title (nginx's)
        assertThat(ErrorBody.parse("<html><title>Error</title><h1>Maintenance until 10:00</h1><p>Sorry.</p></html>").message())
                .isEqualTo("Error: Maintenance until 10:00");
        assertThat(ErrorBody.parse("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr>"
                + "<center>nginx</center></body></html>").message()).isEqualTo("404 Not Found");
        assertThat(ErrorBody.parse("<html><title>400 Bad Request</title><h1>Bad Request</h1><pre>trace</pre></html>").message())
                .isEqualTo("400 Bad Request");
        // elements left unclosed, as HTML allows, are sought in one pass each (a search per opening tag took minutes)
        String unclosed = "<title>400 Bad Request</title><h1>Bad Request</h1>" + "<p>".repeat(10_000) + "<h1>".repeat(10_000);
        org.junit.jupiter.api.Assertions.assertTimeout(java.time.Duration.ofSeconds(15), () -> assertThat(ErrorBody.parse(unclosed).message())
                .isEqualTo("400 Bad Request"));
    }

    @Test
    void a_body_that_is_one_json_string_says_its_text_and_an_error_flag_is_no_code() {
        assertThat(ErrorBody.parse("\"Handles must be lowercase\"").message()).isEqualTo("Handles must be lowercase");
        assertThat(ErrorBody.parse("\"unterminated").message()).isEqualTo("\"unterminated");
        ErrorBody vapor = ErrorBody.parse("{\"error\":true,\"reason\":\"sort is not asc or desc\"}");
        assertThat(vapor.message()).isEqualTo("sort is not asc or desc");
        assertThat(vapor.code()).isNotEqualTo("true");
    }
}
