package dev.reasoningbank.core.failure;

import static dev.reasoningbank.core.failure.RootCause.containsAny;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the {@link ErrorKind} of a failure: from the HTTP status, corrected by what the server said (a
 * 403 whose rate limit is spent is {@code RATE_LIMITED}, a 400 about a removed version is {@code GONE});
 * without an answer, from the root cause of the whole cause chain; else from the messages.
 */
@Internal
public final class ErrorClassifier {

    /** The caller's credential, named: a token of data (a page's, a cursor's, an upload's, an idempotency key's) is none. */
    private static final String DATA_TOKEN = "(?<!\\b(?:" + dev.reasoningbank.core.internal.DataTokens.QUALIFIERS + ") )";
    /** A credential named for what it is, never a token of data. */
    private static final String NAMED_CREDENTIAL = "(?:access token|access[ _]key|api[ _]?key|auth token|bearer token|acl token|csrf token|client secret|secret key|credentials?)";
    private static final String CREDENTIAL = "(?:" + NAMED_CREDENTIAL + "|" + DATA_TOKEN + "token)";
    private static final String LOGIN_PAIR = "\\b(?:username|user name|user|login|e-?mail)\\s*(?:or|and|/)\\s*password\\b";
    private static final String REJECTED = "(?:invalid|invalidated|expired|revoked|compromised|not found|not recognized|unrecognized|not valid|malformed|incorrect|not registered)";
    /**
     * "the access token provided is expired", "invalid or expired API key", "Invalid Application-ID or API key", "ACL token not
     * found": a credential named and rejected.
     */
    private static final java.util.regex.Pattern CREDENTIAL_REJECTED = java.util.regex.Pattern.compile(
            "\\b" + CREDENTIAL + "\\b[^.;,:]{0,25}?\\b" + REJECTED + "\\b|\\b(?:" + REJECTED + "|unknown)\\s+(?:(?:[\\w-]+\\s+){0,2}?(?:or|and)\\s+(?:\\w+\\s+)?)?"
            // "invalid API credentials" (listmonk): the credentials of the API, the user or the account
            + "(?:(?:api|user|account|login|client) )?" + NAMED_CREDENTIAL + "\\b"
            + "(?!\\s(?:name|length|type|format|file|field|id|prefix|label|scope)s?\\b)"
            + "|\\b(?:session has expired|session expired|invalid session|expired session)\\b"
            // Last.fm's "API Key Suspended": a credential the server turned off (not "API key access is disabled for this project")
            + "|\\b" + NAMED_CREDENTIAL + "\\s+(?:is |was |has been )?(?:suspended|disabled|deactivated)\\b"
            // NetBox's "Invalid v2 token", "expired JWT token": a token of the caller's named by its version or kind
            // Codat's "You are using an outdated API key": a key of the caller's, not a token of data or a version
            + "|\\boutdated (?:api[ _]?key|api token|access[ _]?key|access token|auth token)\\b"
            + "|\\b(?:invalid|expired|revoked|malformed|unrecognized)\\s+(?:v\\d{1,2}|api|access|auth|bearer|personal|user|app|bot|oauth2?|jwt|id|refresh)\\s+token\\b"
            // "The API username or key is invalid": a key named beside another part of the caller's credential
            + "|\\b(?:api|access|auth|account|client) [\\w-]{1,20} (?:or|and) key\\b[^.;,:]{0,25}?\\b" + REJECTED + "\\b"
            // the Subsonic API's "Wrong username or password", "username and password are incorrect": a login's pair (a password
            // alone may be data, as in "password is invalid: it needs a digit")
            + "|\\b(?:wrong|bad|" + REJECTED + ")\\s+" + LOGIN_PAIR + "|" + LOGIN_PAIR + "[^.;,:]{0,25}?\\b(?:wrong|" + REJECTED + ")\\b");
    /** "No api_key was supplied", "API key is missing", NASA's API_KEY_MISSING: the caller's credential not sent at all. */
    private static final java.util.regex.Pattern CREDENTIAL_MISSING = java.util.regex.Pattern.compile(
            "\\b(?:no|missing)\\s(?:api[_ ]?key|access[_ ]?token|auth(?:entication)?[_ ]?token|bearer token|credentials?)\\b"
            + "|\\b(?:api[_ ]?key|access[_ ]?token|credentials?)\\s(?:is |are |was |were )?(?:missing|not (?:supplied|provided|sent|given|set))\\b");
    /**
     * Fathom's "This token doesn't have permission to access this endpoint": the caller's own credential said to lack the right,
     * so another one is the fix (a scope the token lacks is the scoped credential's business, and "you do not have permission" names no credential).
     */
    private static final java.util.regex.Pattern CREDENTIAL_LACKS_PERMISSION = java.util.regex.Pattern.compile(
            "(?<!associated with )(?<!\\bof )\\b(?:this|your|the)\\s+(?:provided\\s+|current\\s+)?"
            + "(?:api[ _]?key|api[ _]?token|access[ _]?key|(?:personal\\s+)?access[ _]?token|auth[ _]?token|token)\\s+"
            + "(?:(?:does not|doesn[’']t|lacks)\\s+(?:have\\s+)?(?:the\\s+)?(?:required\\s+|necessary\\s+|sufficient\\s+|enough\\s+)?"
            + "|has\\s+insufficient\\s+)(?:permissions?|rights|privileges)\\b(?![^.;]{0,40}\\bscopes?\\b)");
    /**
     * Bitrix24's WRONG_AUTH_TYPE "Current authorization type is denied for this method": the way the caller authenticates is
     * refused for the method called, so another credential is the fix (an authentication type sent as a value is not).
     */
    private static final java.util.regex.Pattern AUTH_TYPE_REFUSED = java.util.regex.Pattern.compile(
            "\\b(?:authori[sz]ation|authentication|auth) type\\s+(?:is |was )?(?:denied|refused|not allowed|not supported|unsupported|not permitted"
            + "|not accepted)\\s+(?:for|by|on) (?:this|the) (?:method|endpoint|request|operation|resource|api|route|action)\\b"
            + "|\\bwrong auth(?:ori[sz]ation|entication)? type\\b");
    /**
     * Lokalise's "Invalid `X-Api-Token` header", Trafiklab's "access denied for 'key' on 'service'", GOV.UK Notify's "Cannot send
     * letters with a team api key", Clerk's "it's required to also pass the instance secret key in the Clerk-Secret-Key header":
     * the header or the key that carries the caller's credential, refused or asked for.
     */
    private static final java.util.regex.Pattern CREDENTIAL_REFUSED = java.util.regex.Pattern.compile(
            "\\b(?:invalid|malformed|expired|missing|bad)\\s+[`'\"]?(?:x-)?(?:api-?key|api-?token|auth-?token|access-?token|authorization)[`'\"]?\\s+header\\b"
            // the parameter's own name quoted, or the API key (never "access denied for key: 'aws.s3.secret'", a key of data)
            + "|\\baccess denied for (?:the |this |your )?(?:api[ _-]?key\\b|[`'\"](?:api[ _-]?)?key[`'\"])"
            // a key of the wrong kind for the call (not "cannot delete a project with an active API key", nor "a public key": data)
            + "|\\b(?:cannot|can ?not|can['’]t|not allowed to|unable to)\\s+[^.;]{0,40}?\\bwith (?:a|an|this|your|the) "
            + "(?:team|test|sandbox|live|production|restricted|publishable|read-only|readonly|trial)[ -](?:api[ _]?key|key|token|access token)\\b"
            // a credential asked for in the header that carries it (not "provide an API key for the SendGrid integration": data)
            + "|\\b(?:required|needs?|have) to (?:also )?(?:pass|send|provide|include|supply) (?:the |a |an |your )?(?:[\\w-]+ )?"
            + "(?:secret key|api[ _]?key|access token|auth token|client secret) (?:in|as|via|using|with) (?:the |an? )?[\\w-]+ header\\b");
    /** The work a machine does and a call may wait for: an operation, a job, a sync, an import, a build (not a request a person approves). */
    private static final String WORK = "(?:operations?|jobs?|syncs?|synchroni[sz]ations?|imports?|exports?|updates?|upgrades?|migrations?"
            + "|deployments?|refresh(?:es)?|reads?|writes?|builds?|tasks?|backups?|restores?|scans?|runs?|uploads?|transcodes?|queries)";
    /**
     * Codat's "Data cannot be refreshed while a read operation is in progress", "while another update is running": work that will
     * end, and then the call passes (a state that lasts, such as a trial or a meeting in progress, is no work the caller waits for).
     */
    private static final java.util.regex.Pattern WHILE_IN_PROGRESS = java.util.regex.Pattern.compile(
            "\\bwhile\\s+(?:(?:an?|the|another|other|its|this|that)\\s+)?(?:[\\w-]+\\s+){0,2}?" + WORK + "\\s+(?:is|are)\\s+(?:still\\s+)?"
            + "(?:in progress|running|under ?way|being processed)\\b");
    /**
     * Telnyx's "You can have at most 20 pending or in progress jobs", "Too many concurrent exports": a cap on work not finished yet,
     * which frees as the work ends (pending invitations or a parameter's bound do not).
     */
    private static final String UNFINISHED = "(?:(?:pending|queued|concurrent|simultaneous|parallel|in[- ]progress|unfinished|outstanding)\\s+(?:(?:or|and)\\s+|/\\s*)?){1,3}";
    private static final String AT_MOST = "(?:at most|no more than|up to|a maximum of|maximum of|maximum|max)\\s+\\d+\\s+";
    /** A cap said of what the caller has going ("you can have at most…", "too many…", "… allowed"), never a parameter's bound. */
    private static final java.util.regex.Pattern UNFINISHED_WORK_CAP = java.util.regex.Pattern.compile(
            "\\byou (?:can|may) (?:only )?have " + AT_MOST + "(?:" + UNFINISHED + WORK + "|" + WORK + "\\s+(?:pending|queued|in[- ]progress|running))\\b"
            + "|\\btoo many " + UNFINISHED + WORK + "\\b"
            + "|(?:^\\s*(?:" + AT_MOST + ")?|\\b" + AT_MOST + ")" + UNFINISHED + WORK + "\\s+(?:are |is )?allowed\\b");
    /** SignatureAPI's 404 "The deliverable PDF is still being generated": a result that is not made yet, and will be. */
    private static final java.util.regex.Pattern STILL_BEING_MADE = java.util.regex.Pattern.compile(
            "(?<!\\b(?:endpoint|feature|api|page|site|service|product|documentation) )"
            + "\\b(?:is|are|was|were|it['’]s) still (?:being (?:generated|processed|prepared|created|built|computed|rendered|exported|indexed|provisioned)"
            + "|processing|generating)\\b");
    /**
     * ClickHouse's "Authentication failed: password is incorrect or there is no user with such name": the caller's password
     * rejected as it authenticated (a proxy's "password authentication failed for user grafana" names no password of the call).
     */
    private static final java.util.regex.Pattern PASSWORD_REJECTED = java.util.regex.Pattern.compile(
            "(?:^\\s*|exception: [^:]{1,64}: )authentication failed: password is incorrect\\b");
    /**
     * Fly.io's "lease currently held by …", "lock is held by another process", VTEX's 423 "Unable to acquire lock for key: …": a
     * lock another client holds for now.
     */
    private static final java.util.regex.Pattern HELD_LOCK = java.util.regex.Pattern.compile(
            "\\b(?:lease|lock)\\s+(?:is\\s+)?(?:currently\\s+)?held\\s+by\\b|\\blocked by another (?:client|process|session|run|job|operation|transaction)\\b"
            + "|\\b(?:unable to|could not|couldn['’]t|cannot|can ?not|failed to) (?:acquire|obtain|get|take) (?:a |the )?(?:\\w+ )?lock\\b"
            // (a lock refused for a reason that lasts is not one held for now)
            + "(?![^\\n]*\\b(?:archived|read-only|read only|readonly|permission|not allowed|deleted|maximum number|lock limit|too many locks|quota|forbidden|locked by you)\\b)");
    /**
     * AWS's whole "Rate exceeded", VTEX's "Maximum simultaneous scrolls rate exceeded (10)": a rate of calls spent (a sampling, an
     * exchange, a chargeback or a bounce rate above a bound is no throttling).
     */
    private static final java.util.regex.Pattern RATE_EXCEEDED = java.util.regex.Pattern.compile(
            // (first in the message or after its code: Kinesis' LimitExceededException "Rate exceeded for stream s under account …",
            // never "rate exceeded: rate must be at most 100")
            "^\\s*(?:\\d{3}\\s+|\\w*(?:exception|error)\\s+)?rate exceeded\\b(?!\\s*:)"
            + "|\\b(?:requests?|calls?|api|quer(?:y|ies)|scrolls?|sending|send) rate exceeded\\b");
    /**
     * ScreenshotOne's "You reached the request concurrency limit, retry after a while" (code {@code concurrency_limit_reached}):
     * the calls the caller has in flight at their cap, which frees as they end.
     */
    private static final java.util.regex.Pattern CONCURRENCY_SPENT = java.util.regex.Pattern.compile(
            // (the caller's calls, or the whole message or code: never a concurrency a parameter asks for, "concurrency limit exceeded:
            // concurrency must be at most 10", "maxConcurrency exceeded the concurrency limit of your plan", "… the concurrency limit (max 20)")
            "(?:\\byou(?:'ve| have)?\\s+(?:reached|exceeded|hit)\\s+(?:the\\s+|your\\s+)?(?:(?:request|call|api)\\s+)?concurrency limit\\b"
            + "|^(?:(?:request|call|api)\\s+)?concurrency limit (?:reached|exceeded|hit)\\b)(?!\\s*:)(?![^.;\\n]{0,30}\\d)");
    /** "Invalid apiKey." as the whole of a 404 (NIST's NVD): the caller's credential rejected, not a resource missing. */
    private static final java.util.regex.Pattern ONLY_CREDENTIAL_REJECTED = java.util.regex.Pattern.compile(
            "(?:invalid|expired|revoked)\\s+(?:api[ _]?key|access[ _]?token|auth[ _]?token|credentials?)\\s*[.!]?");
    /** "EAPI:Invalid key": a message that ends on a key rejected, no key of data named after it. */
    private static final java.util.regex.Pattern KEY_REJECTED = java.util.regex.Pattern.compile("\\binvalid (?:api )?key\\s*[.!]?\\s*$");
    /**
     * Tyk's 403 "Attempted administrative access with invalid or missing key!", a 403's whole "Invalid key": the caller's key (a key of
     * data is never missing in a 403, nor "a reserved or invalid key", "decrypt payload with invalid key").
     */
    private static final java.util.regex.Pattern ACCESS_KEY_REJECTED = java.util.regex.Pattern.compile(
            "^(?:invalid (?:api )?key|.*\\baccess\\b.*\\b(?:invalid or missing|missing or invalid) (?:api )?key)\\s*[.!]?\\s*$");
    /** Deribit's whole message "invalid_token": an error code in the message's place. */
    private static final java.util.regex.Pattern SNAKE_CASE_CODE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+");
    /** A deadlock, or an error its server classes as transient: the same request passes when sent again. */
    private static final java.util.regex.Pattern TRANSIENT_CONFLICT = java.util.regex.Pattern.compile(
            "\\bdeadlock(?:ed| detected| found)\\b|\\bdeadlockdetected\\b|\\btry restarting transaction\\b|\\btransient ?error\\b");
    /**
     * Binance's 418 "IP banned until 1795779120000", "your account is temporarily blocked … Please wait 5 minutes before trying
     * again": a ban that ends, after too many calls (a ban with no end is none).
     */
    private static final java.util.regex.Pattern BAN_THAT_ENDS = java.util.regex.Pattern.compile(
            // (an end that is a time, a stated wait: never "until further notice", "until you verify", "retry after disconnecting")
            "\\b(?:banned|blocked) until (?:\\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d|tomorrow|midnight)"
            + "|\\btemporarily (?:banned|blocked)\\b[^.]{0,80}[.;,]?[^.]{0,80}\\b(?:wait|try again in|try again after|retry in|retry after)\\s+"
            + "(?:\\d+|an?|one|two|five|ten|fifteen|thirty)\\s*(?:s|secs?|seconds?|mins?|minutes?|hours?)\\b");
    /**
     * MediaWiki's maxlag error ("Waiting for 10.64.48.35: 7 seconds lagged.", its code {@code maxlag}): replicas behind for now, and
     * the call passes later (an invalid value for the maxlag parameter is no lag).
     */
    private static final java.util.regex.Pattern REPLICAS_LAGGING = java.util.regex.Pattern.compile(
            "^maxlag\\s|\\b\\d+(?:\\.\\d+)? seconds? lagged\\b");
    /** AniList's 403 "The AniList API has been temporarily disabled due to severe stability issues": a service off for now. */
    private static final java.util.regex.Pattern SERVICE_OFF_FOR_NOW = java.util.regex.Pattern.compile(
            "\\b(?:api|service|server|endpoint)s? (?:has been|have been|is|are|was) temporarily (?:disabled|unavailable|down|offline|suspended)\\b");
    /** "Service Unavailable", Kraken's "EService:Unavailable": a service that says it is down for now. */
    private static final java.util.regex.Pattern SERVICE_UNAVAILABLE = java.util.regex.Pattern.compile("\\b\\w{0,3}service[:\\s]\\s*unavailable\\b");
    /** "The provided API version 1 is invalid or unsupported" (ngrok): a version the server no longer serves. */
    private static final java.util.regex.Pattern VERSION_UNSUPPORTED = java.util.regex.Pattern.compile(
            "\\bversion\\s(?:\\S{1,20}\\s)?is (?:invalid or )?(?:unsupported|not supported)\\b");
    /** A retired version: "client version 1.30 is too old" (a request's timestamp that is too old is not one). */
    private static final java.util.regex.Pattern VERSION_TOO_OLD = java.util.regex.Pattern.compile("\\bversion\\s(?:\\S{1,20}\\s)?is too old\\b");

