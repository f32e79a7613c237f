package dev.reasoningbank.core.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.reasoningbank.core.internal.MediaTypes;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from untrusted text (error messages, stack traces, tool arguments) before it is
 * stored, logged or sent to a model. A removed value reads {@code [REDACTED:<kind>]}.
 *
 * <p>It finds API keys by their well-known prefixes, bearer tokens, JWTs, private-key blocks,
 * passwords in URLs, secret query parameters and {@code key=}/{@code token:}-style values, plus any
 * literal value it was told is secret (e.g. the rejected argument). It scans the text in one pass with
 * no regular expression, so it runs in linear time even on hostile input.
 */
public final class Redactor {

    /** The marker that replaces a secret of the given kind. */
    public static String marker(String kind) {
        return "[REDACTED:" + kind + "]";
    }

    private static final List<String> KEY_PREFIXES = List.of(
            "sk-", "sk_live_", "sk_test_", "rk_live_", "AKIA", "ASIA", "ghp_", "gho_", "ghs_", "ghu_",
            "github_pat_", "glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-", "xoxb-", "xoxp-", "xoxa-", "xoxs-", "xoxo-", "xoxr-", "xoxe-", "xoxe.", "xapp-", "AIza", "hf_", "rk_test_", "sk-proj-", "shpss_", "shpat_", "shppa_", "shpca_", "dop_v1_", "dor_v1_", "doo_v1_",
            "glsa_", "lin_api_", "dp.pt.", "dt0c01.", "SG.", "HRKU-", "AGE-SECRET-KEY-", "npm_", "pypi-", "whsec_", "ya29.", "bedrock-api-key-", "ABSK");
    private static final int SHORTEST_KEY = KEY_PREFIXES.stream().mapToInt(String::length).min().orElse(0) + 12;
    private static final java.util.regex.Pattern SNAKE_CASE = java.util.regex.Pattern.compile("[a-z]{2,20}(?:_[a-z]{2,20}){1,8}");
    /** Keys whose prefix is too short to go by alone, known by their whole shape: a Twilio API key ({@code SK} and 32 hex digits). */
    private static final java.util.regex.Pattern KEY_SHAPES = java.util.regex.Pattern.compile("SK[0-9a-fA-F]{32}");
    private static final Set<String> SECRET_NAMES = Set.of(
            "key", "auth", "authorization", "credential", "credentials", "signature", "sig", "sessionid", "session", "cookie",
            "setcookie", "proxyauthorization", "appid", "passphrase", "pin", "passcode", "otp", "totp", "hotp", "jwt", "pass", "connectsid",
            // Matomo's token_auth: a token named before what it is for
            "tokenauth");
    /** Names of a reference to a secret kept elsewhere (Helm charts, Kubernetes): {@code existingSecret}, {@code passwordSecretKey}. */
    private static final List<String> SECRET_REFERENCES = List.of("existingsecret", "secretref", "secretkeyref", "secretname", "secretkeyname",
            "passwordsecretkey", "existingsecretkey");
    private static final List<String> SECRET_NAME_ENDINGS = List.of(
            "apikey", "appkey", "clientid", "appid", "applicationid", "accountkey", "accesskey", "accesskeyid", "accessid", "secretkey", "privatekey", "privatekeyid", "subscriptionkey", "token", "jwt", "secret", "password", "passwd", "pwd", "psk",
            "passphrase", "cvv", "cvc", "cvv2", "cvc2", "signature", "session", "sessionid", "sessid", "bindpw");
    /** Whose Authorization header an {@code X-…-Authorization} is ({@code X-Tyk-Authorization}); {@code X-Skip-Authorization} is a flag. */
    private static final Set<String> AUTHORIZATION_OWNERS = Set.of("tyk", "proxy", "api", "app", "client", "service", "gateway", "admin", "upstream",
            "forwarded", "original", "remote");
    /** Words of a listing's position: a token named with one is where the next page starts. */
    private static final List<String> LISTING_WORDS = List.of("page", "continuation", "cursor", "pagination", "resume", "sync");

