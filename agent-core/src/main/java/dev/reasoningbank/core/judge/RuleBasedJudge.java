package dev.reasoningbank.core.judge;

import dev.reasoningbank.core.tool.ToolCall;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The default judge: a result that did not throw is a success unless it is a map or JSON-ish text
 * reporting an error ({@code "error": ...}, {@code "status": "error"}, or a status of 400 or more).
 */
final class RuleBasedJudge implements OutcomeJudge {

    static final RuleBasedJudge INSTANCE = new RuleBasedJudge();

    private RuleBasedJudge() {}

    @Override
    public Verdict judge(ToolCall call, @Nullable Object result) {
        if (result instanceof Map<?, ?> map) {
            Object status = map.get("status");
            if (status instanceof Number n && n.intValue() >= 400) {
                return Verdict.failure("the result reports status " + n);
            }
            if (status != null && "error".equalsIgnoreCase(String.valueOf(status))) {
                return Verdict.failure("the result reports status error" + errorOf(map));
            }
            if (map.get("error") != null && !Boolean.FALSE.equals(map.get("error"))) {
                return Verdict.failure("the result reports an error" + errorOf(map));
            }
        }
        if (result instanceof CharSequence text) {
            String compact = text.toString().replace(" ", "").toLowerCase(Locale.ROOT);
            if (compact.startsWith("{") && (compact.contains("\"status\":\"error\"") || compact.contains("\"error\":{")
                    || compact.contains("\"error\":\""))) {
                return Verdict.failure("the result reports an error: " + cut(text.toString()));
            }
        }
        return Verdict.SUCCESS;
    }

    private static String errorOf(Map<?, ?> map) {
        Object error = map.get("error");
        return error == null ? "" : ": " + cut(String.valueOf(error));
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
