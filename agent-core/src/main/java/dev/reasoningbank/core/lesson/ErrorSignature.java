package dev.reasoningbank.core.lesson;

import java.util.Locale;

/**
 * Normalizes an error message into a signature that recurs when the same mistake recurs: numbers,
 * quoted values, hexadecimal ids, URLs and redaction markers become placeholders, case and spacing
 * are folded. Runs in one pass, in linear time.
 */
public final class ErrorSignature {

    /** The longest signature kept; longer messages are cut. */
    public static final int MAX_LENGTH = 200;

    private ErrorSignature() {}

    public static String of(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message.length() > 4 * MAX_LENGTH ? message.substring(0, 4 * MAX_LENGTH) : message;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        int i = 0;
        while (i < text.length() && out.length() < MAX_LENGTH) {
            char c = text.charAt(i);
            if (c == '[' && text.startsWith("[REDACTED", i)) {
                int end = text.indexOf(']', i);
                i = end < 0 ? text.length() : end + 1;
                append(out, "<secret>");
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0 || end - i > 120) {
                    i++;
                } else {
                    i = end + 1;
                    append(out, "<value>");
                }
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (text.startsWith("://", i)) {
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\'' && text.charAt(i) != '"') {
                        i++;
                    }
                    append(out, "<path>");
                    continue;
                }
                appendWord(out, text.substring(start, i));
            } else {
                if (!Character.isWhitespace(c) && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                if (!Character.isWhitespace(c) && ":;,()=<>".indexOf(c) >= 0) {
                    out.append(c);
                }
                i++;
            }
        }
        String signature = out.toString().trim();
        return signature.length() > MAX_LENGTH ? signature.substring(0, MAX_LENGTH) : signature;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '@';
    }

    private static void appendWord(StringBuilder out, String word) {
        String stripped = word.replaceAll("[.\\-/]+$", "");
        if (stripped.isEmpty()) {
            return;
        }
        if (stripped.contains("://") || stripped.contains("/") || stripped.contains("@")) {
            append(out, "<path>");
        } else if (hasDigit(stripped)) {
            append(out, stripped.chars().allMatch(Character::isDigit) ? "<n>" : "<id>");
        } else if (stripped.indexOf('.') > 0) {
            append(out, "<host>");
        } else {
            append(out, stripped.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder out, String token) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(token);
    }
}
