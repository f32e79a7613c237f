package dev.reasoningbank.core.redact;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets told by where they stand rather than by a name beside them: the argument of a protocol's
 * {@code PASS} command in a client's transcript, the password of a {@code (user, password)} pair given to an
 * HTTP library, a value printed alone on the line after one that announces a password, the password of a
 * SQL statement, the code of a one-time-password check, recovery codes listed under their heading or printed from their
 * file, the password of a line of Postfix's {@code sasl_passwd}, the password of a
 * Windows {@code net use} and the response of an HTTP Digest answer.
 */
final class PositionalSecrets {

    /** An FTP or POP3 transcript ({@code > USER ops} then {@code > PASS s3cret}), as curl -v and mail clients print it. */
    private static final Pattern USER_COMMAND = Pattern.compile("(?m)^(?:> ?|C: ?)?USER \\S");
    private static final Pattern PASS_COMMAND = Pattern.compile("(?m)^((?:> ?|C: ?)?PASS )(\\S{1,200})[ \\t\\r]*$");

    /**
     * {@code auth=('user', 'password')}, {@code HTTPBasicAuth("user", "password")}: Python's requests, httpx, aiohttp;
     * {@code server.login("user", "password")}: smtplib, imaplib, ftplib.
     */
    private static final Pattern AUTH_PAIR = Pattern.compile(
            "(?i)((?:\\bauth\\s{0,3}=\\s{0,3}\\(|basicauth\\(|digestauth\\(|\\.login\\()\\s{0,3}(?:'[^'\\n]{1,100}'|\"[^\"\\n]{1,100}\"|[a-z_][\\w.]{0,60})"
            + "\\s{0,3},\\s{0,3}(['\"]))([^'\"\\n]{1,200})\\2");

    /** SQL that sets a password: {@code ALTER USER app WITH ENCRYPTED PASSWORD '...'}, {@code CREATE USER 'r'@'%' IDENTIFIED BY '...'}. */
    private static final Pattern SQL_PASSWORD = Pattern.compile(
            "(?i)(\\b(?:create|alter)\\s{1,3}(?:user|role|login)\\b[^;\\n]{0,200}?(?:\\b(?:(?:un)?encrypted\\s{1,3})?password\\s{1,3}"
            + "|\\bidentified\\s{1,3}(?:with\\s{1,3}\\w{1,40}\\s{1,3})?by\\s{1,3}(?:password\\s{1,3})?)E?(['\"]))([^'\"\\n]{1,200})\\2");

    /** The code a one-time-password check was given, on a line about that check ({@code totp verification failed ... code=942881}). */
    private static final Pattern OTP_LINE = Pattern.compile("(?i)(?<![a-z])(?:t?otp|mfa|2fa|one-time|passcode|sms code|verification code)(?![a-z])");
    private static final Pattern CODE_VALUE = Pattern.compile("(?i)(?<!error |status |exit |response |reason |http |retry |country |area |postal |zip |promo )"
            + "(\\b(?:(?:submitted|entered|provided|input|user|sms|email|otp|totp|mfa|2fa|verification|auth)[_-]?)?code\\s?(?:[=:]|\\sis)\\s?\"?"
            // "the code 135903 is not valid": a code of an OTP's length written right after the word
            + "|\\bcode\\s(?=\\d{6,8}\\b))(\\d{4,8})\\b");

