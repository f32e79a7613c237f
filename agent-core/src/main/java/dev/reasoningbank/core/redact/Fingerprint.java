package dev.reasoningbank.core.redact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A short, one-way fingerprint of a value: lets a lesson recognise the same rejected secret again
 * without ever storing it.
 */
public final class Fingerprint {

    private static final String PREFIX = "sha256:";
    private static final Pattern SHAPE = Pattern.compile("sha256:[0-9a-f]{12}");

    private Fingerprint() {}

    /** {@code sha256:} and the first 12 hex digits of the value's SHA-256. */
    public static String of(String value) {
        return PREFIX + hex(value).substring(0, 12);
    }

    public static boolean isFingerprint(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /** The full SHA-256 of the text, in lower-case hex. */
    public static String hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
