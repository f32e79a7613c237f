package dev.reasoningbank.core.judge;

/**
 * A judge's verdict on a tool result that did not throw.
 *
 * @param success whether the result is what the task needed
 * @param reason why not, in words (redacted before use); empty on success
 */
public record Verdict(boolean success, String reason) {

    public static final Verdict SUCCESS = new Verdict(true, "");

    public static Verdict failure(String reason) {
        return new Verdict(false, reason == null ? "" : reason);
    }
}