    /**
     * A PIN as a person or a modem gives it: {@code entered PIN 7395}, {@code wrong card PIN: 1234}, {@code AT+CPIN="2580"} (a SIM's
     * PIN, or its PUK then a new PIN). A pin of a board ({@code GPIO pin 1234}) or a postal PIN code has no such word before it.
     */
    private static final Pattern PIN_VALUE = Pattern.compile("(?i)(\\b(?:entered|enter|typed|wrong|incorrect|card|sim|new|old|your|user)\\s"
            + "(?:card\\s|sim\\s)?PIN(?:\\s(?:code|number))?(?:\\s?[=:]\\s?|\\sis\\s|\\swas\\s|\\s)\"?)(\\d{4,8})\\b");
    private static final Pattern SIM_PIN = Pattern.compile("(?i)(\\bAT\\+CPIN2?=\"?)(\\d{4,8})(\"?(?:\\s{0,3},\\s{0,3}\"?\\d{4,8}\"?)?)"
            // a facility lock's password (3GPP TS 27.007: AT+CLCK=<fac>,<mode>,<passwd>) and a change of one (AT+CPWD=<fac>,<old>,<new>)
            + "|(?i)(\\bAT\\+CLCK=\"?[A-Z]{2}\"?\\s{0,3},\\s{0,3}\\d\\s{0,3},\\s{0,3}\"?)(\\d{4,8})(\"?)"
            + "|(?i)(\\bAT\\+CPWD=\"?[A-Z]{2}\"?\\s{0,3},\\s{0,3}\"?)(\\d{4,8})(\"?\\s{0,3},\\s{0,3}\"?\\d{4,8}\"?)");
    /** {@code backup recovery code c99mc-3zccb}: one of the codes that let an account in without its second factor. */
    private static final String CODE_SHAPE = "(?=[a-z0-9-]{0,24}[a-z])(?=[a-z-]{0,24}\\d)[a-z0-9]{4,12}(?:-[a-z0-9]{4,12}){0,3}";
    private static final Pattern RECOVERY_CODE = Pattern.compile(
            "(?i)(\\b(?:recovery|backup)\\scodes?(?:\\s?[=:]\\s?|\\sis\\s|\\s)\"?)(?!0x|(?:rsa|sha|md|aes|des|ecdsa|ed)\\d)(" + CODE_SHAPE + ")\\b");
    /** PHP's stack trace shows a database connection's arguments: {@code PDO->__construct('mysql:host=db', 'app', 'password')}. */
    private static final Pattern PHP_CONNECT = Pattern.compile(
            "(?i)(\\b(?:PDO->__construct|new PDO|mysqli->__construct|new mysqli|mysqli_connect)\\(\\s{0,3}(?:'[^'\\n]{0,200}'|NULL)\\s{0,3},"
            + "\\s{0,3}(?:'[^'\\n]{0,200}'|NULL)\\s{0,3},\\s{0,3}')([^'\\n]{1,200})'");
    /** Spring Boot's "APPLICATION FAILED TO START": {@code Property: spring.datasource.password}, then {@code Value: "..."} on the next line. */
    private static final Pattern PROPERTY_VALUE = Pattern.compile("(?m)^([ \\t]*Property:[ \\t]*([\\w.\\[\\]-]{1,200})[ \\t]*\\r?\\n[ \\t]*Value:[ \\t]*(\"?))([^\"\\s][^\\r\\n]{0,499})");

    /**
     * Windows' {@code net use Z: \\\\server\\share password /user:DOMAIN\\name}: the argument after the share is its password,
     * after the {@code /user:} that may come first too.
     */
    private static final Pattern NET_USE = Pattern.compile("(?im)^(.{0,200}?\\bnet\\s{1,4}use\\s{1,4}(?:[a-z]:\\s{1,4}|\\*\\s{1,4})?\\\\\\\\\\S{1,300}\\s{1,4}"
            + "(?:/user:\\S{1,200}\\s{1,4})?)([^\\s/*][^\\s]{0,200})");
    /** A list of recovery codes under the line that announces it ({@code Recovery codes (each can be used once):}). */
    private static final Pattern CODES_ANNOUNCED = Pattern.compile("(?i)\\b(?:recovery|backup)\\scodes\\b.{0,80}:\\s*$"
            // or a file of them printed: cat ~/Downloads/github-recovery-codes.txt
            + "|\\b(?:cat|type|more|less|head|tail|get-content|gc)\\s+\\S{0,200}(?:recovery|backup)[-_ ]?codes\\S{0,40}\\s*$");
    private static final Pattern LISTED_CODE = Pattern.compile("(?i)" + CODE_SHAPE);

    /**
     * A line of Postfix's {@code sasl_passwd}: {@code [smtp.gmail.com]:587 user@example.com:password}, the relay in brackets, then the
     * user and, after the first colon, the password, the rest of the line (an app password has spaces: {@code dfpf fxte ahmj becv}).
     */
    private static final Pattern SASL_PASSWD = Pattern.compile("(?m)^([ \\t]{0,8}\\[[A-Za-z0-9.-]{1,253}](?::\\d{1,5})?[ \\t]{1,8}[^\\s:]{1,200}:)(\\S[^\\r\\n]{0,199}?)[ \\t]*$");
    /** A password piped to a program that reads it from its input: {@code echo S3cret | sudo -S …}, {@code | passwd --stdin}, {@code | chpasswd}. */
    private static final Pattern PIPED_PASSWORD = Pattern.compile("(\\becho\\s{1,4}(?:-[ne]{1,2}\\s{1,4})?(['\"]?))([^\\s'\"|$][^\\s'\"|]{0,199})(?=\\2\\s{0,4}\\|\\s{0,4}"
            + "(?:(?:[\\w.-]{0,40}/){0,6}sudo\\s(?:[^|\\n]{0,80}\\s)?-S\\b|[\\w/.-]{0,40}passwd\\s(?:[^|\\n]{0,80}\\s)?--stdin\\b|chpasswd\\b))");
    /** An HTTP Digest answer: its {@code response} hash proves the password for that nonce. */
    private static final Pattern DIGEST_RESPONSE = Pattern.compile("(?i)((?:(?<![a-z])|(?<=\\\\[rn]))authorization:\\s{0,3}digest\\b[^\\n]{0,600}?\\bresponse=\"?)([0-9a-f]{32,128})");