    private ErrorClassifier() {}

    public static ErrorKind classify(Throwable error) {
        return FailureReading.of(error, Instant.now()).kind();
    }

    static ErrorKind kindOf(List<Throwable> all, int status, Map<String, String> headers, ErrorBody said, String message, RootCause root) {
        // a message that is only a code ("invalid_token", as OAuth writes one) is read as a code
        String words = SNAKE_CASE_CODE.matcher(message.strip()).matches() ? message.replace('_', ' ') : message;
        String text = (said.code().replace('_', ' ') + " " + words).toLowerCase(Locale.ROOT);
        if (all.stream().anyMatch(Failure.WrongResultException.class::isInstance)) {
            // a result that holds the server's error body (an HTTP 200 with {"result": "error", ...}) is that error, by its words
            if (said.isEmpty()) {
                return ErrorKind.WRONG_RESULT;
            }
            // (the message first: a status phrase kept as the code, "forbidden", says less than "daily request quota exceeded")
            ErrorKind byWords = byMessage(words.toLowerCase(Locale.ROOT));
            byWords = byWords != ErrorKind.UNKNOWN ? byWords : byMessage(text);
            return byWords == ErrorKind.UNKNOWN ? ErrorKind.WRONG_RESULT : byWords;
        }
        if (status > 0) {
            return byAnswer(status, headers, text, words);
        }
        ErrorKind byRoot = byRoot(root);
        if (byRoot != ErrorKind.UNKNOWN) {
            return byRoot;
        }
        for (Throwable t : all) {
            if (t instanceof ToolException te && te.status() > 0) {
                return byStatus(te.status());
            }
        }
        ErrorKind byMessage = byMessage(text);
        if (byMessage != ErrorKind.UNKNOWN) {
            return byMessage;
        }
        for (Throwable t : all) {
            byMessage = byMessage(t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (byMessage != ErrorKind.UNKNOWN) {
                return byMessage;
            }
        }
        return ErrorKind.UNKNOWN;
    }

    /** The kind of an answer: {@code text} is its code and message in lower case, {@code words} the message alone. */
    private static ErrorKind byAnswer(int status, Map<String, String> headers, String text, String words) {
        boolean throttled = ResponseHints.rateLimitSpent(headers) && (status == 403 || status == 429)
                || containsAny(text, "rate limit", "ratelimit", "too many requests", "too many visits", "throttl", "slow down", "reduce your request rate",
                        "request rate", "quota exceeded", "exceeded your quota", "throughputexceeded", "throughput exceeded", "requestlimitexceeded",
                        "request limit exceeded", "request limit reached", "call limit reached") || RATE_EXCEEDED.matcher(text).find()
                || BAN_THAT_ENDS.matcher(text).find() || CONCURRENCY_SPENT.matcher(text).find();
        // (Binance answers an IP banned for a while with 418)
        if (throttled && (status == 400 || status == 403 || status == 418 || status == 429 || status == 503)) {
            return ErrorKind.RATE_LIMITED;
        }
        boolean removed = ResponseHints.deprecated(headers) || ResponseHints.successor(headers, status).isPresent()
                || containsAny(text, "deprecated", "no longer supported", "no longer available", "has been removed", "was removed",
                        "sunset", "decommissioned", "has been retired", "is retired", "end of life", "unsupported api version",
                        "version is not supported", "moved permanently", "minimum supported api version",
                        "minimum supported version", "minimum api version") || VERSION_TOO_OLD.matcher(text).find() || VERSION_UNSUPPORTED.matcher(text).find();
        // (a version header below the minimum is not acceptable: Gusto answers one with 406)
        if (removed && (status == 301 || status == 308 || status == 400 || status == 404 || status == 406 || status == 410 || status == 426)) {
            return ErrorKind.GONE;
        }
        if ((status == 400 || status == 403) && containsAny(text, "invalid grant", "invalid token", "invalid api key", "expired token",
                "token expired", "token has expired", "token is expired", "api key expired", "invalid auth", "not authed", "token revoked",
                "valid api key", "invalid credentials", "bad credentials", "wrong credentials", "incorrect client credentials", "invalid client",

                // AWS answers a bad key with 400 or 403 (its common errors: UnrecognizedClient, InvalidClientTokenId, ExpiredToken)
                "unrecognizedclient", "invalidclienttokenid", "expiredtoken", "security token is invalid", "access key id or security token",
                // Meta's "Error validating access token: ..." (a credential rejected in other words is read below)
                "error validating access token",
                // Imgur's 403 "This method requires authentication": no credential, or none the server takes
                "requires authentication", "authentication required", "authentication is required", "must be authenticated")) {
            return ErrorKind.AUTH;
        }
        // crates.io answers a token it does not know with 403 and only "authentication failed", Canvas Medical's FHIR API with
        // "Authorization failed" under the code "forbidden"
        if (status == 403 && words.strip().toLowerCase(Locale.ROOT).matches("(?:authentication|authori[sz]ation) (?:failed|failure)\\.?")
                || (status == 400 || status == 403) && PASSWORD_REJECTED.matcher(text).find()) {
            return ErrorKind.AUTH;
        }
        if (status == 403 && text.strip().matches("acl not found\\.?")) {
            return ErrorKind.AUTH; // Consul's whole answer when the caller's token is unknown
        }
        if (status == 403 && ACCESS_KEY_REJECTED.matcher(words.strip().toLowerCase(Locale.ROOT)).find()) {
            return ErrorKind.AUTH; // a 403 that ends on the caller's key rejected (a key of data is no right refused)
        }
        if (status == 404 && ONLY_CREDENTIAL_REJECTED.matcher(text.strip()).matches()) {
            return ErrorKind.AUTH;
        }
        if ((status == 400 || status == 403) && (CREDENTIAL_REJECTED.matcher(text).find() || CREDENTIAL_MISSING.matcher(text).find()
                || CREDENTIAL_LACKS_PERMISSION.matcher(text).find() || AUTH_TYPE_REFUSED.matcher(text).find() || CREDENTIAL_REFUSED.matcher(text).find())) {
            return ErrorKind.AUTH; // the caller's credential named and rejected, in words the list above does not hold
        }
        if (status == 403 && text.contains("deprecated") && !containsAny(text, "permission", "role", "scope", "not allowed", "not authorized", "access to",
                "key", "token", "app password", "credential")) {
            return ErrorKind.GONE; // Clerk refuses a deprecated feature with 403 ("updating_user_password_deprecated"), not a right
        }
        if (status >= 500 && containsAny(text, "acl token expired", "acl token not found", "access token expired", "access token has expired",
                "auth token expired", "api token expired")) {
            return ErrorKind.AUTH; // the caller's credential, reported as a server error (Nomad answers an expired ACL token with 500)
        }
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429
                && containsAny(text, "timed out", "a timeout", "timeout when", "timeout while", "timeout occurred")) {
            return ErrorKind.TIMEOUT; // a 4xx that reports a transient timeout behind the server (Stripe's terminal_reader_timeout)
        }
        // a 4xx that is neither the credential's nor a rate limit
        boolean clientError = status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
        // of those, one that names no missing thing, so that work under way is the reading left
        boolean notMissing = clientError && status != 404;
        if (notMissing && UNFINISHED_WORK_CAP.matcher(text).find()) {
            return ErrorKind.RATE_LIMITED; // a cap on work under way, answered as a validation error
        }
        if ((status == 409 || status == 423) && (containsAny(text, "in progress", "try again", "retry later", "currently being", "ongoing",
                "conflicting operation") || HELD_LOCK.matcher(text).find())
                || notMissing && (WHILE_IN_PROGRESS.matcher(text).find() || text.contains("in a transient state"))
                || (status == 400 || status == 409) && containsAny(text, "again later", "not yet ready", "not ready yet")
                || notMissing && status != 408 && containsAny(text, "please try again later")
                || clientError && STILL_BEING_MADE.matcher(text).find()) {
            // work under way that the server says will pass (Azure's AnotherOperationInProgress, Plaid's PRODUCT_NOT_READY,
            // Gitea's 405 "Please try again later" while a pull request is checked, Kafka Connect's "conflicting operation
            // (e.g. worker rebalance)", Fly.io's "lease currently held by …, expires at …": a lock another client holds for now,
            // SignatureAPI's 404 for a PDF "still being generated", Scaleway's 409 "resource is in a transient state", Codat's 400
            // "cannot be refreshed while a read operation is in progress")
            return ErrorKind.SERVER_ERROR;
        }
        if ((status == 400 || status == 403) && SERVICE_OFF_FOR_NOW.matcher(text).find()) {
            return ErrorKind.SERVER_ERROR; // answered with 403 by AniList: nothing the caller holds is refused
        }
        if (status != 401 && status != 403 && status != 404 && status != 429 && passesWhenSentAgain(text)) {
            // a transaction that lost a lock race passes when run again (PostgreSQL's "deadlock detected", MySQL's "Deadlock
            // found when trying to get lock; try restarting transaction", Neo4j's Neo.TransientError.* codes), and so does a
            // read that waited for lagging replicas (MediaWiki's maxlag)
            return ErrorKind.SERVER_ERROR;
        }
        if (status == 404 && VALIDATION_FAILED.matcher(text).find()) {
            return ErrorKind.VALIDATION; // Symfony answers a query string that fails validation with 404 (#[MapQueryString]'s default)
        }
        ErrorKind kind = byStatus(status);
        return kind == ErrorKind.UNKNOWN ? byMessage(text) : kind;
    }