    /** {@code nexttoken}, {@code nextcontinuationtoken}, {@code pagetoken} (squashed names): a position in a listing. */
    private static boolean isListingToken(String squashedName) {
        return squashedName.endsWith("token") && (squashedName.equals("nexttoken") || LISTING_WORDS.stream().anyMatch(squashedName::contains));
    }
    /** Keys of data, not of locks: a value after these names is not a secret. */
    private static final Set<String> DATA_KEYS = Set.of("sort", "partition", "primary", "foreign", "cache", "idempotency", "public", "row",
            "hash", "range", "object", "routing", "lookup", "dedup", "deduplication", "composite", "unique", "index", "map", "group",
            "message", "event", "entity", "record", "item", "cursor", "page", "shard", "bucket", "registry", "translation", "i18n", "form");
    /** Names of identifiers: the value after them names a thing (a user, a request), it does not open a lock. */
    private static final Set<String> ID_NAMES = Set.of("uid", "id", "userid", "requestid", "traceid", "spanid", "correlationid",
            "accountid", "projectid", "orgid", "organizationid", "messageid", "releaseid", "commit", "sha", "digest", "etag", "version", "nonce", "opaque", "ref", "user", "username", "role",
            "organization", "org", "workspace", "project", "tenant", "team",
            // a JSON Web Key's id, an OAuth request's state and PKCE challenge, a transaction's hash: public by design
            "kid", "state", "codechallenge", "tx", "txid", "txhash", "transaction", "transactionhash");
    private static final java.util.regex.Pattern HYPHENATED_WORDS = java.util.regex.Pattern.compile("[a-z]{2,12}(?:-[a-z]{2,12}){1,3}[.,;:]?");
    private static final java.util.regex.Pattern FIELD_OF_WORDS = java.util.regex.Pattern.compile("[a-z_]{2,30}=(?:[A-Z_]{2,30}|[a-z]{2,20})[.,;]?");
    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "token", "digest", "apikey", "negotiate", "ntlm", "hoba");
    /** Parameters of an authentication challenge ({@code Bearer realm="api", error="invalid_token"}): names, not tokens. */
    private static final Set<String> CHALLENGE_PARAMETERS = Set.of(
            "realm=", "scope=", "error=", "error_description=", "error_uri=", "charset=", "resource_metadata=", "algorithm=", "nonce=",
            "username="); // Digest username="admin", ... response="…": the response is taken by its own rule
    /** Where a URL's path is its credential: chat webhooks (any version of Discord's API) and Telegram's bot URLs. */
    private static final java.util.regex.Pattern CAPABILITY_URL = java.util.regex.Pattern.compile("(?i)hooks\\.slack\\.com/(?:services|workflows|triggers)/"
            + "|\\.webhook\\.office\\.com/webhookb2/|outlook\\.office\\.com/webhook/|discord(?:app)?\\.com/api/(?:v\\d{1,2}/)?webhooks/"
            + "|hooks\\.zapier\\.com/hooks/catch/|api\\.telegram\\.org/(?:file/)?bot");
    private static final int MIN_LITERAL = 4;
    private static final int MAX_NAME = 64;

    private static final Redactor STANDARD = new Redactor(List.of());

    private final List<String> literals;

    private Redactor(List<String> literals) {
        this.literals = literals;
    }

    /** The standard redactor. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * A redactor that also removes these literal values wherever they appear, and their echoes as servers
     * write them back: URL-encoded, base64 (standard and URL-safe, padded or not), JSON-escaped, in another
     * case, or cut to a prefix of at least 8 characters (values under 4 characters are ignored).
     */
    public Redactor withSecretValues(Collection<String> values) {
        List<String> all = new ArrayList<>(literals);
        values.stream().filter(v -> v != null && v.length() >= MIN_LITERAL).forEach(v -> all.addAll(echoes(v)));
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        distinct.sort((a, b) -> b.length() - a.length());
        return new Redactor(List.copyOf(distinct));
    }

    /** The forms a secret value comes back in. */
    private static List<String> echoes(String value) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(value);
        forms.add(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        forms.add(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        forms.add(java.util.Base64.getEncoder().encodeToString(bytes));
        forms.add(java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        if (value.length() >= 8) {
            forms.add(value.substring(0, Math.max(8, value.length() * 2 / 3)));
        }
        forms.removeIf(f -> f.length() < MIN_LITERAL);
        return List.copyOf(forms);
    }

    /** Whether an argument or header of this name holds a secret (api_key, X-Api-Key, password, token...). */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normalized.append(Character.toLowerCase(c));
            }
        }
        String n = normalized.toString();
        if (name.indexOf('/') >= 0) {
            return isSecretName(name.substring(name.lastIndexOf('/') + 1)); // config/myapp/db.password: its last segment names it
        }
        if (n.startsWith("bundle") && name.contains("__") && name.length() > 12) {
            return true; // BUNDLE_ENTERPRISE__CONTRIBSYS__COM: bundler's credentials for a gem host
        }
        String last = squashed(name.substring(name.lastIndexOf('.') + 1));
        if (SECRET_REFERENCES.contains(last)) {
            return false; // auth.existingSecret=keycloak-admin names where the secret is kept, not the secret
        }
        if (n.startsWith("x") && (SECRET_NAMES.contains(n.substring(1))
                || n.endsWith("authorization") && AUTHORIZATION_OWNERS.contains(n.substring(1, n.length() - "authorization".length())))) {
            return true; // X-Tyk-Authorization: an API's own Authorization header (never X-Skip-Authorization, a flag)
        }
        if (isListingToken(n)) {
            return false; // NextContinuationToken, pageToken: a position in a listing, not a credential
        }
        if (SECRET_NAMES.contains(n) || SECRET_NAME_ENDINGS.stream().anyMatch(n::endsWith) || endsInKeyWord(name, n) || endsInCodeWord(name)
                || endsInWord(name, "pass") || endsInWord(name, "pw")) {
            return true;
        }
        java.util.regex.Matcher encoded = ENCODED_NAME.matcher(name);
        return name.length() <= MAX_NAME && encoded.matches()
                && isSecretName(encoded.group(1) != null ? encoded.group(1) : encoded.group(2) != null ? encoded.group(2) : encoded.group(3));
    }

    /** {@code key_hex}, {@code signing_key_b64}, Rails' {@code secret_key_base}: a secret's name, then how it is written. */
    private static final java.util.regex.Pattern ENCODED_NAME = java.util.regex.Pattern.compile(
            "(.{1,80}?)[_.-](?i:hex|b64|base64)|(.{1,80}?[a-z0-9])(?:Hex|B64|Base64)|((?i:secret[_.-]?key))[_.-]?(?i:base)");
    /** {@code ansible_become_pass}, {@code dbPass}, {@code SMTP-PASS}: {@code word} is the name's last word. */
    private static boolean endsInWord(String name, String word) {
        int k = name.length() - word.length();
        return k > 0 && name.regionMatches(true, k, word, 0, word.length())
                && ("_.- \t".indexOf(name.charAt(k - 1)) >= 0 || Character.isUpperCase(name.charAt(k)) && Character.isLowerCase(name.charAt(k - 1)));
    }

    /**
     * {@code ADAFRUIT_IO_KEY}, {@code api_user_service_key}, {@code licenseKey}: a name whose last word is
     * "key" holds one, unless the word before names a key of data ({@code sortKey}, {@code partition_key}).
     */
    /** A name whose last word is a short secret code: {@code new_pin}, {@code cardPin}, {@code sms-otp}, {@code meetingPasscode}. */
    private static boolean endsInCodeWord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME || CODE_WORDS.stream().noneMatch(lower::endsWith)) {
            return false; // the cheap look first: most names end in no code word at all
        }
        java.util.regex.Matcher m = LAST_WORD.matcher(name);
        return m.find() && CODE_WORDS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static final java.util.regex.Pattern LAST_WORD = java.util.regex.Pattern.compile("(?:^|[_.\\- ]|(?<=[a-z0-9]))([A-Za-z][a-z]*|[A-Z]+)$");
    private static final Set<String> CODE_WORDS = Set.of("pin", "otp", "totp", "hotp", "passcode", "cvv", "cvc");

    private static boolean endsInKeyWord(String name, String normalized) {
        int k = name.length() - 3;
        boolean lastWordIsKey = k > 0 && name.regionMatches(true, k, "key", 0, 3)
                && ("_.- \t".indexOf(name.charAt(k - 1)) >= 0 || name.charAt(k) == 'K' && Character.isLowerCase(name.charAt(k - 1))
                        || name.charAt(k) == 'K' && Character.isDigit(name.charAt(k - 1)));
        return lastWordIsKey && DATA_KEYS.stream().noneMatch(d -> normalized.equals(d + "key"));
    }

    /** Redacts the arguments of a tool call: secret-named ones entirely, the others as text. */
    public Map<String, Object> redactArguments(Map<String, ?> arguments) {
        Map<String, Object> out = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            if (value == null) {
                out.put(name, null);
            } else if (isSecretName(name)) {
                out.put(name, String.valueOf(value).isBlank() ? value : marker("argument")); // a blank key hides nothing, and says it was not sent
            } else if (value instanceof Number || value instanceof Boolean) {
                out.put(name, value);
            } else {
                out.put(name, redact(String.valueOf(value)));
            }
        });
        return out;
    }

    /** The text with every secret it recognises replaced by a marker; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return redactAround(text);
    }

    /**
     * The secrets redacting {@code text} takes out of it, as the text holds them: to take them out of what is read
     * from it too, where the name that gave a secret away may be gone (an XML element's text read without its element).
     */
    public List<String> secretsIn(String text) {
        return text == null || text.isEmpty() ? List.of() : removedParts(text, redact(text));
    }

    private String redactAround(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String withoutLiterals = redactLiterals(text);
        String withoutKeys = PositionalSecrets.redact(SiblingFields.redact(redactPrivateKeys(withoutLiterals)));
        return redactTokens(withoutKeys);
    }

    private String redactLiterals(String text) {
        String out = text;
        for (String literal : literals) {
            if (out.contains(literal)) {
                out = out.replace(literal, marker("argument"));
            } else if (literal.length() >= 8 && out.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT))) {
                // echoed in another case (upper-cased by a log formatter, say)
                out = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(literal), java.util.regex.Pattern.CASE_INSENSITIVE)
                        .matcher(out).replaceAll(java.util.regex.Matcher.quoteReplacement(marker("argument")));
            }
        }
        return out;
    }

    private static String redactPrivateKeys(String text) {
        String begin = "-----BEGIN ";
        int at = text.indexOf(begin);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int headerEnd = text.indexOf("-----", at + begin.length());
            if (headerEnd < 0) {
                break;
            }
            String label = text.substring(at + begin.length(), headerEnd);
            if (!label.contains("PRIVATE KEY") || label.length() > 40) {
                at = text.indexOf(begin, at + begin.length());
                continue;
            }
            int end = text.indexOf("-----END ", headerEnd + 5);
            if (end > 0 && text.substring(headerEnd + 5, end).replaceAll("[\\s.…]", "").isEmpty()) {
                at = text.indexOf(begin, end); // -----BEGIN RSA PRIVATE KEY-----\n...\n-----END…: a key left out, shown by its frame
                continue;
            }
            out.append(text, from, at).append(marker("private-key"));
            int endOfEnd = end < 0 ? -1 : text.indexOf("-----", end + 9);
            from = endOfEnd < 0 ? text.length() : endOfEnd + 5;
            at = text.indexOf(begin, from);
        }
        out.append(text, Math.min(from, text.length()), text.length());
        return out.toString();
    }

    /** Splits the text at white space, quotes and brackets, and redacts token by token. */
    private static boolean inPublicBlock(List<int[]> blocks, int at) {
        for (int[] block : blocks) {
            if (at >= block[0] && at < block[1]) {
                return true;
            }
        }
        return false;
    }

    private static String redactTokens(String text) {
        // a certificate, a public key or a signature is public: its lines are not random secrets (names and key formats still are)
        List<int[]> publicBlocks = PublicValues.publicBlocks(text);
        boolean authorizationRequest = AUTHORIZATION_REQUEST.matcher(text).find();
        StringBuilder out = new StringBuilder(text.length());
        boolean previousNamesSecret = false;
        boolean previousIsAuthScheme = false;
        boolean previousIsSecretFlag = false;
        String previousName = ""; // the token before, which may name an id (request_id=...): what follows is then no secret
        String secretName = "";
        int secretNameEnd = 0;
        String previousToken = "";
        List<String> found = new ArrayList<>();
        Set<String> commandsOnLine = new java.util.HashSet<>();
        int braceAfterName = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDelimiter(c)) {
                if (c == '\n') {
                    commandsOnLine.clear();
                } else if (c == '{') {
                    braceAfterName = i; // where the last object opened: after a secret's name, its fields are names
                }
                out.append(c);
                i++;
                continue;
            }
            if (isEscapedBreak(text, i)) {
                // a line break written \n inside an escaped string separates values as a real one does
                out.append(text, i, i + 2);
                i += 2;
                continue;
            }
            int start = i;
            while (i < text.length() && !isDelimiter(text.charAt(i)) && !isEscapedBreak(text, i)) {
                i++;
            }
            String token = text.substring(start, i);
            if (isSeparatorOnly(token)) {
                out.append(token);
                continue;
            }
            if (startsItsLine(text, start) && isWrappedTail(token) && endsWithMarkerAndBreak(out)) {
                // the rest of a secret a terminal wrapped at the end of the line (AWS_SECRET_ACCESS_KEY=4KplQd/G5...\nBDf5GQ8...)
                found.add(token);
                out.append(marker("secret"));
                continue;
            }
            if (isMarker(token) && start > 0 && text.charAt(start - 1) == '[') {
                out.append(token);
                previousIsAuthScheme = false;
                previousNamesSecret = false;
                previousIsSecretFlag = false; // the flag's value was taken already
                continue;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (previousIsAuthScheme && CHALLENGE_PARAMETERS.contains(lower)) {
                // a challenge (WWW-Authenticate: Bearer realm="api"), not a credential
                out.append(token);
                previousIsAuthScheme = false;
                continue;
            }
            if (previousIsAuthScheme && (isPlaceholder(text, start, i) || isPlainWord(token))) {
                // a placeholder (Bearer <token>) or prose (a Bearer header), not a credential
                out.append(token);
                previousIsAuthScheme = false;
                continue;
            }
            if (previousIsAuthScheme) {
                found.add(token);
                out.append(marker("token"));
                previousIsAuthScheme = false;
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && lower.equals("value") && nextNonDelimiterIsSeparator(text, i) && braceAfterName > secretNameEnd) {
                out.append(token); // "spring.mail.password": { "value": "…" }: the secret is the value's value
                secretNameEnd = i;
                continue;
            }
            if (previousNamesSecret && token.length() > 1 && (token.endsWith(":") && !token.endsWith("::") || nextNonDelimiterIsSeparator(text, i))
                    && braceAfterName > secretNameEnd) {
                previousNamesSecret = false; // dup key: { key_hash: …}: a name inside the object, not the value
            }
            if (previousNamesSecret && token.length() <= 2 && token.chars().noneMatch(Character::isLetterOrDigit)) {
                out.append(token); // an escape or a sign before the value (password: \"...\"), not the value
                continue;
            }
            if (previousNamesSecret && hasLineBreak(text, secretNameEnd, start) && (token.endsWith(":") || token.indexOf('=') > 0)) {
                previousNamesSecret = false; // a name on the next line is not the value ("api_token":\n  88:)
            }
            if (previousNamesSecret && (secretName.equalsIgnoreCase("cookie") || secretName.equalsIgnoreCase("set-cookie")) && token.indexOf('=') > 0) {
                // a cookie is name=value: the value goes, an empty one stays (SESSIONID=;)
                int eq = token.indexOf('=');
                String value = token.substring(eq + 1).replaceAll(";+$", "");
                out.append(value.isEmpty() ? token : token.substring(0, eq + 1) + marker("secret") + token.substring(eq + 1 + value.length()));
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && (isObjectKey(secretName, token)
                    || "key".equalsIgnoreCase(secretName) && (isPlainWord(token) || HYPHENATED_WORDS.matcher(token).matches())
                    || FIELD_OF_WORDS.matcher(token).matches())) {
                // after a bare "key", a word, a command or a path names a thing (key: "permission", the offending key: ssh-keygen,
                // Key: docs/index.txt), a key looks random; a field of its own (Signature: status=ERROR) is the next column
                out.append(redactToken(token));
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && text.startsWith(" bytes", i) && token.chars().allMatch(Character::isDigit)) {
                out.append(token); // CF_API_TOKEN:   40 bytes: kubectl describe shows a secret's size, not its value
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && token.startsWith("-----BEGIN")) {
                out.append(token); // key:\n-----BEGIN …: a block's frame; a private key's body is taken by its own rule
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && PublicValues.isFileLocation(text, start)) {
                out.append(token); // private key: /home/alice/.ssh/id_ed25519: where the secret is, not the secret
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && PublicValues.isPublicKeyType(token)) {
                out.append(token); // key: ssh-ed25519 AAAAC3Nz…: a public key, named by its type
                previousNamesSecret = false;
                previousToken = token;
                continue;
            }
            if (previousNamesSecret && isIdName(secretName) && isPublicId(stripTrailingSeparators(token))) {
                out.append(token); // client.id=orders-consumer-7f9c: a client's label, not a registered id
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret && !AUTH_SCHEMES.contains(lower) && isPlaceholder(text, start, i)) {
                // a placeholder (<your-key>, $API_KEY, ${{ secrets.KEY }}, YOUR_API_KEY, ****), not a value
                out.append(token);
                previousNamesSecret = false;
                continue;
            }
            if (previousNamesSecret) {
                char before = start > 0 ? text.charAt(start - 1) : ' ';
                int close = before == '"' || before == '\'' ? text.indexOf(before, start) : -1;
                String quoted = close > start ? text.substring(start, close) : "";
                if (close > start && (isIdName(secretName) && isPublicId(quoted) || inArrayOfMessages(text, start - 1, quoted))) {
                    out.append(quoted); // "client_id":"reporting-batch"; "password":["is too short (minimum is 8 characters)"]
                    i = close;
                } else if (close > start && close - start <= 200 && !isProse(quoted)) {
                    // a quoted value after a secret's name is the secret, every word of it ("correct horse battery staple")
                    found.add(text.substring(start, close));
                    out.append(marker("secret"));
                    i = close;
                } else if (AUTH_SCHEMES.contains(lower)) {
                    out.append(token);
                    previousIsAuthScheme = true;
                } else if (LINK.matcher(token).lookingAt()) {
                    out.append(redactToken(token, authorizationRequest)); // "your key: https://…?key=YOURKEY": a link to go to; what its query holds is judged
                } else if (looksLikeAValue(token) && !text.startsWith("(", i) && !text.startsWith("[", i)
                        // a link is where to go, not a value ("Forgot your password:\nhttps://example.com/reset")
                        && !PLAIN_LINK.matcher(token).matches()
                        // after a bare "Key:", a lower-case path names an object (S3's Key: docs/v4/index.txt)
                        && !isObjectKey(secretName, token)) {
                    // (a name followed by a parenthesis is a call in code: token = jwt.decode(raw))
                    found.add(stripTrailingSeparators(token));
                    out.append(marker("secret"));
                } else {
                    // an ordinary word after "token:" is prose ("Invalid token: the token has expired"), not a secret
                    out.append(redactToken(token));
                }
                previousNamesSecret = false;
                continue;
            }
            if (lower.equals("bearer")) {
                out.append(token);
                // "token_type": "bearer" is a value in a token response, not a header before a token
                previousIsAuthScheme = !(start > 0 && (text.charAt(start - 1) == '"' || text.charAt(start - 1) == '\''));
                continue;
            }
            if (previousIsSecretFlag) {
                previousIsSecretFlag = false;
                boolean stands = isMask(token) || start > 0 && text.charAt(start - 1) == '<' || VARIABLE.matcher(stripTrailing(token, ".,;:")).matches()
                        || OPENSSL_REFERENCE.matcher(token).matches() || token.chars().noneMatch(Character::isLetterOrDigit)
                        || SECRET_WORD_VALUES.contains(stripTrailing(token, ".,;:`").toLowerCase(Locale.ROOT)) // redis-cli -a PASSWORD
                        || PublicValues.isBase64OfPublicText(token, STANDARD);
                if (!token.startsWith("-") && !PROSE_AFTER_FLAG.contains(lower) && !isObjectKey(secretName, token) && !stands) {
                    // the value of a command-line flag such as --password, whatever it looks like, all of it when quoted
                    char quote = start > 0 ? text.charAt(start - 1) : ' ';
                    int close = quote == '\'' || quote == '"' ? closingQuoteOnLine(text, quote, i, 200) : -1;
                    found.add(close > 0 ? text.substring(start, close) : token);
                    out.append(marker("secret"));
                    i = Math.max(i, close);
                    continue;
                }
            }
            String command = commandName(token);
            if (CliPasswords.isCommand(command)) {
                commandsOnLine.add(command);
            }
            if (CliPasswords.userAndPasswordFollow(commandsOnLine, token)) {
                // curl -u user:password: the user stays, the password goes
                out.append(token);
                int next = i;
                while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\'' || text.charAt(next) == '"')) {
                    next++; // curl -u 'admin:S3cret'
                }
                int end = next;
                while (end < text.length() && !isDelimiter(text.charAt(end))) {
                    end++;
                }
                int colon = next;
                while (colon < end && text.charAt(colon) != ':') {
                    colon++; // within this argument only
                }
                if (colon > next && colon < end - 1 && !text.startsWith("//", colon + 1)) { // user:password
                    found.add(text.substring(colon + 1, end));
                    out.append(text, i, colon + 1).append(marker("secret"));
                    i = end;
                }
                continue;
            }
            if (CliPasswords.passwordFollows(commandsOnLine, token) && !text.startsWith("`", i)) { // `-p` in prose names the flag
                out.append(token);
                secretName = token;
                previousIsSecretFlag = true;
                continue;
            }
            if (token.equals("-p") && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')
                    && CliPasswords.attachedPassword(commandsOnLine, "-p?") != null) {
                int close = closingQuoteOnLine(text, text.charAt(i), i + 1, 200);
                if (close > i + 1 && !VARIABLE.matcher(text.substring(i + 1, close).split("\\s")[0]).matches()) {
                    // mysql -p'S3cret': the password quoted against its flag
                    found.add(text.substring(i + 1, close));
                    out.append(token).append(text.charAt(i)).append(marker("secret"));
                    i = close;
                    continue;
                }
            }
            String attached = CliPasswords.attachedPassword(commandsOnLine, token);
            if (attached != null) {
                // mysqldump -pS3cret: the password written against its flag
                found.add(attached);
                out.append(token, 0, token.length() - attached.length()).append(marker("secret"));
                continue;
            }
            if (token.startsWith("-") && !token.startsWith("--") && token.length() > 5 && token.indexOf('=') < 0
                    && (isSecretName(token.substring(1)) || token.endsWith("pass") && token.chars().skip(1).allMatch(Character::isLetter)
                    || token.equals("-passin") || token.equals("-passout"))) {
                out.append(token); // keytool -storepass, -keypass, openssl -passin: one dash, a whole word
                secretName = token.substring(1);
                previousIsSecretFlag = true;
                continue;
            }
            if (token.startsWith("--") && token.length() > 3 && token.indexOf('=') < 0 && isSecretName(token.substring(2))) {
                out.append(token);
                secretName = token.substring(2);
                previousIsSecretFlag = true;
                continue;
            }
            int xmlClose = xmlSecretElementEnd(text, token, start, i);
            if (xmlClose > 0) {
                // <password>value</password>: the element's whole text goes
                out.append(token).append('>').append(marker("secret"));
                i = xmlClose;
                continue;
            }
            String stripped = stripTrailingSeparators(token);
            if (stripped.length() < token.length() && isSecretName(stripped)) {
                out.append(token);
                secretName = stripped;
                secretNameEnd = i;
                previousNamesSecret = true;
                continue;
            }
            if ((nextNonDelimiterIsSeparator(text, i) || quotedValueFollows(text, i, PASSWORD_NAME.matcher(token).matches() && isCompound(token)) || valueAfterSpace(token, text, i))
                    && isSecretName(token)) {
                out.append(token);
                secretName = token;
                secretNameEnd = i;
                previousNamesSecret = true;
                continue;
            }
            if (previousToken.endsWith(";base64") && start > 0 && text.charAt(start - 1) == ',') {
                out.append(redactToken(token)); // the content of a data: URI: no random-token rule, the known formats still apply
                previousToken = token;
                continue;
            }
            String before = previousToken;
            previousToken = token;
            // auth=ApiKeyAuth.from_env(): a name given the result of a call in code, when nothing in it is a known key
            boolean call = token.indexOf('=') > 0 && i < text.length() && text.charAt(i) == '(' && CALLED_CODE.matcher(token).matches()
                    && redactSegments(token).equals(token);
            String redacted = call ? token : redactToken(token, authorizationRequest);
            if (!redacted.equals(token)) {
                found.addAll(removedParts(token, redacted)); // ansible_password=X: X goes wherever else it appears too
            }
            String name = previousName;
            previousName = stripTrailingSeparators(stripTrailing(token, "\\")); // request_id\": a name in escaped JSON
            String value = valueOf(stripTrailingSeparators(token));
            if (redacted.equals(token) && ENV_CREDENTIALS.matcher(token).matches()) {
                // BUNDLE_GEMS__ACME__COM=user:password, as bundler and others read credentials from the environment
                out.append(token, 0, token.indexOf('=') + 1).append(marker("secret"));
                continue;
            }
            String parameters = redacted.equals(token) && !call ? withRandomParameters(token, found) : null;
            if (parameters != null) {
                out.append(parameters);
                continue;
            }
            // looked at only for a token that reads as random: a name of code, a package, a path, a resource, a public key,
            // a certificate's line never is a random secret
            boolean random = redacted.equals(token) && !call && looksRandom(value) && !namesAnId(name) && !inPublicBlock(publicBlocks, start)
                    && !text.startsWith("W/\"", Math.max(0, start - 3)) // a weak ETag (W/"8b-vST/Qtv3kULnTOs4RSX3Pp7WPig")
                    && !PublicValues.isPublic(token) && !PublicValues.isPublicKey(before, token) && !PublicValues.isActionReference(before, token) && !PublicValues.isFrameMethod(text, i)
                    && !PublicValues.isBase64OfPublicText(value, STANDARD) && !PublicValues.isSolanaAddress(text, value)
                    && !PublicValues.isBitcoinAddress(value) && !PublicValues.isFileLocation(stripTrailingSeparators(token))
                    && !PublicValues.isEncodedLink(value, STANDARD) && !PublicValues.isEncodedProse(value, STANDARD);
            if (random) {
                found.add(value);
            }
            out.append(random ? marker("secret") : redacted);
        }
        return withoutEchoes(out.toString(), found);
    }

    /**
     * A path or an address with parameters ({@code /v1/events?page_size=200&cursor=…}, {@code 10.0.0.1:5060;branch=…}) judged
     * value by value: a value that reads as random goes unless its name says it names a thing or a position. {@code null} when
     * the token has no parameters or its start reads as random itself.
     */
    private static @Nullable String withRandomParameters(String token, List<String> found) {
        int first = indexOfAny(token, "?&;", 0);
        if (first >= token.length() || token.indexOf('=', first) < 0 || token.contains("://") || token.length() > 4096 || looksRandom(token.substring(0, first))) {
            return null;
        }
        StringBuilder out = new StringBuilder(token.length()).append(token, 0, first);
        int from = first;
        while (from < token.length()) {
            int end = indexOfAny(token, "?&;", from + 1);
            String segment = token.substring(from + 1, end);
            int eq = segment.indexOf('=');
            String value = eq < 0 ? "" : segment.substring(eq + 1);
            String name = eq < 0 ? "" : segment.substring(0, eq);
            if (eq > 0 && looksRandom(value) && !namesAnId(name) && !POSITION_NAMES.contains(squashed(name)) && !PublicValues.isPublic(value)
                    && !PublicValues.isEncodedLink(value, STANDARD)) {
                found.add(value);
                out.append(token.charAt(from)).append(name).append('=').append(marker("secret"));
            } else {
                out.append(token, from, end);
            }
            from = end;
        }
        return out.toString();
    }

    /** {@code auth=ApiKeyAuth.from_env} before its {@code (}: a name given what a call in code returns, not a value. */
    private static final java.util.regex.Pattern CALLED_CODE = java.util.regex.Pattern.compile("[A-Za-z_][\\w.-]{0,80}=[A-Za-z_]\\w{0,80}(?:\\.[A-Za-z_]\\w{0,80}){1,8}");
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("\\[REDACTED:[a-z-]{1,20}]");
    private static final java.util.regex.Pattern MARKER_RUN = java.util.regex.Pattern.compile("(?:\\[REDACTED:[a-z-]{1,20}]){2,}");

    /** What redacting {@code token} took out of it: the text each run of markers in {@code redacted} stands for. */
    private static List<String> removedParts(String token, String redacted) {
        List<String> removed = new ArrayList<>();
        // markers side by side stand for one piece of the token: there is no text between them to tell where one ends
        redacted = MARKER_RUN.matcher(redacted).replaceAll(java.util.regex.Matcher.quoteReplacement(marker("secret")));
        java.util.regex.Matcher m = MARKER.matcher(redacted);
        int kept = 0; // in redacted: the end of the last marker
        int at = 0; // in token: where the text after that marker starts
        while (m.find()) {
            String before = redacted.substring(kept, m.start());
            int piece = token.indexOf(before, at);
            if (piece < 0) {
                return removed;
            }
            int removedStart = piece + before.length();
            kept = m.end();
            String after = redacted.substring(kept, nextMarkerOrEnd(redacted, kept));
            int removedEnd = after.isEmpty() ? token.length() : token.indexOf(after, removedStart);
            if (removedEnd < 0) {
                return removed;
            }
            removed.add(token.substring(removedStart, removedEnd));
            at = removedEnd;
        }
        return removed;
    }

    private static int nextMarkerOrEnd(String text, int from) {
        java.util.regex.Matcher m = MARKER.matcher(text);
        return m.find(from) ? m.start() : text.length();
    }

    /**
     * A value found to be secret goes wherever else it appears in the text (an app id in a host name as well
     * as after its name): the first 16 distinct values of 8 characters or more, so that the pass stays linear.
     */
    private static String withoutEchoes(String text, List<String> found) {
        String out = text;
        for (String value : found.stream().filter(v -> v.length() >= 8).distinct().limit(16).toList()) {
            // letters and digits mixed come back in another case too (a log that upper-cases a line); a word does not
            out = replaceOutsideMarkers(out, value, READS_AS_CODE.matcher(value.substring(0, 6)).matches());
            if (value.length() >= 10 && value.length() <= 128 && READS_AS_CODE.matcher(value.substring(0, 6)).matches()) {
                out = withoutTruncatedEchoes(out, value); // a start of letters and digits mixed: not a word a text repeats anyway
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern READS_AS_CODE = java.util.regex.Pattern.compile("(?=.*\\d)(?=.*[A-Za-z]).{6}");

    /** {@code text} with each occurrence of {@code value} outside a marker replaced by one: a marker's own name is no echo. */
    private static String replaceOutsideMarkers(String text, String value, boolean anyCase) {
        String haystack = anyCase ? text.toLowerCase(Locale.ROOT) : text;
        String needle = anyCase ? value.toLowerCase(Locale.ROOT) : value;
        if (haystack.length() != text.length() || !haystack.contains(needle)) {
            return text;
        }
        List<int[]> markers = new ArrayList<>();
        for (java.util.regex.Matcher m = MARKER.matcher(text); m.find(); ) {
            markers.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int next = 0; // the first marker that does not end before the occurrence looked at
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, Math.max(at + 1, from))) {
            while (next < markers.size() && markers.get(next)[1] <= at) {
                next++;
            }
            if (at < from || next < markers.size() && markers.get(next)[0] < at + needle.length()) {
                continue; // overlaps a marker
            }
            out.append(text, from, at).append(marker("secret"));
            from = at + needle.length();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The start of a found secret repeated on its own, cut after at least 6 characters (Go's {@code invalid port ":9KIo1s"}). */
    private static String withoutTruncatedEchoes(String text, String value) {
        String head = value.substring(0, 6);
        StringBuilder out = null;
        int from = 0;
        for (int at = text.indexOf(head); at >= 0; at = text.indexOf(head, Math.max(at + 1, from))) {
            if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
                continue; // inside a longer word: looked at no further, so that a run of one letter stays linear
            }
            int end = at + 6;
            while (end < text.length() && end - at < value.length() && text.charAt(end) == value.charAt(end - at)) {
                end++;
            }
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, from, at).append(marker("secret"));
                from = end;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    private static final List<String> SECRET_WORDS = List.of("api", "key", "secret", "token", "access", "auth", "password");
    /** Where openssl is told to find a pass phrase ({@code -passin env:P12_PASS}, {@code file:}, {@code fd:}, {@code stdin}), not the phrase. */
    private static final java.util.regex.Pattern OPENSSL_REFERENCE = java.util.regex.Pattern.compile("(?:env|file|fd):\\S{1,200}|stdin");

    /** The index of the quote that closes a quoted value, looking at most {@code limit} characters and not past the line; -1 if none. */
    private static int closingQuoteOnLine(String text, char quote, int from, int limit) {
        for (int k = from; k < text.length() && k < from + limit; k++) {
            char c = text.charAt(k);
            if (c == quote) {
                return k;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Words of prose that follow a flag's name in a sentence ("pass --api-key before running"): not its value. */
    private static final Set<String> PROSE_AFTER_FLAG = Set.of("before", "after", "to", "or", "and", "with", "when", "if", "is", "was", "flag",
            "option", "instead", "first", "again", "the", "a", "an", "for", "in", "on", "of", "via", "from", "as", "at", "are", "will", "can", "so",
            "because", "then", "but", "which", "that");
    /** Names whose value is a position in a listing, not a lock: {@code cursor=bmV4dF90cz...}. */
    private static final Set<String> POSITION_NAMES = Set.of("cursor", "nextcursor", "next", "marker", "nextmarker", "continuation",
            "continuationtoken", "offset", "after", "before", "startingafter", "endingbefore", "since", "page", "startcursor", "endcursor");
    /** A variable standing for the value: {@code $API_KEY}, or the {@code $} of {@code ${API_KEY}} and {@code ${{ secrets.KEY }}}. */
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?");
    /** A placeholder written in capitals ({@code YOUR-TOKEN}, {@code API_KEY_HERE}): letters joined by dashes or underscores. */
    private static final java.util.regex.Pattern CAPITAL_PLACEHOLDER = java.util.regex.Pattern.compile("[A-Z]{2,}(?:[-_][A-Z]{2,})+");
    /** A key's prefix and a run of x in place of the key: {@code sk_test_xxx}. */
    private static final java.util.regex.Pattern PREFIX_AND_XS = java.util.regex.Pattern.compile("(?:[A-Za-z0-9]{1,8}[-_]){1,3}[xX]{3,}");
    /** A lower-case placeholder that names what it stands for ({@code your-api-key}, {@code tu-api-key}, {@code my_secret_token}). */
    private static final java.util.regex.Pattern NAMING_PLACEHOLDER = java.util.regex.Pattern.compile(
            "(?i)(?:your|tu|votre|dein|ihr|placeholder|example|sample|dummy|fake|insert|enter)(?:[-_][a-z]{1,12}){1,4}|(?:[a-z]{1,12}[-_]){1,4}here");

    /**
     * Whether the token at {@code [start, end)} stands for a value instead of being one: in angle brackets
     * ({@code <token>}), a variable ({@code $API_KEY}, {@code ${API_KEY}}, {@code ${{ secrets.KEY }}}),
     * capitals that name it ({@code YOUR-TOKEN}), words that name it ({@code your-api-key}) or a mask ({@code ***}).
     */
    /** A constant that is no secret whatever its name: {@code SKIP_PIN=true}. */
    private static boolean isConstant(String value) {
        return value.equals("true") || value.equals("false") || value.equals("null");
    }

    private static boolean isPlaceholder(String text, int start, int end) {
        String token = text.substring(start, end);
        if (start > 0 && text.startsWith("***", start) && STARS_AROUND.matcher(text).region(start, Math.min(text.length(), start + 200)).lookingAt()) {
            return true; // <password>*******I have got encrypted password here********</password>: words between masks
        }
        String t = stripTrailing(token, ".,;:");
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        boolean template = before >= 1 && text.charAt(before) == '{' && (text.charAt(before - 1) == '{' || text.charAt(before - 1) == '$');
        // [auth-token]: a bracketed name of what goes there
        boolean bracketed = start > 0 && text.charAt(start - 1) == '[' && end < text.length() && text.charAt(end) == ']'
                && BRACKETED_NAME.matcher(t).matches();
        return t.length() <= 64 && (isMask(token) || start > 0 && text.charAt(start - 1) == '<' || template || bracketed || standsForAValue(t));
    }

    /**
     * A value that stands for one instead of being one: a mask ({@code ***}, {@code AKIAIYXXXXXXX....}), a variable
     * ({@code $API_KEY}), capitals or words that name it ({@code YOUR-TOKEN}, {@code password}), one character repeated
     * ({@code YYYYYYYY}), a constant ({@code true}) or a field in code ({@code self.auth}).
     */
    private static boolean standsForAValue(String escaped) {
        String value = escaped.endsWith("\\") ? stripTrailing(escaped, "\\") : escaped; // $CLIENT_ID\ in a shell-escaped URL
        return value.length() <= 64 && (isMask(value) || value.length() >= 3 && value.chars().allMatch(ch -> ch == 'x' || ch == 'X')
                || STAND_IN_WORDS.contains(value.toLowerCase(Locale.ROOT)) || ENV_REFERENCE.matcher(value).matches()
                || namesASecret(value) || VARIABLE.matcher(value).matches() || CAPITAL_PLACEHOLDER.matcher(value).matches()
                || NAMING_PLACEHOLDER.matcher(value).matches() || PREFIX_AND_XS.matcher(value).matches() || isConstant(value)
                || value.length() >= 6 && value.chars().allMatch(ch -> ch == value.charAt(0))
                || SECRET_WORD_VALUES.contains(value.toLowerCase(Locale.ROOT)) || FIELD_IN_CODE.matcher(value).matches()
                || MASK_WORDS.contains(value.replaceAll("^[\\[<(*]+|[\\]>)*]+$", "").toLowerCase(Locale.ROOT))
                || !value.isEmpty() && value.chars().allMatch(ch -> ch == '*')
                || YOUR_SECRET.matcher(value).matches());
    }

    /** Values that name what goes there: {@code POSTGRES_PASSWORD=password}, {@code redis://username:password@host}. */
    private static final Set<String> SECRET_WORD_VALUES = Set.of("password", "passwd", "secret", "token", "apikey", "api_key", "api-key",
            "pass", "key", "credentials");
    private static final java.util.regex.Pattern STARS_AROUND = java.util.regex.Pattern.compile("\\*{3,}[^*\\n<\"']{1,120}\\*{3,}");
    /** Words that stand in for any value in examples: {@code PLANETSCALE_SERVICE_TOKEN="bar"}. */
    private static final Set<String> STAND_IN_WORDS = Set.of("foo", "bar", "baz", "qux", "quux", "foobar", "dummy", "placeholder", "xyz");
    /** A variable of the environment read in code: {@code process.env.SENTRY_AUTH_TOKEN}, {@code os.environ.get}, {@code ENV.fetch}. */
    private static final java.util.regex.Pattern ENV_REFERENCE = java.util.regex.Pattern.compile(
            "(?:process\\.env|import\\.meta\\.env|Deno\\.env|os\\.environ|ENV)(?:\\.[A-Za-z_]\\w{0,60}){1,2}[,;]?");
    /**
     * Words that name the secret instead of being it: {@code my-auth-token}, {@code acme_live_key}: three or more words, the last a
     * secret's, one before it of whose or which credential it is ({@code blue-horse-key} or {@code my-secret} may be a password).
     */
    private static boolean namesASecret(String value) {
        java.util.regex.Matcher m = NAME_OF_A_SECRET.matcher(value);
        return m.matches() && java.util.Arrays.stream(m.group(1).toLowerCase(Locale.ROOT).split("[-_]")).anyMatch(CREDENTIAL_KINDS::contains);
    }

    private static final java.util.regex.Pattern NAME_OF_A_SECRET = java.util.regex.Pattern.compile(
            "(?i)((?:[a-z]{1,12}[-_]){2,4})(?:token|key|secret|password|passwd|pass|apikey|pat)");
    private static final Set<String> CREDENTIAL_KINDS = Set.of("my", "your", "auth", "api", "access", "live", "test", "prod", "dev",
            "service", "app", "user", "personal", "client", "bot", "admin");
    /** What a printer writes instead of a value it hid: gitleaks' {@code REDACTED}, Rails' {@code [FILTERED]}, {@code <masked>}. */
    private static final Set<String> MASK_WORDS = Set.of("redacted", "filtered", "masked", "omitted", "sanitized", "scrubbed", "hidden");
    /** {@code YOURKEY}, {@code your_api_token}: what to write there, named. */
    private static final java.util.regex.Pattern YOUR_SECRET = java.util.regex.Pattern.compile(
            "(?i)your[-_]?(?:[a-z]{1,12}[-_]?)?(?:key|token|secret|password|pass|id)");
    /** A field of an object in code: {@code auth=self.auth}, {@code this.apiKey}. */
    private static final java.util.regex.Pattern FIELD_IN_CODE = java.util.regex.Pattern.compile("(?:self|this|cls)(?:\\.[A-Za-z_]\\w{0,60}){1,4}");

    private static final java.util.regex.Pattern BRACKETED_NAME = java.util.regex.Pattern.compile(
            "(?:your|my|the|auth|api|access|bearer|secret|client|app|bot)[-_](?:[a-z]{2,12}[-_]){0,2}(?:token|key|secret|password|credentials?)s?");

    /** The second half of a key cut by a line break: key characters only, digits and letters mixed, no {@code name=}. */
    private static final java.util.regex.Pattern WRAPPED_TAIL = java.util.regex.Pattern.compile(
            "(?=[^=]*\\d)(?=[^=]*[A-Za-z])[A-Za-z0-9+/_-]{8,200}={0,2}");
    private static final java.util.regex.Pattern MARKER_AND_BREAK = java.util.regex.Pattern.compile("\\[REDACTED:[a-z-]{1,20}]\\n[ \\t]{0,12}$");

    /** The rest of a key a log wrapped onto the next line: letters and digits mixed, or letters whose case changes often. */
    private static boolean isWrappedTail(String token) {
        if (WRAPPED_TAIL.matcher(token).matches()) {
            return true;
        }
        int changes = 0;
        for (int k = 1; k < token.length(); k++) {
            changes += Character.isUpperCase(token.charAt(k)) != Character.isUpperCase(token.charAt(k - 1)) ? 1 : 0;
        }
        // a name in camel case (ConnectionPoolSize) changes case often too, but each capital starts a word
        return token.length() >= 12 && token.length() <= 200 && token.chars().allMatch(Character::isLetter) && changes >= 4
                && !CAMEL_WORDS.matcher(token).matches();
    }

    private static final java.util.regex.Pattern CAMEL_WORDS = java.util.regex.Pattern.compile("[a-z]*(?:[A-Z][a-z]{2,}|[A-Z]{2,5}(?=[A-Z][a-z]|$))+");

    /** Whether only indentation stands between the line's start and {@code start}. */
    private static boolean startsItsLine(String text, int start) {
        int k = start - 1;
        while (k >= 0 && start - k <= 12 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 0 && text.charAt(k) == '\n';
    }

    private static boolean endsWithMarkerAndBreak(StringBuilder out) {
        return MARKER_AND_BREAK.matcher(out.subSequence(Math.max(0, out.length() - 32), out.length())).find();
    }

    /** Whether a line break lies in {@code [from, to)}: the delimiters between a name and its value, a short run. */
    private static boolean hasLineBreak(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Whether an id-named secret name (client_id, app_id) is meant. */
    private static boolean isIdName(String name) {
        String n = squashed(name);
        return n.endsWith("clientid") || n.endsWith("appid") || n.endsWith("applicationid");
    }

    /** A client's id that is not a secret: a label of words, or a Google OAuth client id, which every sign-in URL shows. */
    private static boolean isPublicId(String value) {
        // "meta.client_id":"ip/": a caller's kind in a log, too short to be a registered id
        return isLabel(value) || GOOGLE_CLIENT_ID.matcher(value).matches() || value.length() <= 4;
    }

    private static final java.util.regex.Pattern GOOGLE_CLIENT_ID = java.util.regex.Pattern.compile("\\d{6,20}-[a-z0-9]{20,40}\\.apps\\.googleusercontent\\.com");

    /** A label of lower-case words ({@code orders-consumer-7f9c}, {@code nextcloud}), at least one a word of three letters: not a UUID or a key. */
    private static boolean isLabel(String value) {
        return value.length() <= 64 && LABEL.matcher(value).matches() && java.util.Arrays.stream(value.split("[-_]")).anyMatch(w -> w.length() >= 3 && w.chars().allMatch(Character::isLetter));
    }

    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[\\w.-]{1,200}\\.(?:[a-z][a-z0-9]{1,4}|[A-Z][A-Z0-9]{1,4})");

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9]{1,20}(?:[-_][a-z0-9]{1,20}){0,6}");

    /**
     * After a bare "key" name, a lower-case path names an object (S3's {@code --key db/2025-06-10.dump.gz}), and words
     * then a digest name a cache entry ({@code key: Linux-node-20-96c9c226...}).
     */
    private static boolean isObjectKey(String name, String value) {
        String v = stripTrailingSeparators(value);
        return "key".equalsIgnoreCase(name) && v.length() <= 300
                && (v.indexOf('/') > 0 && NAME_OR_PATH.matcher(v).matches() || !v.isEmpty() && Character.isLetter(v.charAt(0)) && isCompositeId(v));
    }

    /**
     * A value masked or cut by the one who printed it: a run of three or more {@code *} or {@code •}, eight
     * {@code x}, or an ellipsis ({@code sk_test_...}, {@code sk-ant-...7f2Q}), or a few characters then x's and dots
     * ({@code AKIAIYXXXXXXX.......}).
     */
    private static boolean isMask(String token) {
        return token.length() <= 80 && hasMaskCharacter(token) && MASKED.matcher(token).matches();
    }

    /** Whether the token holds what every mask has ({@code *}, {@code •}, {@code …}, {@code ..} or an {@code x}): most tokens do not. */
    private static boolean hasMaskCharacter(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '*' || c == '•' || c == '…' || c == 'x' || c == 'X' || c == '.' && i + 1 < token.length() && token.charAt(i + 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * What a printer shows of a key it masked: nothing or a short prefix ending in {@code -} or {@code _} ({@code sk-proj-},
     * {@code whsec_}), a mask (three or more {@code *} or {@code •}, an ellipsis, eight {@code x}), at most four characters after.
     */
    private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile(
            "(?:(?:[A-Za-z0-9]{1,8}[-_]){1,3}[A-Za-z0-9]{0,6})?(?:[*•]{3,}|\\.{3,}|…|[xX]{8,})[.…*•]*[A-Za-z0-9]{0,4}[.,;:]?"
            + "|[A-Za-z0-9]{1,12}?[xX]{4,}\\.{2,}[.…*•]*");

    /** Names of a digest's value: {@code Content-MD5}, {@code x-amz-content-sha256}, an SRI {@code integrity}, an index's {@code uuid}. */
    private static final List<String> DIGEST_NAMES = List.of("md5", "sha1", "sha256", "sha384", "sha512", "crc32", "crc32c", "etag", "integrity", "uuid");

    /** A name whose last word is "id" ({@code HostId}, {@code x-request-id}, {@code trace_id}) or a known identifier's name. */
    private static boolean namesAnId(String numberedName) {
        String name = NUMBERED.matcher(numberedName).replaceFirst(""); // x-amz-id-2: the second id
        String normalized = squashed(name);
        if (isListingToken(normalized)) {
            return true; // NextContinuationToken: where the next page starts
        }
        if (SECRET_WORDS.stream().anyMatch(normalized::contains) && DATA_KEYS.stream().noneMatch(d -> normalized.equals(d + "key"))) {
            return false; // newrelic_user_api_id, access_key_id: the id of a credential may be one
        }
        return ID_NAMES.contains(normalized) || POSITION_NAMES.contains(normalized)
                || DATA_KEYS.stream().anyMatch(d -> !d.equals("public") && normalized.equals(d + "key"))
                || normalized.startsWith("checksum") || normalized.endsWith("checksum") || normalized.endsWith("digest") || normalized.endsWith("hash")
                || DIGEST_NAMES.stream().anyMatch(normalized::endsWith)
                || name.length() > 2 && (name.endsWith("Id") || name.endsWith("ID") && !name.equals(name.toUpperCase(Locale.ROOT))
                || name.regionMatches(true, name.length() - 3, "_id", 0, 3) || name.regionMatches(true, name.length() - 3, "-id", 0, 3)
                || name.length() > 4 && (name.regionMatches(true, name.length() - 4, "_ids", 0, 4) || name.regionMatches(true, name.length() - 4, "-ids", 0, 4)));
    }

    /** A name in lower case with only its ASCII letters and digits: {@code X-Api-Key} is {@code xapikey}. */
    private static String squashed(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[-_]\\d{1,2}$");

    /**
     * The index of {@code </name>} when the token is the name of an element holding a secret
     * ({@code <password>...</password>}) whose text is short, else -1.
     */
    private static int xmlSecretElementEnd(String text, String token, int start, int end) {
        if (start == 0 || text.charAt(start - 1) != '<' || end >= text.length() || text.charAt(end) != '>' || !isSecretName(token)) {
            return -1;
        }
        int close = text.substring(end + 1, Math.min(text.length(), end + 402 + token.length())).indexOf("</" + token + ">");
        close = close < 0 ? -1 : close + end + 1;
        String value = close > end + 1 ? text.substring(end + 1, close) : "";
        // S3's <Key>1488396616.jpeg</Key> names an object
        boolean objectName = isObjectKey(token, value) || "key".equalsIgnoreCase(token) && FILE_NAME.matcher(value).matches()
                || standsForAValue(value.strip()) || STARS_AROUND.matcher(value.strip()).matches(); // <AWSAccessKeyId>***</AWSAccessKeyId>: masked
        return close > end + 1 && close - end <= 400 && !objectName ? close : -1;
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("(?i)https?://[^@\\s/?#]{1,253}[/?#]");

    /** The value of an environment-style {@code NAME=value} token, else the token. */
    private static final java.util.regex.Pattern PLAIN_LINK = java.util.regex.Pattern.compile("(?i)https?://[^@\\s?#]{1,300}");

    /** A class of code named for what went wrong: {@code RestException}, {@code AccessDeniedException}, {@code ValidationError}. */
    private static final java.util.regex.Pattern CODE_NAME = java.util.regex.Pattern.compile(
            "(?:[A-Z][a-z0-9]+){1,8}(?:Exception|Error|Failure|Fault)");

    /** An error code of capitalised words: {@code AccessDenied}, {@code InvalidClientTokenId}. */
    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("(?:[A-Z][a-z]{1,20}){2,6}");

    private static String valueOf(String token) {
        int eq = token.indexOf('=');
        if (eq > 0 && namesAnId(token.substring(0, eq))) {
            return ""; // request_id=0ujtsYcgvSTl8PAuAdqWYSMnLOv: an id, however random it reads
        }
        if (eq > 0 && POSITION_NAMES.contains(squashed(token.substring(0, eq)))) {
            return ""; // a position in a listing (cursor=...), not a secret
        }
        return eq > 0 && ASSIGNED_NAME.matcher(token.substring(0, eq)).matches() ? token.substring(eq + 1) : token;
    }

    /**
     * A long token that reads as random, as gitleaks' generic rule judges it: at least 20 characters,
     * letters and digits mixed, a high Shannon entropy; not a UUID, a plain hex digest (a commit, a
     * request id) or an id with a lower-case type prefix ({@code pi_3Mtw...}, {@code acct_...}), which
     * are names of things, not secrets.
     */
    static boolean looksRandom(String token) {
        if (token.length() < 20 || token.length() > 320) {
            return false;
        }
        // a path a printer cut at its start (…t-0.13.1/lib/slack/web/) is a path
        String t = TIMESTAMP.matcher(token.replaceAll("^[\"'(\\[{<]+|[\"')\\]}>.,;:]+$", "").replaceFirst("^(?:…|\\.\\.\\.)(?=\\S*/)", "")).replaceAll("0");
        if (t.length() < 20 || t.length() > 300 || t.contains("://") || NO_AUTHORITY.matcher(t).lookingAt() || t.contains("***") || t.contains("•••") || t.startsWith("arn:aws") || t.startsWith("data:")
                || IMAGE_BY_DIGEST.matcher(t).matches() || OPENSSL_ERROR.matcher(t).lookingAt() || isEncodedWords(t)
                || MediaTypes.isMediaType(t) || NAMED_HEX.matcher(t).matches() || UUID.matcher(t).matches() || HEX.matcher(t).matches() || HEX_WITH_TAG.matcher(t).matches()
                || TYPED_ID.matcher(t).matches() && !SECRET_TYPE.matcher(t).lookingAt() || NAME_OR_PATH.matcher(t).matches() || PATH_OF_IDS.matcher(t).matches()
                || PublicValues.isSourceLocation(t) || KEBAB_NAME.matcher(t).matches()
                || DIGEST.matcher(t).matches() || TIMESTAMP.matcher(t).matches() || isCodeOrPath(t) || isCompositeId(t) || t.chars().filter(Character::isDigit).count() == 0
                || t.chars().filter(Character::isLetter).count() == 0) {
            return false;
        }
        if (t.indexOf('=') > 0 && t.indexOf('=') < t.length() - 2 && isRecordOfFields(t)) {
            return false;
        }
        int[] counts = new int[128];
        int counted = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c < 128) {
                counts[c]++;
                counted++;
            }
        }
        double entropy = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / counted;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy >= 3.7;
    }

    /**
     * Fields run together ({@code app=core exception.Code=0exception.File=/data/lib/Redis.php}, a log's tabs lost): three or
     * more {@code =} inside, and no piece between them that reads as random on its own. Base64 has {@code =} at its end only.
     */
    private static boolean isRecordOfFields(String token) {
        String[] pieces = token.split("=", -1);
        return pieces.length >= 4 && java.util.Arrays.stream(pieces).allMatch(p -> !p.isEmpty() && !looksRandom(p));
    }

    /** Words joined by URL-encoded spaces: {@code gradle%20build%20Android}. */
    private static boolean isEncodedWords(String token) {
        int eq = token.indexOf('=');
        String value = eq >= 0 ? token.substring(eq + 1) : token;
        return value.contains("%20") && java.util.Arrays.stream(value.split("%20")).allMatch(w -> ENCODED_WORD.matcher(w).matches());
    }

    private static final java.util.regex.Pattern ENCODED_WORD = java.util.regex.Pattern.compile("[A-Za-z][a-z]{0,20}|[A-Z]{1,6}|\\d{1,4}");

    /** An image pinned to its digest: {@code busybox@sha256:65ce39ce...}. */
    private static final java.util.regex.Pattern IMAGE_BY_DIGEST = java.util.regex.Pattern.compile("[\\w./:-]{1,200}@sha256:[0-9a-f]{64}");
    /** OpenSSL's error line: {@code 140735765742400:error:0909006C:PEM routines:...}. */
    private static final java.util.regex.Pattern OPENSSL_ERROR = java.util.regex.Pattern.compile("\\d{1,20}:error:[0-9A-Fa-f]{8}:");
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("(?i)[0-9a-f]+(?:[:-][0-9a-f]+)*");
    private static final java.util.regex.Pattern TYPED_ID = java.util.regex.Pattern.compile("[a-z]{1,8}_[A-Za-z0-9]{8,40}");
    /** The type of an id that is a key: {@code secret_iYgOBNY0…}, {@code key_…}, {@code sk_…}. */
    private static final java.util.regex.Pattern SECRET_TYPE = java.util.regex.Pattern.compile("(?:secret|key|token|pass|pwd|sk|rk|api|apikey|auth|private)_");
    /** A path of names, versions and typed ids: {@code /v1/customers/cus_C2WkEuBsNOqZ6W/sources}. */
    private static final java.util.regex.Pattern PATH_OF_IDS = java.util.regex.Pattern.compile(
            "(?:/(?:[a-z0-9][a-z0-9._-]{0,40}|[a-z]{1,8}_[A-Za-z0-9]{8,40})){2,20}/?");
    /** A host name, a path or a version in lower case ({@code weather-ap2.bench.local}, {@code /v2/search}): a name, not a secret. */
    private static final java.util.regex.Pattern NAME_OR_PATH = java.util.regex.Pattern.compile("(?=.*[./])[a-z0-9._/:@?&=%+~-]+");
    /** A lower-case name of three or more short parts ({@code payments-reconciler-worker-eu-west-1-canary}). */
    private static final java.util.regex.Pattern KEBAB_NAME = java.util.regex.Pattern.compile("[a-z0-9]{1,12}(?:[-_][a-z0-9]{1,12}){2,}");
    private static final java.util.regex.Pattern ENV_CREDENTIALS = java.util.regex.Pattern.compile(
            "[A-Z_][A-Z0-9_]{2,80}=[^:/\\s@=]{3,64}:(?!\\d+$)[^:/\\s@]{6,128}");
    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A name before {@code =}: an environment variable's, or a header's ({@code x-request-id}). */
    private static final java.util.regex.Pattern ASSIGNED_NAME = java.util.regex.Pattern.compile("-{0,2}[A-Za-z_][A-Za-z0-9_.-]{0,80}"); // --token=…: a flag's value is judged alone
    /** A word of a name in code or a path: lower, Capitalized or camelCase letters with a few digits, or a number. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z][a-z]*(?:[A-Z][a-z]+)*[A-Z]?\\d{0,4}|\\d{1,6}"
            // a name of words with capitals and digits inside: OAuth2AuthorizationCodeAuthenticationProvider
            + "|(?:[A-Z]{0,4}[a-z]{2,}\\d{0,2}|[A-Z]{1,5}\\d{0,3}){2,}"); // SHA256SUMS
    /** A hex id with a short tag ({@code 8f2c4b1d9e6a7c3f-FRA}, a Cloudflare ray id and its data center). */
    private static final java.util.regex.Pattern HEX_WITH_TAG = java.util.regex.Pattern.compile("(?i)[0-9a-f]{8,}[-_][a-z]{2,5}");
    private static final java.util.regex.Pattern SHORT_OR_HEX = java.util.regex.Pattern.compile("[a-z0-9]{1,6}|\\d+|[0-9a-f]{1,16}");

    /** {@code HttpClientImpl.java:964}, {@code cas.v1.StatusService.Infoz}, {@code /usr/share/dotnet/NuGet.targets(156,5)}: words, not a secret. */
    private static boolean isCodeOrPath(String token) {
        String[] segments = token.split("[./:(),#$\\\\_=|-]+"); // version|mm10|Sequence: a row of a table
        int words = 0;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!WORD.matcher(segment).matches()) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    /** {@code sfo1::iad1::7k2xq-1700921741532-4e6d8a9b0c1f}: lower-case short parts, numbers and hex, as request ids are made. */
    private static boolean isCompositeId(String token) {
        String[] parts = token.split("[:_-]+");
        if (parts.length < 3) {
            return false;
        }
        for (int k = 0; k < parts.length; k++) {
            // operation-1718183411482-61aa2b3c4d5e6-7a8b9c0d: a word names the kind, numbers and hex follow
            // (not a key's environment: shippo_live_…, sk_test_…)
            boolean kindWord = k <= 1 && parts[k].length() <= 20 && parts[k].chars().allMatch(Character::isLetter) && !KEY_WORDS.contains(parts[k].toLowerCase(Locale.ROOT));
            // Linux-node-20-96c9c226…: a CI cache key, words then a full digest, joined by dashes (keys join theirs by _)
            boolean digest = token.indexOf('_') < 0 && parts[k].length() >= 32 && parts[k].length() <= 128 && parts[k].chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
            if (!parts[k].isEmpty() && !kindWord && !digest && !SHORT_OR_HEX.matcher(parts[k]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Words of a key's prefix: its environment or its kind. */
    private static final Set<String> KEY_WORDS = Set.of("live", "test", "prod", "sandbox", "key", "token", "secret", "pat", "api", "sk", "pk", "rk");

    /** An ISO-8601 time, of any precision ({@code 2026-11-27T09:21:09.1234567Z}). */
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?|\\d{8}T\\d{6}Z?");
    private static final java.util.regex.Pattern DIGEST_AFTER_AT = java.util.regex.Pattern.compile("(?i)(?:sha1|sha256|sha384|sha512|md5):");
    /** A content digest ({@code sha256:3f1c...}, or as Subresource Integrity writes it, {@code sha512-aUHe...==}): names an image or a blob. */
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile(
            "(?i)(?:sha1|sha256|sha384|sha512|md5):[0-9a-f]+|(?:sha1|sha256|sha384|sha512|md5|h1)[:/-][A-Za-z0-9+/]+={0,2}[.:]?");
    /** A name and a hex digest or id ({@code postgres:eecc2357...}, {@code RequestId:3c2f1e0d-701e-...}). */
    private static final java.util.regex.Pattern NAMED_HEX = java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9._/-]{0,40}[:@][0-9a-f]{8,}(?:-[0-9a-f]{4,})*");

    /** A lower-case word of letters, at most 12 long ("header", "token"): prose, not a credential. */
    private static boolean isPlainWord(String token) {
        String t = stripTrailing(token, ".,;:!?");
        return !t.isEmpty() && t.length() <= 12 && t.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** A quoted value that reads as sentences (five words or more, ending one), not a passphrase. */
    /** {@code "password":["is too short (minimum is 8 characters)", …]}: validation messages about a field, not its value. */
    private static boolean inArrayOfMessages(String text, int quote, String quoted) {
        int k = quote - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && text.charAt(k) == '[' && quoted.strip().split("\\s+").length >= 3 && VALIDATION_WORDS.matcher(quoted).find();
    }

    /** {@code token} without the run of {@code chars} at its end, in one pass. */
    private static String stripTrailing(String token, String chars) {
        int end = token.length();
        while (end > 0 && chars.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private static final java.util.regex.Pattern VALIDATION_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:must|should|characters?|too (?:short|long|common)|at least|at most|is (?:invalid|required|not)|can(?:no|')t|doesn't|does not|minimum|maximum)\\b");

    private static boolean isProse(String quoted) {
        String q = quoted.strip();
        String[] words = q.split("\\s+");
        if (words.length >= 3 && java.util.Arrays.stream(words).filter(w -> FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))).count() >= 2) {
            return true; // "not needed for gitlab", "MY KEY PUT IN HERE": a sentence, where a passphrase's words are content words
        }
        return words.length >= 5 && (q.contains(". ") || q.endsWith("."));
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "not", "no", "for", "to", "of", "in", "on", "at", "is", "are",
            "be", "it", "this", "that", "my", "your", "here", "there", "with", "and", "or", "if", "use", "put", "set");

    /** Whether a token after a secret's name is a value rather than a word of prose: a digit, a symbol, mixed case or length. */
    private static boolean looksLikeAValue(String token) {
        String t = stripTrailingSeparators(token);
        if (CODE_NAME.matcher(t).matches()) {
            return false; // "Error sending OTP: RestException", "key: AccessDeniedException": a class of code, not a value
        }
        if (token.endsWith(":") && !token.endsWith("::") && ERROR_CODE.matcher(t).matches()) {
            return false; // "error requesting credentials: AccessDenied: User: …": an error's code, then what it says
        }
        if (t.length() >= 16) {
            return true;
        }
        boolean lower = false;
        boolean upper = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (!Character.isLetter(c)) {
                return true;
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c) && k > 0;
        }
        return lower && upper;
    }

    /** {@code REDACTED:<kind>} with a kind of lower-case letters and dashes: a marker this class wrote. */
    private static boolean isMarker(String token) {
        if (!token.startsWith("REDACTED:") || token.length() == 9 || token.length() > 30) {
            return false;
        }
        for (int i = 9; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code API key '57462b95…' is not authorized}: a quoted key right after a secret's name in prose (a quoted
     * word or name, {@code token 'expired'}, {@code secret "db-secret"}, is not one).
     */
    private static boolean quotedValueFollows(String text, int from) {
        return quotedValueFollows(text, from, false);
    }

    /**
     * {@link #quotedValueFollows(String, int)}; after a password's name ({@code proxy_set_header X-Ldap-BindPass "68+%fE#X"}, as nginx
     * and other configs write a directive), when {@code password}, any quoted value of 4 or more characters without a space.
     */
    private static boolean quotedValueFollows(String text, int from, boolean password) {
        if (from + 2 >= text.length() || text.charAt(from) != ' ' || (text.charAt(from + 1) != '\'' && text.charAt(from + 1) != '"')) {
            return false;
        }
        char quote = text.charAt(from + 1);
        int close = text.indexOf(quote, from + 2);
        if (password && close - from - 2 >= 4 && close - from - 2 <= 200 && text.substring(from + 2, close).chars().noneMatch(Character::isWhitespace)
                && !standsForAValue(text.substring(from + 2, close))) {
            return true;
        }
        if (close < 0 || close - from - 2 < 8 || close - from - 2 > 200) {
            return false;
        }
        // one run of 16 or more letters and digits, digits among them: a key, not a name (secret "gitea-db-secret", cookie "__Host-session")
        return QUOTED_KEY.matcher(text.substring(from + 2, close)).matches();
    }

    /** A name of parts ({@code X-Ldap-BindPass}, {@code ldap_bindpw}, {@code dbPassword}), not the word alone ("column password 'varchar'"). */
    private static boolean isCompound(String name) {
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c == '-' || c == '_' || c == '.' || Character.isUpperCase(c) && Character.isLowerCase(name.charAt(k - 1))) {
                return true;
            }
        }
        return name.length() > 8 && !name.equalsIgnoreCase("password") && !name.equalsIgnoreCase("passphrase");
    }

    /** A name that ends in a password's word: {@code X-Ldap-BindPass}, {@code smtp_password}, {@code DB_PWD}. */
    private static final java.util.regex.Pattern PASSWORD_NAME = java.util.regex.Pattern.compile("(?i).{0,60}(?:pass|password|passwd|pwd|pw|passphrase)");
    private static final java.util.regex.Pattern QUOTED_KEY = java.util.regex.Pattern.compile("(?=[A-Za-z]*\\d)[A-Za-z0-9]{16,200}");

    /**
     * {@code smtp_password AOGgRNNgUox6f7y5jj} in a line of a config file: a compound name (with {@code _} or {@code .}), one space,
     * then a value of letters and digits mixed, not a word.
     */
    private static boolean valueAfterSpace(String name, String text, int end) {
        String inner = name.length() > 2 ? name.substring(1, name.length() - 1) : "";
        if (end >= text.length() || text.charAt(end) != ' ' || inner.indexOf('_') < 0 && inner.indexOf('.') < 0) {
            return false; // "credentials. AADSTS50012": the end of a sentence, not a compound name
        }
        int to = end + 1;
        while (to < text.length() && !isDelimiter(text.charAt(to)) && !isEscapedBreak(text, to) && to - end <= 200) {
            to++;
        }
        String value = text.substring(end + 1, to);
        return value.length() >= 8 && value.indexOf('=') < 0 && value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
    }

    private static boolean nextNonDelimiterIsSeparator(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == ':');
    }

    private static String redactToken(String token) {
        return redactToken(token, false);
    }

    /**
     * {@link #redactToken(String)}, in a text that is an OAuth authorization request ({@code response_type=code}) when
     * {@code authorizationRequest}: its {@code client_id} is public, it travels through the user's browser (RFC 6749, 2.2).
     */
    private static String redactToken(String token, boolean authorizationRequest) {
        if (token.startsWith("arn:aws") || isMask(token)) {
            return token; // an AWS resource name, or a value its printer already masked (sk-proj-****MxYA)
        }
        String known = knownSecret(token);
        if (known != null) {
            return known;
        }
        String withoutCapability = redactCapabilityUrl(token);
        if (!withoutCapability.equals(token)) {
            return withoutCapability;
        }
        String withoutUserInfo = redactUserInfo(token);
        return redactEmbeddedKeys(redactAssignments(redactSegments(withoutUserInfo), authorizationRequest));
    }

    /**
     * A key with a long, distinctive prefix inside a word ({@code incoming+acme-17-glimt-2hrn…-issue@gitlab.example.com}):
     * the prefix and the letters and digits after it go.
     */
    private static String redactEmbeddedKeys(String token) {
        if (token.length() < 20) {
            return token;
        }
        String out = token;
        for (String prefix : KEY_PREFIXES) {
            if (prefix.length() < 5 || !(prefix.endsWith("-") || prefix.endsWith("_")) || out.indexOf(prefix, 1) < 0) {
                continue;
            }
            StringBuilder b = new StringBuilder(out.length());
            int from = 0;
            for (int at = out.indexOf(prefix, 1); at > 0; at = out.indexOf(prefix, Math.max(at + 1, from))) {
                int end = at + prefix.length();
                while (end < out.length() && Character.isLetterOrDigit(out.charAt(end))) {
                    end++;
                }
                if (at >= from && "-+._@".indexOf(out.charAt(at - 1)) >= 0 && end - at - prefix.length() >= 12) {
                    b.append(out, from, at).append(marker("api-key"));
                    from = end;
                }
            }
            out = b.append(out, from, out.length()).toString();
        }
        return out;
    }

    /** The marker for a token that is a JWT or starts with a well-known key prefix, else {@code null}. */
    private static @Nullable String knownSecret(String token) {
        if (isJwt(token) || token.startsWith("ZXlK") && token.length() >= 60 && isJwt(decodedBase64(token))) {
            return marker("jwt"); // a JWT, or one in base64 (a Kubernetes secret's token: ZXlKaGJHY2…)
        }
        if (isBase64PrivateKey(token)) {
            return marker("private-key"); // kubeconfig's client-key-data: a PEM private key in base64
        }
        if (token.length() < SHORTEST_KEY) {
            return null; // shorter than any prefix and the 12 characters after it
        }
        for (String prefix : KEY_PREFIXES) {
            if (token.startsWith(prefix) && token.length() >= prefix.length() + 12 && !SNAKE_CASE.matcher(token.substring(prefix.length())).matches()) {
                return marker("api-key"); // hf_raise_for_status is a name in code, not a key
            }
        }
        return token.length() == 34 && KEY_SHAPES.matcher(token).matches() ? marker("api-key") : null;
    }

    /** Whether the token is base64 of a PEM private key ({@code LS0tLS1CRUdJTi…}: "-----BEGIN"). */
    private static String decodedBase64(String token) {
        try {
            return new String(java.util.Base64.getMimeDecoder().decode(token.replaceAll("[^A-Za-z0-9+/=]", "")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static boolean isBase64PrivateKey(String token) {
        if (!token.startsWith("LS0tLS1CRUdJTi") || token.length() < 40) {
            return false;
        }
        String head = token.substring(0, Math.min(token.length(), 80) / 4 * 4);
        try {
            return new String(java.util.Base64.getDecoder().decode(head), java.nio.charset.StandardCharsets.US_ASCII).contains("PRIVATE KEY");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Key prefixes and JWTs inside a token: after {@code = : / ? &}, e.g. {@code /v1/keys/sk-...}. */
    private static String redactSegments(String token) {
        StringBuilder out = null;
        int segmentStart = 0;
        for (int i = 0; i <= token.length(); i++) {
            boolean boundary = i == token.length() || "=:/?&".indexOf(token.charAt(i)) >= 0;
            if (!boundary) {
                continue;
            }
            String known = segmentStart == 0 && i == token.length() ? null : knownSecret(token.substring(segmentStart, i));
            if (known != null) {
                if (out == null) {
                    out = new StringBuilder(token.length()).append(token, 0, segmentStart);
                }
                out.append(known);
            } else if (out != null) {
                out.append(token, segmentStart, i);
            }
            if (out != null && i < token.length()) {
                out.append(token.charAt(i));
            }
            segmentStart = i + 1;
        }
        return out == null ? token : out.toString();
    }

    /** A webhook URL whose path is its credential keeps its host and loses the path. */
    private static String redactCapabilityUrl(String token) {
        if (token.indexOf('/') < 0) {
            return token; // every such URL has a path
        }
        java.util.regex.Matcher m = CAPABILITY_URL.matcher(token);
        if (!m.find() || m.end() >= token.length()) {
            return token;
        }
        String credential = token.substring(m.end(), indexOfAny(token, "/?#", m.end()));
        // api.telegram.org/botXXXX/getUpdates, hooks.slack.com/services/<id>: a URL shown with its credential masked
        boolean masked = standsForAValue(credential) || credential.length() >= 3 && credential.chars().allMatch(ch -> "xX*.#".indexOf(ch) >= 0);
        return masked ? token : token.substring(0, m.end()) + marker("webhook");
    }

    private static boolean isJwt(String token) {
        if (!token.startsWith("eyJ")) {
            return false;
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return first > 10 && second > first + 10;
    }

    private static final java.util.regex.Pattern HOST_AFTER_AT = java.util.regex.Pattern.compile("[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?(?:[/?#]|$)");
    private static final java.util.regex.Pattern VERSION_AFTER_AT = java.util.regex.Pattern.compile("\\d{1,4}(?:\\.\\d{1,4}){1,6}(?::\\d{1,6})?$");

    private static final java.util.regex.Pattern NO_AUTHORITY = java.util.regex.Pattern.compile("(?i)(?:sips?|mailto|tel|xmpp|im|pres):[^/]");

    /** {@code scheme://user:password@host} and {@code user:password@host}: the password goes. */
    private static String redactUserInfo(String token) {
        int scheme = token.indexOf("://");
        int authorityStart = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = indexOfAny(token, "/?#", authorityStart);
        int at = token.lastIndexOf('@', authorityEnd - 1);
        int colon = token.indexOf(':', authorityStart);
        if (at < authorityStart && scheme > 0 && colon > 0 && colon < authorityEnd) {
            // a password holding '/', '#' or '?' unescaped (postgres://app:9KIo1s/tzh@db:5432/app): the first '@' after it
            // ends the authority when a host follows it
            at = token.indexOf('@', colon + 1);
            if (at > 0 && (!HOST_AFTER_AT.matcher(token).region(at + 1, token.length()).lookingAt()
                    || token.substring(authorityStart, colon).chars().anyMatch(c -> "/?#@".indexOf(c) >= 0)
                    || token.substring(colon + 1, authorityEnd).chars().allMatch(Character::isDigit))) {
                at = -1; // host:8080/next?by=a@b: a port, then a path
            }
        }
        if (scheme < 0 && at > 0 && (token.startsWith("@", at + 1) || VERSION_AFTER_AT.matcher(token).region(at + 1, token.length()).lookingAt())) {
            return token; // com.google.firebase:firebase-auth@@19.2.0: a package and its version, not user:password@host
        }
        if (at < authorityStart || scheme < 0 && NO_AUTHORITY.matcher(token).lookingAt()) {
            return token; // sip:alice@example.com, mailto:ops@example.com: a user at a host, no password
        }
        if (scheme > 0 && (colon < 0 || colon > at) && at - authorityStart >= 20) {
            String user = token.substring(authorityStart, at);
            if (HEX.matcher(user).matches() && user.length() >= 32 || looksRandom(user)) {
                return token.substring(0, authorityStart) + marker("secret") + token.substring(at); // a key as the user (Sentry's DSN)
            }
        }
        if (colon < 0 || colon > at || colon == at - 1 || standsForAValue(token.substring(colon + 1, at)) || DIGEST_AFTER_AT.matcher(token).region(at + 1, token.length()).lookingAt()) {
            return token; // nginx:1.17.8@sha256:380e...: an image pinned to its digest, not user:password@host
        }
        return token.substring(0, colon + 1) + marker("url-password") + token.substring(at);
    }

    /** The name of an OAuth client's id, as a query string has it, or a URL ending in one ({@code …/authorize?client_id}). */
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("(?i)(?:.*[?&])?client_?id");
    /** An OAuth authorization request's parameter, written into its URL or on a line of its own. */
    private static final java.util.regex.Pattern AUTHORIZATION_REQUEST = java.util.regex.Pattern.compile("(?i)(?:^|[?&\\s])response_type=");

    /** Redacts {@code name=value} and {@code name:value} pairs inside a token (query strings included). */
    private static String redactAssignments(String token, boolean authorizationRequest) {
        if (token.indexOf('=') < 0 && token.indexOf(':') < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        int nameStart = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            if (c == '?' || c == '&' || c == ';') {
                out.append(token, nameStart, i + 1);
                nameStart = i + 1;
                i++;
            } else if (c == ':' && token.startsWith("::", i) && i + 2 < token.length() && Character.isUpperCase(token.charAt(i + 2))) {
                i += 2; // JWT::ExpiredSignature: a namespace (Ruby, C++, Rust), not a name and its value
            } else if ((c == '=' || c == ':') && i - nameStart <= MAX_NAME && isSecretName(token.substring(nameStart, i))
                    && !token.startsWith("//", i + 1)
                    // https://__token__:****@host: a URL's user and password, judged as such already
                    && !(c == ':' && token.substring(nameStart, i).contains("://") && token.indexOf('@', i) > i)
                    // after a colon, a value with more colons is a namespaced key (auth:session:42), not a secret;
                    // both looks are bounded, so that a hostile token of many colons stays linear
                    && (c == '=' || colonValue(token, i + 1))) {
                int valueEnd = indexOfAny(token, "&;", i + 1);
                out.append(token, nameStart, i + 1);
                String value = token.substring(i + 1, valueEnd);
                String name = token.substring(nameStart, i);
                if (standsForAValue(value) || isIdName(name) && isLabel(value)
                        || authorizationRequest && CLIENT_ID.matcher(name).matches() || PublicValues.isFileLocation(value)
                        || PublicValues.isBase64OfPublicText(value, STANDARD)) {
                    out.append(value); // --token=*** or key=$API_KEY: nothing to hide
                } else if (valueEnd > i + 1) {
                    out.append(marker("secret"));
                }
                nameStart = valueEnd;
                i = valueEnd;
            } else {
                i++;
            }
        }
        out.append(token, Math.min(nameStart, token.length()), token.length());
        return out.toString();
    }

    /** Whether what follows {@code name:} at {@code from} reads as a value: looked at over at most 256 characters. */
    private static boolean colonValue(String token, int from) {
        int end = Math.min(indexOfAny(token, "&;", from, from + 256), token.length());
        String value = token.substring(from, end);
        return value.indexOf(':') < 0 && looksLikeAValue(value);
    }

    private static int indexOfAny(String text, String chars, int from, int limit) {
        for (int i = from; i < Math.min(limit, text.length()); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return Math.min(limit, text.length());
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String stripTrailingSeparators(String token) {
        int end = token.length();
        while (end > 0 && (token.charAt(end - 1) == ':' || token.charAt(end - 1) == '=')) {
            end--;
        }
        return token.substring(0, end);
    }

    private static boolean isSeparatorOnly(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != ':' && c != '=' && c != '\\') { // :\ between a name and its value in escaped JSON
                return false;
            }
        }
        return true;
    }

    private static boolean isEscapedBreak(String text, int i) {
        return text.charAt(i) == '\\' && i + 1 < text.length() && "ntr".indexOf(text.charAt(i + 1)) >= 0;
    }

    /** The name of the program a token runs: {@code /usr/bin/mysqldump} is {@code mysqldump}. */
    private static String commandName(String token) {
        int slash = token.lastIndexOf('/');
        return (slash >= 0 ? token.substring(slash + 1) : token).toLowerCase(Locale.ROOT);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == '(' || c == ')'
                || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>';
    }
}