    /** A URL's password a terminal wrapped: {@code postgres://user:gyeS7z} at a line's end, {@code DnYF@host:5432/db} on the next. */
    private static final Pattern WRAPPED_URL_PASSWORD = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]{1,20}://[^\\s:/@]{1,100}:)([^\\s@/]{1,200})(\\r?\\n(?:[ \\t]{0,8}\\d{1,6}[ \\t]{0,4}\\|[ \\t]?)?)([^\\s@/|]{1,200})(?=@[a-z0-9.-]{1,253}[:/\\s])");
    /**
     * A value in aligned columns, as nmcli, kubectl describe and many CLIs print a setting: {@code 802-11-wireless-security.psk:   Ember
     * Basil Zephyr83}. Under a secret's name, the rest of the line is the value, every word of it.
     */
    private static final Pattern ALIGNED_VALUE = Pattern.compile("(?m)^([ \\t]{0,12}([\\w.-]{1,100}):[ \\t]{2,60})([^\\s<(\\[*-][^\\r\\n]{0,200}?)[ \\t]*$");
    /** Names a column also uses for what is no secret ({@code Session:   active}, {@code Key:   docs/index.txt}). */
    private static final Pattern BROAD_NAME = Pattern.compile("(?i)(?:.*[.-])?(?:session|key|auth|authorization|signature|sig|cookie)");
    /** Expect's debug log of what it typed: {@code send: sending "cobalt umber aspen coral\\r" to { exp4 }}. */
    private static final Pattern EXPECT_SEND = Pattern.compile("(?m)^(send: sending \\{?\")((?:[^\"\\\\\\n]|\\\\[^r\\n]){1,200})(?=(?:\\\\r)?\\}?\"\\s+to\\s+\\{)");
    private static final Pattern EXPECT_SECRET_PROMPT = Pattern.compile("(?im)\\b(?:passphrase|password|passcode|pin)\\b[^\\n]{0,80}:\\s*$|glob pattern \"[^\"]*(?:passphrase|password|passcode)");

    /** A container's name before its log lines ({@code jenkins  | }). */
    private static final Pattern LOG_PREFIX = Pattern.compile("^[\\w.-]{1,40}\\s{1,8}\\|\\s?");

    private PositionalSecrets() {}

    static String redact(String text) {
        // the words that let a rule apply, looked for once in the text as given (a marker adds none of them)
        String lower = text.toLowerCase(Locale.ROOT);
        String out = text;
        if (text.contains("PASS ") && USER_COMMAND.matcher(text).find()) {
            out = replaceGroup(PASS_COMMAND.matcher(out), 1, 2);
        }
        if (lower.contains("auth") || lower.contains(".login(")) {
            out = replaceGroup(AUTH_PAIR.matcher(out), 1, 3);
        }
        if (lower.contains("password")) {
            out = afterAnnouncingLine(out);
        }
        if (lower.contains("password") || lower.contains("identified")) {
            out = replaceGroup(SQL_PASSWORD.matcher(out), 1, 3);
        }
        if (lower.contains("code") && OTP_LINE.matcher(out).find()) {
            out = otpCodes(out);
        }
        if (lower.contains("digest")) {
            out = replaceGroup(DIGEST_RESPONSE.matcher(out), 1, 2);
        }
        if (lower.contains("pin") || lower.contains("at+c")) {
            out = replaceGroup(PIN_VALUE.matcher(out), 1, 2);
            out = simPins(out);
        }
        if (lower.contains("recovery") || lower.contains("backup")) {
            out = replaceGroup(RECOVERY_CODE.matcher(out), 1, 2);
            out = listedCodes(out);
        }
        if (lower.contains("://")) {
            out = replaceEach(WRAPPED_URL_PASSWORD.matcher(out), m -> m.group(1) + Redactor.marker("url-password") + m.group(3) + Redactor.marker("url-password"));
        }
        if (out.contains(":  ")) {
            out = replaceEach(ALIGNED_VALUE.matcher(out), m -> Redactor.isSecretName(m.group(2)) && !BROAD_NAME.matcher(m.group(2)).matches()
                    && !m.group(3).matches("(?i)none|null|true|false|\\d{1,2}|\\d{1,9} bytes") && !PublicValues.isFileLocation(m.group(3), 0)
                    ? m.group(1) + Redactor.marker("secret") : m.group());
        }
        if (lower.contains("send: sending") && EXPECT_SECRET_PROMPT.matcher(out).find()) {
            out = expectSends(out);
        }
        if (text.contains("]:") || text.contains("] ")) {
            out = replaceGroup(SASL_PASSWD.matcher(out), 1, 2);
        }
        if (lower.contains("sudo") || lower.contains("passwd")) {
            out = replaceGroup(PIPED_PASSWORD.matcher(out), 1, 3);
        }
        if (lower.contains("net use")) {
            out = replaceGroup(NET_USE.matcher(out), 1, 2);
        }
        if (lower.contains("pdo") || lower.contains("mysqli")) {
            out = replaceGroup(PHP_CONNECT.matcher(out), 1, 2);
        }
        if (text.contains("Property:")) {
            out = propertyValues(out);
        }
        return out;
    }

    /** What expect sent after it matched a prompt for a password or a passphrase: the answer to that prompt. */
    private static String expectSends(String text) {
        String[] lines = text.split("\n", -1);
        boolean prompted = false;
        for (int i = 0; i < lines.length; i++) {
            if (EXPECT_SECRET_PROMPT.matcher(lines[i]).find()) {
                prompted = true;
            } else if (prompted && lines[i].startsWith("send: sending")) {
                lines[i] = replaceGroup(EXPECT_SEND.matcher(lines[i]), 1, 2);
                prompted = false;
            }
        }
        return String.join("\n", lines);
    }

    /** Each match as its group {@code keep}, a marker for its group {@code secret}, then what follows that group in the match. */
    private static String replaceGroup(Matcher m, int keep, int secret) {
        return replaceEach(m, match -> match.group(keep) + Redactor.marker("secret") + match.group().substring(match.end(secret) - match.start()));
    }

    /** {@code AT+CPIN="PUK","new PIN"}: every number the command gives is a secret. */
    private static String simPins(String text) {
        return replaceEach(SIM_PIN.matcher(text), m -> {
            int g = m.group(1) != null ? 1 : m.group(4) != null ? 4 : 7;
            return m.group(g) + Redactor.marker("secret") + m.group(g + 2).replaceAll("\\d{4,8}", Redactor.marker("secret"));
        });
    }

    /** A value Spring Boot shows under a property whose name holds a secret. */
    private static String propertyValues(String text) {
        return replaceEach(PROPERTY_VALUE.matcher(text), m -> !Redactor.isSecretName(m.group(2)) || m.group(4).startsWith("${") ? m.group()
                : m.group(1) + Redactor.marker("secret") + (!m.group(3).isEmpty() && m.group(4).endsWith("\"") ? "\"" : ""));
    }

    /** Each match replaced by what {@code replacement} makes of it. */
    static String replaceEach(Matcher m, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String otpCodes(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (OTP_LINE.matcher(lines[i]).find()) {
                lines[i] = replaceGroup(CODE_VALUE.matcher(lines[i]), 1, 2);
            }
        }
        return String.join("\n", lines);
    }

    /** Each line that holds one code alone, in the list under a line announcing recovery codes. */
    private static String listedCodes(String text) {
        String[] lines = text.split("\n", -1);
        boolean inList = false;
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].strip();
            if (inList && LISTED_CODE.matcher(content).matches()) {
                lines[i] = lines[i].replace(content, Redactor.marker("secret"));
                continue;
            }
            inList = CODES_ANNOUNCED.matcher(lines[i]).find();
        }
        return String.join("\n", lines);
    }

    /** {@code Please use the following password to proceed:} then, on the next line that is not blank, the password alone. */
    private static String afterAnnouncingLine(String text) {
        String[] lines = text.split("\n", -1);
        boolean announced = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher prefix = LOG_PREFIX.matcher(lines[i]);
            int from = prefix.lookingAt() ? prefix.end() : 0;
            String content = lines[i].substring(from).strip();
            if (content.isEmpty()) {
                continue;
            }
            if (announced && content.length() >= 6 && content.length() <= 128 && content.chars().noneMatch(Character::isWhitespace)
                    && !content.endsWith(":") && !content.startsWith("[REDACTED") && !content.contains("://")
                    && content.chars().anyMatch(Character::isDigit) && content.chars().anyMatch(Character::isLetter)) {
                lines[i] = lines[i].substring(0, lines[i].indexOf(content, from)) + Redactor.marker("secret")
                        + lines[i].substring(lines[i].indexOf(content, from) + content.length());
            }
            announced = content.endsWith(":") && content.toLowerCase(Locale.ROOT).contains("password");
        }
        return String.join("\n", lines);
    }
}