    /** A body that says validation failed: its title or message, or a problem type named for it ({@code …/errors/validation}). */
    private static final java.util.regex.Pattern VALIDATION_FAILED = java.util.regex.Pattern.compile("\\bvalidation failed\\b|\\bfailed validation\\b|/errors?/validation\\b");

    /** A deadlock, an error its server classes as transient, or replicas lagging: the same request passes when sent again. */
    private static boolean passesWhenSentAgain(String text) {
        return TRANSIENT_CONFLICT.matcher(text).find() || REPLICAS_LAGGING.matcher(text).find();
    }

    private static ErrorKind byRoot(RootCause root) {
        return switch (root) {
            case UNKNOWN_HOST -> ErrorKind.UNKNOWN_HOST;
            case CONNECTION_REFUSED, NO_ROUTE, CONNECT_TIMEOUT, TLS -> ErrorKind.HOST_DOWN;
            case TIMEOUT -> ErrorKind.TIMEOUT;
            case CONNECTION_RESET -> ErrorKind.SERVER_ERROR;
            case NONE -> ErrorKind.UNKNOWN;
        };
    }

    /** The kind an HTTP status stands for. */
    public static ErrorKind byStatus(int status) {
        return switch (status) {
            case 401, 407 -> ErrorKind.AUTH;
            case 402, 403 -> ErrorKind.FORBIDDEN;
            case 404, 410 -> ErrorKind.GONE;
            case 408, 504 -> ErrorKind.TIMEOUT;
            case 429 -> ErrorKind.RATE_LIMITED;
            // a conflict that is not work under way (a name in use), a failed precondition (a stale ETag) and a body too large
            // are answered the same way every time
            case 400, 406, 409, 412, 413, 415, 422 -> ErrorKind.VALIDATION;
            default -> status >= 500 ? ErrorKind.SERVER_ERROR : ErrorKind.UNKNOWN;
        };
    }

