package dev.reasoningbank.core.retrieve;

import dev.reasoningbank.core.internal.Internal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Word tokens for lexical similarity: lower-case letters and digits, short stop words dropped. */
@Internal
public final class Tokens {

    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "with", "this", "that", "from", "into", "when", "then", "not", "are", "was", "its",
            "use", "call", "calls", "applies", "instead", "before", "after");

    private Tokens() {}

    public static Set<String> of(String text) {
        Set<String> tokens = new HashSet<>();
        if (text == null) {
            return tokens;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                String w = word.toString();
                if (w.length() > 2 && !STOP.contains(w)) {
                    tokens.add(w.toLowerCase(Locale.ROOT));
                }
                word.setLength(0);
            }
        }
        return tokens;
    }

    /** Cosine similarity of two token sets, from 0 to 1. */
    public static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String token : small) {
            if (large.contains(token)) {
                common++;
            }
        }
        return common / Math.sqrt((double) a.size() * b.size());
    }
}
