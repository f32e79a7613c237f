package dev.reasoningbank.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "400 | The access token provided is expired | AUTH",
        "403 | invalid or expired session | AUTH",
        "403 | Unknown API key supplied | AUTH",
        "400 | credentials not recognized for this account | AUTH",
        "403 | ACL token not found | AUTH",
        "500 | ACL token expired | AUTH",
        "403 | ACL not found | AUTH",
        "403 | Invalid Application-ID or API key | AUTH",
        "403 | Invalid v3 token | AUTH",
        "400 | expired JWT token | AUTH",
        "400 | Invalid sort token | VALIDATION",
        "400 | invalid request id or api version | VALIDATION",
        "403 | ACL policy not found | FORBIDDEN",
        "400 | Invalid name for API key | VALIDATION",
        "400 | Invalid JSON in credentials file | VALIDATION",
        "400 | invalid expiry or api key name | VALIDATION",
        "400 | Network ACL not found | VALIDATION",
        "403 | Kafka ACL not found | FORBIDDEN",
        "400 | Unexpected token } in JSON at position 12 | VALIDATION",
        "400 | password must contain at least 8 characters | VALIDATION",
        "403 | token lacks the repo scope | FORBIDDEN",
        "404 | token not found | GONE",
        "403 | wrong credentials: access denied | AUTH",
        // Symfony answers a query string that fails validation with 404
        "404 | Validation Failed: limit: This value should be less than or equal to 100. | VALIDATION",
        "404 | No route found for GET /orders/validation | GONE",
        "404 | Invalid apiKey. | AUTH",
        "404 | Invalid token. | GONE",
        // a version header below the minimum the message names is a retired version; a version in the wrong form is not
        "406 | Invalid API Version `2022-09-15`. Version must be >= your application's minimum API version `2022-11-01` and not in the future. | GONE",
        "406 | Invalid API Version `2023`. Expected format: YYYY-MM-DD | VALIDATION",
        "404 | API key not found | GONE",
        "404 | Invalid token for this webhook | GONE",
        "400 | Invalid page token | VALIDATION",
        "400 | The continuation token is invalid or expired | VALIDATION",
        "400 | unknown session parameter 'foo' | VALIDATION",
        "400 | Tokenizer error: unknown token 'xyz' | VALIDATION",
        "400 | Bad token count | VALIDATION",
        "500 | cache token expired | SERVER_ERROR",
        "400 | The request timestamp is too old | VALIDATION",
        "400 | client version 1.30 is too old. Minimum supported API version is 1.40 | GONE",
        "403 | You are not permitted to view the requested resource. The API username or key is invalid. | AUTH",
        // an answer of 200 whose body holds the error (Kraken's {"error":["EAPI:Invalid key"]}) is read by its words
        "200 | EAPI:Invalid key | AUTH",
        "200 | EService:Unavailable | SERVER_ERROR",
        "200 | EGeneral:Invalid key: must not contain a slash | VALIDATION",
        "400 | Invalid key path in the JSON document | VALIDATION",
        "403 | No api_key was supplied. Get one at https://api.nasa.gov:443 | AUTH",
        "400 | API key is missing | AUTH",
        "400 | No data for the given key | VALIDATION",
        "200 | You are sending SMS faster than the account limit. | RATE_LIMITED",
        "200 | The upload finished faster than expected | UNKNOWN",
        "403 | authentication failed | AUTH",
        "403 | Authorization failed | AUTH",
        "403 | Authorization failed for project acme: missing role | FORBIDDEN",
        // the header or the key that carries the caller's credential, refused or asked for (and a header or a key as data is not)
        "400 | Invalid `X-Api-Token` header | AUTH",
        "400 | Invalid Authorization header | AUTH",
        "400 | Invalid X-Request-Id header | VALIDATION",
        "403 | access denied for 'key' on 'service' | AUTH",
        "403 | access denied for user on project | FORBIDDEN",
        "403 | Access denied for key: 'aws.s3.secret_access_key' | FORBIDDEN",
        "403 | Access denied for key 'reports/2024/q1.csv' | FORBIDDEN",
        "400 | Cannot add a deploy key with a public key that is already in use | VALIDATION",
        "400 | You need to provide an API key for the SendGrid integration | VALIDATION",
        "403 | Invalid API key. Passing API keys as query parameters is deprecated. | AUTH",
        "403 | You do not have permission to access this project. The Reporter role is deprecated. | FORBIDDEN",
        "403 | The API key you are using is deprecated | FORBIDDEN",
        "403 | App passwords are deprecated | FORBIDDEN",
        "403 | Cannot send letters with a team api key | AUTH",
        "400 | Cannot delete a project with an active API key | VALIDATION",
        "400 | When using a proxy, it's required to also pass the instance secret key in the Clerk-Secret-Key header. | AUTH",
        "400 | It is required to pass the amount in cents | VALIDATION",
        // a feature refused as deprecated is gone, whatever the status says; a 403 that names no retirement is not
        "403 | updating_user_password_deprecated | GONE",
        "403 | You cannot update this user | FORBIDDEN",
        "400 | Datasource test: authentication failed | VALIDATION",
        "403 | password authentication failed for user grafana | FORBIDDEN",
        "403 | Code: 516. DB::Exception: default: Authentication failed: password is incorrect or there is no user with such name. | AUTH",
        "403 | Authentication failed: the account is locked | FORBIDDEN",
        "400 | Authentication failed: password is incorrect | AUTH",
        "400 | Datasource test: Authentication failed: password is incorrect | VALIDATION",
        "400 | Authentication failed: the password is invalid. It must contain at least 12 characters | VALIDATION",
        "400 | Password change failed: password is incorrect | VALIDATION",
        "400 | Push token not registered | VALIDATION",
        "400 | The webhook token was invalidated | VALIDATION",
        "200 | the measured speed is faster than the limit | UNKNOWN",
        "403 | invalid API credentials | AUTH",
        "400 | Bad Request.  The value for variable api_key is not registered. | AUTH",
        "400 | Bad Request.  Variable api_key is not set. | AUTH",
        "400 | Variable limit is not set. | VALIDATION",
        "400 | Invalid refresh token | AUTH",
        "400 | Invalid page token | VALIDATION",
        "400 | invalid API credentials file format | VALIDATION",
        "400 | {\"error_id\":406,\"error_message\":\"Access token sent over non-HTTPS request, it has been invalidated\",\"error_name\":\"access_token_compromised\"} | AUTH",
        "400 | {\"error_id\":502,\"error_message\":\"Violation of backoff parameter\",\"error_name\":\"throttle_violation\"} | RATE_LIMITED",
        "400 | The upload token was invalidated | VALIDATION",
        "409 | Cannot complete request because of a conflicting operation (e.g. worker rebalance) | SERVER_ERROR",
        "409 | A connector with a conflicting name exists | VALIDATION",
        "409 | machine ID 3d8d413b29d089 lease currently held by hello@fly.io, expires at 2022-10-20 19:59:06 +0000 UTC | SERVER_ERROR",
        "409 | The domain is currently held by another registrant | VALIDATION",
        "409 | Registrar lock is held on this domain; remove it to transfer | VALIDATION",
        "409 | The lock is currently held by another process | SERVER_ERROR",
        // a lock the server could not take for now (VTEX's 423); an account or a record locked for good is not
        "423 | Unable to acquire lock for key: mystore_item_logistics_1070_1_1. | SERVER_ERROR",
        "409 | Could not obtain a row lock on the order, it is being edited | SERVER_ERROR",
        "423 | The account is locked | UNKNOWN",
        "409 | Unable to delete the lock: it belongs to another user | VALIDATION",
        "409 | Unable to acquire lock: the project is archived and read-only | VALIDATION",
        "423 | Could not obtain a lock: you do not have permission to lock this file | UNKNOWN",
        "409 | Failed to acquire lock: maximum number of locks (100) reached for this repository | VALIDATION",
        "409 | Cannot acquire a lock on a deleted document | VALIDATION",
        "409 | Failed to acquire lock within time limit, please retry | SERVER_ERROR",
        "423 | failed to acquire lock, maximum retry reached for userID 42 | SERVER_ERROR",
        // a rate of calls spent (AWS's "Rate exceeded", VTEX's scrolls), never an exchange, an error or a bounce rate
        "400 | Rate exceeded | RATE_LIMITED",
        "400 | Maximum simultaneous scrolls rate exceeded (10) | RATE_LIMITED",
        "400 | Exchange rate exceeded the allowed deviation | VALIDATION",
        "400 | Bounce rate exceeded; sending is paused for this account | VALIDATION",
        "400 | Sampling rate exceeded: sample_rate must be at most 48000 | VALIDATION",
        "400 | rate exceeded: rate must be at most 100 | VALIDATION",
        "400 | Exchange-rate exceeded the allowed deviation | VALIDATION",
        "403 | Chargeback rate exceeded. Your merchant account has been suspended. | FORBIDDEN",
        "400 | Withdrawal rate exceeded: daily withdrawal limit reached | VALIDATION",
        "429 | API rate exceeded | RATE_LIMITED",
        "400 | {\"__type\":\"LimitExceededException\",\"message\":\"Rate exceeded for stream s under account 123456789012.\"} | RATE_LIMITED",
        "400 | Chargeback rate exceeded the allowed threshold | VALIDATION",
        // a ban that ends (Binance's 418 after too many calls, Market Data's short block); one with no end is not waited out
        "418 | Way too much request weight used; IP banned until 1795779120000. Please use WebSocket Streams for live updates to avoid bans. | RATE_LIMITED",
        "403 | Access denied. Your IP address has changed, and your account is temporarily blocked for security reasons. Please wait 5 minutes before trying again. | RATE_LIMITED",
        "403 | Your account is permanently banned | FORBIDDEN",
        "403 | Your account will remain blocked until further notice. If you believe this is a mistake, please contact our support team. | FORBIDDEN",
        "400 | Printing is blocked until both po_number and lot_number are supplied. | VALIDATION",
        "403 | Password resets are blocked until you verify a new email address. | FORBIDDEN",
        "403 | The network you are connected to has been temporarily blocked because of suspicious activity. If you are connected to a VPN, retry after disconnecting from it. | FORBIDDEN",
        "403 | Your IP has been temporarily blocked. Try again in 10 minutes. | RATE_LIMITED",
        "403 | This user is temporarily blocked by an administrator | FORBIDDEN",
        "418 | I'm a teapot | UNKNOWN",
        // replicas behind for now (MediaWiki's maxlag, answered with 200); a lag that is data is not
        "200 | Waiting for 10.64.48.35: 7 seconds lagged. | SERVER_ERROR",
        "400 | The replica cannot be promoted: replication lag is 40 seconds | VALIDATION",
        "200 | the video lagged behind the audio | UNKNOWN",
        "400 | {\"error\":{\"code\":\"badinteger\",\"info\":\"Invalid value \\\"five\\\" for integer parameter \\\"maxlag\\\".\"}} | VALIDATION",
        "200 | {\"error\":{\"code\":\"maxlag\",\"info\":\"Waiting for db1: 7 seconds lagged.\"}} | SERVER_ERROR",
        "422 | maxlag must be less than (nobs/2 - 1 - ntrend) | VALIDATION",
        // a call made without the credential it needs (Imgur's 403); a service switched off for now (AniList's 403), not a feature
        "403 | This method requires authentication | AUTH",
        "403 | The AniList API has been temporarily disabled due to severe stability issues. Please check the official AniList Discord for more information. | SERVER_ERROR",
        "403 | This feature is temporarily disabled for your account | FORBIDDEN",
        "403 | Exports are temporarily disabled by your administrator | FORBIDDEN",
        // a key the server suspended or disabled is the caller's credential rejected; keys turned off for a whole project are not
        "403 | API Key Suspended - This application is not allowed to make requests to the web services | AUTH",
        "403 | This API key has been disabled. | AUTH",
        "403 | API keys are disabled for this project | FORBIDDEN",
        "403 | API key access is disabled for this project | FORBIDDEN",
        "403 | Access key creation is disabled for this account | FORBIDDEN",
        "403 | User or password disabled | FORBIDDEN",
        "403 | The account is suspended | FORBIDDEN",
        // a transaction that lost a lock race is run again; a report about deadlocks that does not exist is not
        "409 | Deadlock found when trying to get lock; try restarting transaction | SERVER_ERROR",
        "400 | ERROR: deadlock detected | SERVER_ERROR",
        "200 | [Neo.TransientError.Transaction.DeadlockDetected] ForsetiClient[transactionId=48108] can't acquire ExclusiveLock | SERVER_ERROR",
        "404 | deadlock report 7 not found | GONE",
        "400 | deadlock_timeout must be a positive integer | VALIDATION",
        "200 | deadlock report 7 not found | GONE",
        "400 | Transaction (Process ID 52) was deadlocked on lock resources with another process. Rerun the transaction. | SERVER_ERROR",
        "400 | the transient flag must be a boolean | VALIDATION",
        "400 | Wrong username or password | AUTH",
        "400 | The username and password you entered are incorrect | AUTH",
        "400 | Wrong password format: it needs a digit | VALIDATION",
        "400 | The new password is invalid | VALIDATION",
        "200 | Invalid access_key. | AUTH",
        "400 | Invalid access_key format | VALIDATION",
        "400 | The provided API version 1 is invalid or unsupported. Supported versions: 2. | GONE",
        "400 | The value 1 is invalid or unsupported | VALIDATION",
        "200 | Amount should be between 0 and 999999999 | VALIDATION",
        "200 | The export should be ready in a minute | UNKNOWN",
        // the caller's own token said to lack the right; a user or a scope that lacks it is not the credential's fault
        "400 | This token doesn't have permission to access this endpoint | AUTH",
        "403 | Your API key does not have the required permissions for this resource | AUTH",
        "403 | You do not have permission to access this endpoint | FORBIDDEN",
        "403 | The token does not have the required scope: read_orders | FORBIDDEN",
        "400 | This page token doesn't have permission fields | VALIDATION",
        "403 | This API token does not have permission to read this zone | AUTH",
        "403 | Your personal access token doesn't have enough permissions | AUTH",
        "403 | The provided API key has insufficient permissions | AUTH",
        "403 | The token does not have permissions for this scope: read_orders | FORBIDDEN",
        "403 | The user associated with this token does not have permission | FORBIDDEN",
        "400 | The key does not have permission to encrypt | VALIDATION",
        // an error code in the message's place (Deribit's JSON-RPC "invalid_token") is read as a code
        "400 | invalid_token | AUTH",
        "400 | invalid_cursor | VALIDATION",
        "400 | oauth2_invalid_token | AUTH",
        // a result not made yet is fetched again; one that does not exist, or a value said to be in progress of change, is not
        "404 | The deliverable PDF is still being generated. Please check back in a few minutes. | SERVER_ERROR",
        "400 | The report is still being processed | SERVER_ERROR",
        "404 | Report not found | GONE",
        "403 | The file is still being generated | FORBIDDEN",
        "404 | The report is still processing | SERVER_ERROR",
        "404 | It's still being generated | SERVER_ERROR",
        "404 | This endpoint is still being built | GONE",
        // an outdated key is the caller's; an outdated value of data is not
        "403 | You are using an outdated API key or a key not associated with that resource. | AUTH",
        "400 | The outdated token was replaced; sign in again | VALIDATION",
        "400 | The quote is outdated | VALIDATION",
        "400 | The change token is outdated | VALIDATION",
        "400 | The concurrency token is outdated; reload the record | VALIDATION",
        "400 | Your API key is pinned to an outdated API version | VALIDATION",
        // the kind of credential refused is the credential's fault; a type of something else is not
        "403 | Current authorization type is denied for this method Application context required | AUTH",
        "403 | Authentication type not supported for this endpoint | AUTH",
        "400 | Document type is not supported | VALIDATION",
        "400 | Token type 'ERC1155' is not supported | VALIDATION",
        "400 | The token type bank_account is not supported for this endpoint | VALIDATION",
        "400 | Authentication type OAUTH1 is not supported; supported values are basic, oauth2 | VALIDATION",
        "403 | Access to this board type is denied | FORBIDDEN",
        // work under way that will end: a resource in a transient state, a call refused while another runs
        "409 | resource is in a transient state | SERVER_ERROR",
        "400 | Data cannot be refreshed while a read operation is in progress. Allow the read to complete before attempting to refresh. | SERVER_ERROR",
        "422 | The run cannot be cancelled while the deployment is still in progress | SERVER_ERROR",
        "400 | The transient state flag must be a boolean | VALIDATION",
        "400 | Resource is in a transient state, try later | SERVER_ERROR",
        "400 | Cannot update the cluster while another update is running | SERVER_ERROR",
        "400 | You cannot change the plan while a trial is in progress | VALIDATION",
        "400 | Meeting cannot be deleted while the meeting is in progress | VALIDATION",
        "422 | Cannot delete the customer while a subscription is ongoing | VALIDATION",
        "404 | Job not found while the export is in progress | GONE",
        "400 | Progress must be between 0 and 100 | VALIDATION",
        // a cap on work not finished frees as it finishes; a cap on what stays (active webhooks, items of a page) does not
        "422 | You can have at most 20 pending or in progress jobs | RATE_LIMITED",
        "400 | No more than 5 concurrent exports are allowed | RATE_LIMITED",
        "422 | You can have at most 10 active webhooks | VALIDATION",
        "422 | You can have at most 5 pending invitations | VALIDATION",
        "422 | You can have up to 3 outstanding invoices in draft | VALIDATION",
        "400 | max_concurrency must be no more than 40 parallel iterations | VALIDATION",
        "422 | Maximum 20 pending jobs allowed | RATE_LIMITED",
        "422 | You can have at most 20 jobs pending or in progress | RATE_LIMITED",
        "400 | Too many concurrent exports (limit 5) | RATE_LIMITED",
        "400 | Value for max_concurrent_runs exceeds the maximum of 1000 concurrent runs | VALIDATION",
        "400 | concurrency: maximum of 10 parallel tasks | VALIDATION",
        "422 | Invalid value for parallelism: up to 16 concurrent tasks are supported | VALIDATION",
        "400 | You have too many pending requests | VALIDATION",
        "404 | You can have at most 5 pending runs | GONE",
        "400 | Cannot create a new access request while another request is pending | VALIDATION",
        "409 | Cannot merge while the merge request is pending approval | VALIDATION",
        "400 | You cannot upgrade while a plan upgrade is pending | VALIDATION",
        "400 | The data source uses outdated credentials; update the connection | VALIDATION",
        "400 | limit must be at most 100 items | VALIDATION",
        "403 | You can have at most 3 queued builds on this plan | FORBIDDEN",
        // Tyk's 403 ends on the caller's key rejected; a key of data refused is no credential
        "403 | Attempted administrative access with invalid or missing key! | AUTH",
        "403 | Invalid key | AUTH",
        "403 | Access to this key is forbidden | FORBIDDEN",
        "400 | Missing or invalid key | VALIDATION",
        // calls in flight at their cap free as they end (ScreenshotOne); a concurrency a parameter asks for is no cap reached
        "400 | You reached the request concurrency limit, retry after a while. Or feel free to upgrade your current plan | RATE_LIMITED",
        "429 | Concurrency limit exceeded | RATE_LIMITED",
        "400 | concurrency limit must be between 1 and 10 | VALIDATION",
        "400 | The concurrency limit of a queue cannot be negative | VALIDATION",
        "400 | concurrency limit exceeded: concurrency must be at most 10 | VALIDATION",
        "400 | Requested concurrency 50 exceeded the concurrency limit of 10 for this queue | VALIDATION",
        "400 | Value for concurrency exceeded the concurrency limit (max 20) | VALIDATION",
        "403 | Cannot write to a reserved or invalid key | FORBIDDEN",
        "403 | Unable to decrypt payload with invalid key | FORBIDDEN",
        "403 | The JSON contains a missing or invalid key | FORBIDDEN",
        "400 | Requested max_concurrency exceeded the concurrency limit for your plan | VALIDATION",
        "400 | maxConcurrency exceeded the concurrency limit of your plan | VALIDATION",
        "400 | Cannot set concurrency: exceeded the concurrency limit | VALIDATION",
    })
    void a_rejected_credential_is_told_from_other_failures_however_it_is_worded(int status, String message, ErrorKind kind) {
        assertThat(ErrorClassifier.classify(ToolException.http(status, message, "api.example.com"))).isEqualTo(kind);
    }

    @Test
    void a_result_that_holds_a_servers_error_body_is_that_error_and_any_other_wrong_result_stays_one() {
        ToolCall call = ToolCall.of("subsonic_get_album_list", Map.of("u", "admin", "p", "hunter2"));
        String subsonic = "<subsonic-response status=\"failed\" version=\"1.16.1\"><error code=\"40\" message=\"Wrong username or password\"/></subsonic-response>";
        Verdict verdict = OutcomeJudge.ruleBased().judge(call, subsonic);
        assertThat(Failure.wrongResult(call, verdict.reason()).kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(Failure.wrongResult(call, "the answer is about Paris, Texas, not Paris, France").kind()).isEqualTo(ErrorKind.WRONG_RESULT);
        // a status phrase that gives way to the text beside it still says what failed
        assertThat(Failure.wrongResult(call, "the result reports an error: {\"status\":401,\"message\":\"Unauthorized\","
                + "\"description\":\"The request requires a valid access token\"}").kind()).isEqualTo(ErrorKind.AUTH);
        // and the text beside it, when it says more, says what
        assertThat(Failure.wrongResult(call, "the result reports an error: {\"status\":403,\"message\":\"Forbidden\","
                + "\"description\":\"Daily request quota exceeded; try again tomorrow\"}").kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(Failure.wrongResult(call, "the result reports an error: {\"result\":\"error\",\"message\":\"Archive is not ready\"}").kind())
                .isEqualTo(ErrorKind.WRONG_RESULT);
    }

    @Test
    void a_deadlock_answered_with_200_is_a_transient_server_error_and_a_transaction_that_is_simply_invalid_is_not() {
        ToolCall call = ToolCall.of("neo4j_run_cypher", Map.of("statements", "MATCH (n) SET n.seen = true"));
        String deadlock = "{\"results\":[],\"errors\":[{\"code\":\"Neo.TransientError.Transaction.DeadlockDetected\","
                + "\"message\":\"ForsetiClient[transactionId=48108] can't acquire ExclusiveLock on NODE(23891)\"}]}";
        String syntax = "{\"results\":[],\"errors\":[{\"code\":\"Neo.ClientError.Statement.SyntaxError\","
                + "\"message\":\"Invalid input 'SE': expected 'SET'\"}]}";

        assertThat(Failure.wrongResult(call, OutcomeJudge.ruleBased().judge(call, deadlock).reason()).kind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(Failure.wrongResult(call, OutcomeJudge.ruleBased().judge(call, syntax).reason()).kind()).isEqualTo(ErrorKind.VALIDATION);
    }
}
