package dev.reasoningbank.core.redact;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that look random but are public by their format: names of code and of packages, file paths,
 * cloud resource ids, public keys and certificates, digests named by their algorithm, and base64 of a
 * document that holds nothing secret. The redactor leaves them as they are.
 */
final class PublicValues {

    /** {@code com.qoppa.pdf:jPDFAssemble:jar:1.0}: a Maven artifact's coordinates. */
    private static final Pattern MAVEN_COORDINATES = Pattern.compile(
            "[A-Za-z][\\w.-]{0,100}:[\\w.-]{1,100}:(?:jar|pom|war|ear|aar|zip|test-jar|maven-plugin|bundle)(?::[\\w.-]{1,60})?:[\\w.-]{1,60}:?");
    /** {@code @acme/secrets-manager-client@^3.0.0-beta.4}: an npm package and the version asked for. */
    private static final Pattern PACKAGE_SPEC = Pattern.compile("(?:@[a-z0-9][\\w.-]{0,60}/)?[a-z0-9][\\w.-]{0,100}@[\\^~><=]{0,2}\\d[\\w.+-]{0,60}\\.?");
    /** A file path under a root every system has: {@code /home/runner/.npm/_logs/…-debug-0.log}, an Azure resource id. */
    private static final Pattern FILE_PATH = Pattern.compile(
            "(?:~|/(?:home|Users|Volumes|var|usr|etc|opt|tmp|srv|mnt|private|root|app|workspace|builds|subscriptions|Library|System|proc|sys|dev|run|nix))"
                    + "(?:/[\\w.@+~*%-]{1,255}){1,40}/?(?::\\d{1,6}){0,2}[.,;:]?");
    /** {@code sg-0a1b2c3d4e5f67890}, {@code vpc-0abc1234}: an AWS resource id (8 or 17 hex digits after its type). */
    /** {@code age1ql3z7h…}: an age recipient, the public half of an age key (Bech32, 58 characters after {@code age1}). */
    private static final Pattern AGE_RECIPIENT = Pattern.compile("age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}[.,;:]?");
    /** A file's location under a root every system has, placeholders allowed: {@code /home/<user>/.ssh/<name_of_key_file>}. */
    private static final Pattern FILE_LOCATION = Pattern.compile(
            "(?:~|/(?:home|Users|var|etc|opt|tmp|srv|mnt|root|run|usr|private|Volumes))/[\\w.@+~%<>{}$-]{1,255}(?:/[\\w.@+~%<>{}$-]{1,255}){1,40}"
            // or any absolute path to a file of keys or certificates: SERVER_KEY: /certs/auth-proxy-key.pem
            + "|(?:/[\\w.@+~%-]{1,255}){1,40}\\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|p8|asc|gpg|pub)(?![\\w.])"
            // a Windows path, as written or escaped: C:\\Users\\dev/.ssh/id_ed25519
            + "|[A-Za-z]:(?:\\\\{1,2}|/)[\\w .@+~%-]{1,255}(?:(?:\\\\{1,2}|/)[\\w.@+~%-]{1,255}){1,40}");
    /** A field of a JSON document whose value is one plain word: {@code "action":"login"}. */
    private static final Pattern WORD_FIELD = Pattern.compile("\"([A-Za-z][\\w-]{0,40})\"\\s*:\\s*\"([A-Za-z]{1,20}(?:-(?:[A-Za-z]{1,20}|\\d{1,3})){0,4})\"");
    /** {@code com.microsoft.aad.msal4j.MsalServiceException}, with a method after it: a class named by its package, as traces print it. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "(?:[a-z][a-z0-9_]{0,60}\\.){2,20}[A-Z][A-Za-z0-9_$]{0,100}(?:\\.(?:<init>|<clinit>|[a-z][A-Za-z0-9_$]{0,100}))?[.,;:]?");
    /** An Ethereum address (20 bytes; a private key has 32) and a Bitcoin address in Bech32: public by what they are. */
    private static final Pattern CHAIN_ADDRESS = Pattern.compile(
            "(?:0x[0-9a-fA-F]{40}|(?:bc1|tb1)[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{39,59})[.,;:]?");
    /** A Solana address (base58 of 32 bytes) in a text about Solana: a public key, as its name says. */
    private static final Pattern BASE58_ADDRESS = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{32,44}[.,;:]?");
    private static final Pattern SOLANA_WORDS = Pattern.compile("(?i)\\b(?:solana|sol|lamports?|pubkey|spl|mint)\\b");
    /** {@code https%3A%2F%2Fportal.example%2Fcallback}: a link written URL-encoded in a query, without a user in it. */
    private static final Pattern ENCODED_LINK = Pattern.compile("(?i)https?%3A%2F%2F(?:(?!%40)[\\w.~%-]){1,500}");
    /** The public members of a JSON Web Key ({@code "kty":"RSA","n":"…","e":"AQAB","kid":"…"}); {@code d}, {@code p}, {@code q} are private. */
    private static final Pattern JWK_PUBLIC_MEMBER = Pattern.compile("\"(?:n|e|x|y|kid|x5t|x5t#S256)\"\\s{0,3}:\\s{0,3}\"([^\"]{1,2000})\"");
    private static final Pattern AWS_RESOURCE_ID = Pattern.compile(
            "(?:sg|vpc|subnet|i|ami|vol|snap|eni|rtb|igw|nat|acl|eipalloc|eipassoc|lt|tgw|tgw-attach|pcx|vpce|dopt|cgw|vgw|fs|fsap|r|vpn|pl|elbv2|db)"
                    + "-(?:[0-9a-f]{8}|[0-9a-f]{17})[.,;:]?");
    /** {@code ReplicaSet/centos-new-6846f658db}: a Kubernetes object's kind and name. */
    private static final Pattern KIND_AND_NAME = Pattern.compile("(?:[A-Z][a-z]+){1,4}/[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?[.,;:]?");
    /** {@code |1|kzy0kmLA…=|rSUtq1gG…=}: a host name as {@code known_hosts} hashes it. */
    private static final Pattern HASHED_HOST = Pattern.compile("\\|1\\|[A-Za-z0-9+/]{27}=\\|[A-Za-z0-9+/]{27}=");
    /** {@code Sha256Hasher.java:41}: a source file and line of a stack frame. */
    private static final Pattern SOURCE_LINE = Pattern.compile("[A-Za-z_$][\\w$]{0,200}\\.(?:java|kt|scala|groovy|clj|py|rb|go|rs|cs|js|ts):\\d{1,6}");
    /** What follows the method of a stack frame: {@code (Sha256Hasher.java:41)}, {@code (Native Method)}. */
    private static final Pattern FRAME_SOURCE = Pattern.compile("\\((?:" + SOURCE_LINE.pattern() + "|Native Method|Unknown Source)\\)");
    /** The algorithms of SSH public keys: the token after one is a public key. */
    private static final Set<String> PUBLIC_KEY_TYPES = Set.of("ssh-rsa", "ssh-dss", "ssh-ed25519", "ssh-ed448", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    /** The kinds of PEM block that hold public material: a certificate, a public key, a request, a revocation list, a signature. */
    private static final List<String> PUBLIC_PEM_KINDS = List.of("CERTIFICATE", "PUBLIC KEY", "CERTIFICATE REQUEST", "X509 CRL",
            "TRUSTED CERTIFICATE", "PGP SIGNATURE", "PGP PUBLIC KEY BLOCK", "SSH SIGNATURE");
    /** {@code projects/-/serviceAccounts/runner@p.iam.gserviceaccount.com}: a Google Cloud resource name. */
    private static final Pattern GCP_RESOURCE = Pattern.compile("(?:projects|organizations|folders|billingAccounts)/[\\w.@-]{1,100}(?:/[\\w.@-]{1,200}){0,10}[.,;:]?");
    /** {@code HEAD~1:models/intent-classifier.onnx}: a file at a revision. */
    private static final Pattern GIT_REVISION_PATH = Pattern.compile("(?:HEAD|FETCH_HEAD|ORIG_HEAD|[0-9a-f]{7,40})(?:[~^]\\d{0,3}){0,5}:[\\w./@+-]{1,255}");
    /** {@code bestander@DESKTOP-9BB67ID:/mnt/c/Users/besta/work/temp$}: a shell prompt. */
    private static final Pattern SHELL_PROMPT = Pattern.compile("[\\w.-]{1,64}@[\\w.-]{1,64}:[~/][^\\s]{0,255}[$#]");
    /** {@code terraform_1.9.5_SHA256SUMS.sig}: a file's name by its extension. */
    /** A file's name, at most one slash before it; its extension in lower case, or a longer one in upper case as some systems write it ({@code .PDF}). */
    private static final String EXTENSIONS = "sig|asc|zip|gz|tgz|tar|bz2|xz|jar|war|whl|dmg|deb|rpm|apk|exe|msi|onnx|"
            + "json|ya?ml|toml|txt|log|csv|md|sh|py|js|ts|go|rs|java|kt|xml|html|png|jpe?g|gif|svg|pdf|so|dll|dylib|bin|img|iso|sql|dump";
    private static final Pattern FILE_NAME = Pattern.compile("[/*]?[\\w.+-]{1,200}\\.(?:" + EXTENSIONS + "|"
            + java.util.Arrays.stream(EXTENSIONS.split("\\|")).filter(e -> e.length() >= 3).map(e -> e.toUpperCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining("|")) + ")[.,;:]?");
    /** {@code owner/ssh-command-action@v0.2.2}: a GitHub Action pinned at a version, a branch or a commit, after {@code Run} or {@code uses:}. */
    private static final Pattern ACTION_REF = Pattern.compile(
            "[\\w.-]{1,100}/[\\w.-]{1,100}(?:/[\\w.-]{1,100}){0,5}@(?:v\\d{1,4}(?:\\.\\d{1,4}){0,2}|\\d{1,4}\\.\\d{1,4}(?:\\.\\d{1,4})?|[0-9a-f]{40}|main|master)"
            + "(?:-[\\w.]{1,40})?[.,;:]?");
    private static final java.util.Set<String> ACTION_CONTEXT = java.util.Set.of("Run", "uses:", "uses", "action");
    /** {@code net.schmizz.sshj.…FingerprintVerifier$1@73f0d46f}: a Java object as its default {@code toString} prints it, a class and a hash code. */
    /** {@code #<OAuth2::Response:0x00000107615410}: a Ruby object as {@code inspect} prints it, a class and an address. */
    private static final Pattern RUBY_OBJECT = Pattern.compile("#?<?(?:[A-Z][A-Za-z0-9_]{0,60}::){0,8}[A-Z][A-Za-z0-9_]{0,60}:0x[0-9a-f]{8,16}[.,;:>]?");
    private static final Pattern JAVA_OBJECT = Pattern.compile("(?:[a-z][a-z0-9_]{0,60}\\.){2,20}[A-Z][A-Za-z]{0,100}(?:\\$[A-Za-z0-9]{1,60}){0,5}@[0-9a-f]{1,8}[.,;:]?");
    /** {@code pk_live_…}: a Stripe publishable key, made to be shipped to browsers (gitleaks flags {@code sk_} and {@code rk_} only). */
    private static final Pattern PUBLISHABLE_KEY = Pattern.compile("pk_(?:live|test)_[A-Za-z0-9]{10,120}(?:\\.{3}|…)?[.,;:]?");
    /** The first bytes of image and document files in base64 (PNG, JPEG, GIF, PDF, ZIP): content, not a credential. */
    private static final List<String> FILE_MAGIC = List.of("iVBORw0KGgo", "/9j/", "R0lGOD", "JVBERi0", "UEsDB");

    /** A string as a value in JSON: after a colon or inside an array. */
    private static final Pattern STRING_VALUE = Pattern.compile("[:\\[,]\\s*\"(?![^\"]*\"\\s*:)");

    private PublicValues() {}

    /**
     * The blocks of public PEM material in {@code text}, as {@code [start, end)} pairs in order, found in
     * linear time: each kind's end marker is looked for once from each of its blocks' starts.
     */
    static List<int[]> publicBlocks(String text) {
        boolean jwk = text.contains("\"kty\"");
        if (!text.contains("-----BEGIN ") && !jwk) {
            return List.of();
        }
        List<int[]> blocks = new java.util.ArrayList<>();
        if (jwk) {
            java.util.regex.Matcher member = JWK_PUBLIC_MEMBER.matcher(text);
            while (member.find()) {
                blocks.add(new int[] {member.start(1), member.end(1)});
            }
        }
        for (String kind : PUBLIC_PEM_KINDS) {
            String begin = "-----BEGIN " + kind + "-----";
            String end = "-----END " + kind + "-----";
            int at = text.indexOf(begin);
            while (at >= 0) {
                int close = text.indexOf(end, at + begin.length());
                if (close < 0) {
                    // cut before its end (a terminal's scrollback, a truncated log): its lines of base64 still are public
                    blocks.add(new int[] {at, endOfBase64Lines(text, at + begin.length())});
                    break; // no end after this begin, so none after any later one either
                }
                if (isPemBody(text, at + begin.length(), close)) {
                    blocks.add(new int[] {at, close + end.length()});
                }
                at = text.indexOf(begin, close + end.length());
            }
        }
        blocks.sort(java.util.Comparator.comparingInt(b -> b[0]));
        List<int[]> disjoint = new java.util.ArrayList<>();
        for (int[] b : blocks) {
            if (disjoint.isEmpty() || b[0] >= disjoint.get(disjoint.size() - 1)[1]) {
                disjoint.add(b);
            }
        }
        return disjoint;
    }

    /** Where the lines of base64 that start at {@code from} end. */
    private static int endOfBase64Lines(String text, int from) {
        int end = from;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                end = k;
            } else if (!(Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '\r')) {
                return end;
            }
        }
        return text.length();
    }

    /** Lines of base64 (with a PGP armor's headers and checksum), blanks, and JSON-escaped line breaks: no other text. */
    private static boolean isPemBody(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '\\' || Character.isWhitespace(c) || c == ':' || c == '.')) {
                return false;
            }
        }
        return to - from < 40_000;
    }

    /** Whether {@code token} is public by its form alone. */
    static boolean isPublic(String token) {
        return token.length() <= 4096 && (MAVEN_COORDINATES.matcher(token).matches() || PACKAGE_SPEC.matcher(token).matches()
                || FILE_PATH.matcher(token).matches() && token.chars().filter(c -> c == '/').count() >= 2
                || AWS_RESOURCE_ID.matcher(token).matches() || KIND_AND_NAME.matcher(token).matches()
                || HASHED_HOST.matcher(token).matches() || SOURCE_LINE.matcher(token).matches() || GCP_RESOURCE.matcher(token).matches()
                || GIT_REVISION_PATH.matcher(token).matches() || SHELL_PROMPT.matcher(token).matches() || FILE_NAME.matcher(token).matches()
                || JAVA_OBJECT.matcher(token).matches() || RUBY_OBJECT.matcher(token).matches() || AGE_RECIPIENT.matcher(token).matches() || QUALIFIED_CLASS.matcher(token).matches()
                || CHAIN_ADDRESS.matcher(token).matches()
                || token.length() >= 64 && FILE_MAGIC.stream().anyMatch(token::startsWith) || PUBLISHABLE_KEY.matcher(token).matches());
    }

    /** Whether {@code token} is a link written URL-encoded in which the redactor finds nothing secret (a webhook's URL is one). */
    static boolean isEncodedLink(String token, Redactor redactor) {
        if (!ENCODED_LINK.matcher(token).matches()) {
            return false;
        }
        String link = java.net.URLDecoder.decode(token, StandardCharsets.UTF_8);
        return redactor.redact(link).equals(link);
    }

    /**
     * Whether {@code token} is a Bitcoin address in Base58Check ({@code 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa}): its version byte is
     * an address's (pay to a key or a script, main or test network) and its checksum holds, which a random string of that
     * shape does once in four billion. A private key in the same encoding (WIF) has another version byte.
     */
    static boolean isBitcoinAddress(String token) {
        String t = token.replaceAll("[.,;:]$", "");
        if (!BITCOIN_ADDRESS.matcher(t).matches()) {
            return false;
        }
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        for (int i = 0; i < t.length(); i++) {
            value = value.multiply(java.math.BigInteger.valueOf(58)).add(java.math.BigInteger.valueOf(BASE58.indexOf(t.charAt(i))));
        }
        byte[] digits = value.toByteArray();
        int leadingOnes = 0;
        while (leadingOnes < t.length() && t.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        int skip = digits.length > 1 && digits[0] == 0 ? 1 : 0; // BigInteger's sign byte
        byte[] decoded = new byte[leadingOnes + digits.length - skip];
        System.arraycopy(digits, skip, decoded, leadingOnes, digits.length - skip);
        if (decoded.length != 25 || !ADDRESS_VERSIONS.contains(decoded[0] & 0xff)) {
            return false;
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] check = sha.digest(sha.digest(java.util.Arrays.copyOf(decoded, 21)));
            return java.util.Arrays.equals(check, 0, 4, decoded, 21, 25);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final Pattern BITCOIN_ADDRESS = Pattern.compile("[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** Version bytes of Bitcoin addresses: pay to a key hash (0, 111 on testnet) or to a script hash (5, 196). */
    private static final java.util.Set<Integer> ADDRESS_VERSIONS = java.util.Set.of(0x00, 0x05, 0x6f, 0xc4);

    /**
     * Whether {@code token} is a sentence written URL-encoded in which the redactor finds nothing secret
     * ({@code TF400813%3A%20ressource%20non%20disponible%20pour%20l%27acc%C3%A8s}): four or more words once decoded.
     */
    static boolean isEncodedProse(String token, Redactor redactor) {
        if (token.length() > 4096 || token.split("%20", -1).length < 5) {
            return false;
        }
        String text;
        try {
            text = java.net.URLDecoder.decode(token, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return false;
        }
        return text.split("\\s+").length >= 4 && redactor.redact(text).equals(text);
    }

    /** Whether {@code token} is a Solana address in a text about Solana ({@code Pubkey.from_string("Es9vMF…")}). */
    static boolean isSolanaAddress(String text, String token) {
        return BASE58_ADDRESS.matcher(token).matches() && SOLANA_WORDS.matcher(text).find();
    }

    /** Whether {@code token}, after {@code previous}, is a GitHub Action's reference ({@code uses: actions/checkout@v4}). */
    static boolean isActionReference(String previous, String token) {
        return ACTION_CONTEXT.contains(previous) && ACTION_REF.matcher(token).matches();
    }

    /** A source file in a path, and its line: {@code /rustc/fc594f…/library\\std\\src\\panicking.rs:575}. */
    private static final Pattern SOURCE_LOCATION = Pattern.compile(
            "[\\w./\\\\@~-]{1,300}[/\\\\][\\w.-]{1,80}\\.(?:rs|java|kt|py|rb|go|js|mjs|ts|tsx|cs|c|cc|cpp|h|hpp|swift|scala|php|ex|exs|erl|dart|lua)"
            + "(?::\\d{1,6}){1,2}");

    /** Whether {@code token} is a source file in a path and its line, as a stack frame or a panic prints it. */
    static boolean isSourceLocation(String token) {
        return token.length() <= 400 && SOURCE_LOCATION.matcher(token).matches();
    }

    /** Whether the text at {@code start} is a file's location, what a secret's name may point to ({@code private key: /home/u/.ssh/id}). */
    static boolean isFileLocation(String text, int start) {
        return FILE_LOCATION.matcher(text).region(start, Math.min(text.length(), start + 4096)).lookingAt();
    }

    /** Whether {@code value} is a file's location, all of it ({@code TLS_KEY=/certs/tls/proxy.pem}). */
    static boolean isFileLocation(String value) {
        return value.length() <= 4096 && FILE_LOCATION.matcher(value).matches();
    }

    /** Whether {@code token} names a type of public key ({@code ssh-ed25519}). */
    static boolean isPublicKeyType(String token) {
        return PUBLIC_KEY_TYPES.contains(token);
    }

    /** Whether {@code token}, after {@code previous}, is an SSH public key ({@code ssh-ed25519 AAAAC3Nz…}). */
    static boolean isPublicKey(String previous, String token) {
        return token.startsWith("AAAA") && PUBLIC_KEY_TYPES.contains(previous);
    }

    /** Whether the text at {@code end} goes on with the source of a stack frame: the token before it is a method's name. */
    static boolean isFrameMethod(String text, int end) {
        return end < text.length() && text.charAt(end) == '(' && FRAME_SOURCE.matcher(text).region(end, Math.min(text.length(), end + 260)).lookingAt();
    }

    /** The document without its fields that hold one plain word under a name that is no secret's. */
    private static String withoutWordFields(String document) {
        return WORD_FIELD.matcher(document).replaceAll(m -> Redactor.isSecretName(m.group(1)) ? java.util.regex.Matcher.quoteReplacement(m.group()) : "0");
    }

    /**
     * Whether {@code value} is base64 of a document or an address ({@code {"auths":{"ghcr.io":{}}}},
     * {@code tcp://10.43.202.103:5705}) in which the redactor finds nothing secret.
     */
    static boolean isBase64OfPublicText(String token, Redactor redactor) {
        String value = token.replaceAll("\\\\+$", ""); // written inside an escaped string: dGNw…NzA1\"
        if (value.length() < 16 || value.length() > 4096 || !value.matches("[A-Za-z0-9+/_-]+={0,2}")) {
            return false;
        }
        byte[] bytes;
        try {
            // padding is optional to the decoders
            bytes = (value.contains("-") || value.contains("_") ? java.util.Base64.getUrlDecoder() : java.util.Base64.getDecoder()).decode(value);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFD)) {
            return false;
        }
        String t = text.strip();
        // a document of names, numbers and plain words under names that are no secret's ({"auths":{"ghcr.io":{}}},
        // {"user":"alice","action":"login"}), or an address without a user or a query
        boolean noStrings = (t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]"))
                && !STRING_VALUE.matcher(withoutWordFields(t)).find();
        boolean address = t.matches("[a-z][a-z0-9+.-]{1,20}://[^@?#\\s]+");
        // a page of markup (<html><body>Hello</body></html>) or a sentence of words, nothing secret in them
        boolean markup = t.startsWith("<") && t.endsWith(">") && t.length() >= 8;
        boolean prose = t.split("\\s+").length >= 4;
        return (noStrings || address || markup || prose) && redactor.redact(text).equals(text);
    }
}
