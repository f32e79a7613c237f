package dev.reasoningbank.core.redact;

import dev.reasoningbank.core.internal.Internal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short, one-way, keyed fingerprint of a value: lets a lesson recognise the same rejected secret again
 * without ever storing it, and without letting anyone who has only the bank file guess it back (an
 * unkeyed hash of {@code hunter2} or of a 6-digit PIN falls to a dictionary in milliseconds). The key
 * is per installation, kept outside the bank ({@code ~/.reasoningbank/fingerprint.key}, or the file the
 * system property {@value #KEY_PROPERTY} or the environment variable {@value #KEY_ENV} names), created
 * with owner-only permissions on first use. A bank copied without its key still loads: the conditions
 * it cannot check simply do not match.
 */
@Internal
public final class Fingerprint {

    public static final String KEY_PROPERTY = "reasoningbank.fingerprintKey";
    public static final String KEY_ENV = "RB_FINGERPRINT_KEY";
    private static final String PREFIX = "hmac:";
    /** Fingerprints written before keyed ones ({@code sha256:} and 12 hex digits) are still read; they match nothing any more. */
    private static final String OLD_PREFIX = "sha256:";

    private Fingerprint() {}

    /** {@code hmac:} and the first 16 hex digits of the value's HMAC-SHA256 under the installation's key. */
    public static String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Key.BYTES, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The fingerprint of every non-null argument, by name. */
    public static java.util.Map<String, String> ofArguments(java.util.Map<String, ?> arguments) {
        java.util.Map<String, String> fingerprints = new java.util.HashMap<>();
        arguments.forEach((name, value) -> {
            if (value != null) {
                fingerprints.put(name, of(String.valueOf(value)));
            }
        });
        return fingerprints;
    }

    /** Whether the text is {@code hmac:} and 16 lower-case hex digits, or {@code sha256:} and 12 (checked without a regex: a bank checks every condition it loads). */
    public static boolean isFingerprint(String text) {
        return text != null && (hasShape(text, PREFIX, 16) || hasShape(text, OLD_PREFIX, 12));
    }

    private static boolean hasShape(String text, String prefix, int digits) {
        if (text.length() != prefix.length() + digits || !text.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The full SHA-256 of the text, in lower-case hex: for ids derived from non-secret text, never for secrets. */
    public static String hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The installation's key, read once; created (32 random bytes, owner-only) by the first process that needs it. */
    private static final class Key {
        static final byte[] BYTES = load();

        private static byte[] load() {
            String configured = System.getProperty(KEY_PROPERTY, System.getenv(KEY_ENV));
            Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                    : Path.of(System.getProperty("user.home"), ".reasoningbank", "fingerprint.key");
            try {
                if (!Files.exists(file)) {
                    create(file);
                }
                byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (key.length < 16) {
                    throw new IllegalStateException("the fingerprint key " + file + " is too short; delete it to have a new one made");
                }
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the fingerprint key " + file + ": " + e.getMessage()
                        + " (set -D" + KEY_PROPERTY + " or " + KEY_ENV + " to a writable file)", e);
            } catch (IllegalArgumentException notHex) {
                throw new IllegalStateException("the fingerprint key " + file + " is not hex; delete it to have a new one made", notHex);
            }
        }

        /** Writes a fresh key beside the file, then links it into place: of two processes, one key wins, whole. */
        private static void create(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".fingerprint", ".key");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the folder's own protection applies
                }
                Files.writeString(temp, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException anotherProcessWon) {
                    // its key is the installation's key
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
