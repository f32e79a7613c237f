package dev.reasoningbank.core.judge;

import dev.reasoningbank.core.tool.ToolCall;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * For tools that return their errors as text instead of throwing: a result that starts the way an
 * error does ("Error: unknown city", "Failed to connect", "HTTP 404 Not Found", "404 Not Found") is
 * a failure, besides what {@link RuleBasedJudge} catches. Opt-in, since an ordinary answer may start
 * with such words.
 */
final class ErrorTextJudge implements OutcomeJudge {

    static final ErrorTextJudge INSTANCE = new ErrorTextJudge();

    private static final Pattern ERROR_TEXT = Pattern.compile(
            "(?is)^\\s*(?:(?:error|exception|failed|failure|fatal)\\b\\s*[:.!-]|failed to\\b|could not\\b|unable to\\b"
                    + "|(?:http(?:/[\\d.]+)?\\s*)?[45]\\d\\d\\s+(?:bad|unauthori[sz]ed|payment|forbidden|not\\s+(?:found|allowed|acceptable|implemented)"
                    + "|method|request|conflict|gone|precondition|unsupported|unprocessable|too\\s+many|internal|bad\\s+gateway|service|gateway)"
                    + "|http(?:/[\\d.]+)?\\s*[45]\\d\\d\\b)");

    private ErrorTextJudge() {}

    @Override
    public Verdict judge(ToolCall call, @Nullable Object result) {
        Verdict rules = RuleBasedJudge.INSTANCE.judge(call, result);
        if (!rules.success() || !(result instanceof CharSequence text) || !ERROR_TEXT.matcher(text).lookingAt()) {
            return rules;
        }
        String s = text.toString().strip();
        return Verdict.failure(s.length() <= 300 ? s : s.substring(0, 300) + "…");
    }
}