    /** The kind a message names; {@code m} in lower case, codes' underscores as spaces. */
    private static ErrorKind byMessage(String m) {
        if (CREDENTIAL_REJECTED.matcher(m).find() || KEY_REJECTED.matcher(m).find() || containsAny(m, "expired", "unauthorized", "unauthorised", "invalid api key", "invalid token", "authentication",
                "invalid auth", "not authed", "token revoked", "invalid credentials", "invalid grant", "bad credentials",
                "incorrect client credentials", "valid api key")) {
            return ErrorKind.AUTH;
        }
        if (containsAny(m, "forbidden", "insufficient scope", "missing scope", "permission denied", "not permitted", "access denied")) {
            return ErrorKind.FORBIDDEN;
        }
        if (passesWhenSentAgain(m)) {
            return ErrorKind.SERVER_ERROR;
        }
        if (containsAny(m, "rate limit", "ratelimited", "too many requests", "too many visits", "quota exceeded", "throttl")
                || m.matches(".*\\b(?:sending|requests?|calls?|messages?)\\b.{0,40}\\bfaster than\\b.{0,40}\\blimit\\b.*")) {
            // Vonage: "You are sending SMS faster than the account limit"
            return ErrorKind.RATE_LIMITED;
        }
        if (containsAny(m, "connection refused", "host is down", "unreachable", "no route to host")) {
            return ErrorKind.HOST_DOWN;
        }
        if (containsAny(m, "unknown host", "name or service not known", "nodename nor servname", "could not resolve")) {
            return ErrorKind.UNKNOWN_HOST;
        }
        if (containsAny(m, "timed out", "timeout")) {
            return ErrorKind.TIMEOUT;
        }
        if (containsAny(m, "deprecated", "no longer available", "gone", "not found", "no longer supported")) {
            return ErrorKind.GONE;
        }
        if (containsAny(m, "invalid", "must be", "should be between", "should be at most", "should be at least", "should be less",
                "should be greater", "should be one of", "should be a valid", "should be in", "expected format", "required", "malformed", "out of range", "out of acceptable range")) {
            return ErrorKind.VALIDATION;
        }
        if (SERVICE_UNAVAILABLE.matcher(m).find() || containsAny(m, "internal server error", "internal error", "bad gateway", "server error")) {
            return ErrorKind.SERVER_ERROR;
        }
        return ErrorKind.UNKNOWN;
    }
}
