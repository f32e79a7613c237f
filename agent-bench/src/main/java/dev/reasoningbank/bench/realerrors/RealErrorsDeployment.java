package dev.reasoningbank.bench.realerrors;

import dev.reasoningbank.bench.policy.Deployment;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Strategy.Transform;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a deployment of these tools configures, as a user would: a credential store holding a fresh
 * credential for each credential parameter, and the rule-based reflector told which parameters are
 * credentials. Nothing about the corpus' messages is configured. The oracle's gold lessons are the
 * corpus' own fixes.
 */
public final class RealErrorsDeployment {

    private static final String SOURCE_PREFIX = "vault.";

    private RealErrorsDeployment() {}

    /** The fresh value the credential store holds for a credential parameter; the replay server accepts it. */
    public static String freshCredential(String parameter) {
        return "fresh-" + parameter.toLowerCase(Locale.ROOT) + "-7d3b9f1e2c4a6b8d0e1f";
    }

    public static Deployment of(List<CorpusEntry> entries) {
        Map<String, String> credentials = new LinkedHashMap<>();
        // a credential a user can configure: one whose parameter is named for one (the Subsonic API's 'p' is not)
        entries.stream().filter(e -> "credential".equals(e.fix().type()) && Redactor.isSecretName(e.fix().parameter()))
                .forEach(e -> credentials.put(SOURCE_PREFIX + e.fix().parameter(), freshCredential(e.fix().parameter())));
        ParameterSource parameters = ParameterSource.of(credentials);
        return new Deployment(parameters,
                skipFor -> {
                    RuleBasedReflector.Builder rules = RuleBasedReflector.builder().skipFor(skipFor);
                    credentials.keySet().forEach(source -> rules.credential(source.substring(SOURCE_PREFIX.length()), source));
                    return rules;
                },
                (now, skipFor) -> entries.stream().flatMap(e -> gold(e, now).stream()).toList());
    }

    /** The corpus' fix of an entry as a lesson, keyed on the kind our classifier gives the documented response. */
    static Optional<Lesson> gold(CorpusEntry entry, Instant now) {
        CorpusEntry.Fix fix = entry.fix();
        String p = fix.parameter();
        List<ArgumentCondition> conditions = new ArrayList<>();
        Strategy strategy = switch (fix.type()) {
            case "clamp" -> new Strategy.FixArgument(p, Transform.CLAMP_MAX, String.valueOf(fix.max()));
            case "case" -> fix.expected().equals(fix.expected().toUpperCase(Locale.ROOT)) ? new Strategy.FixArgument(p, Transform.UPPERCASE, "")
                    : fix.expected().equals(fix.expected().toLowerCase(Locale.ROOT)) ? new Strategy.FixArgument(p, Transform.LOWERCASE, "")
                    : new Strategy.FixArgument(p, Transform.MATCH_CASE, fix.expected());
            case "date-format" -> new Strategy.FixArgument(p, Transform.DATE_FORMAT, fix.pattern());
            case "default" -> {
                conditions.add(ArgumentCondition.missing(p));
                yield new Strategy.FixArgument(p, Transform.DEFAULT_IF_MISSING, fix.value());
            }
            case "successor" -> {
                conditions.add(ArgumentCondition.sameValue(p, String.valueOf(entry.arguments().get(p))));
                yield new Strategy.UseAlternative("", p, fix.value());
            }
            case "credential" -> {
                conditions.add(ArgumentCondition.sameValue(p, String.valueOf(entry.arguments().get(p))));
                yield new Strategy.ReplaceParam(p, SOURCE_PREFIX + p);
            }
            case "retry" -> new Strategy.RetryWithBackoff(3, Duration.ofSeconds(1), 2.0);
            default -> null;
        };
        if (strategy == null) {
            return Optional.empty();
        }
        String title = "Gold fix of " + entry.id() + ": " + fix.type();
        return Optional.of(Lesson.builder()
                .id("G-" + entry.id().substring(0, Math.min(60, entry.id().length())))
                .title(title)
                .description("Gold lesson for " + entry.id() + ": known from the start.")
                .content(title + ".")
                .trigger(Trigger.of(entry.id(), documentedKind(entry), "", conditions.toArray(ArgumentCondition[]::new)))
                .strategy(strategy)
                .provenance(new Provenance("gold", "", now))
                .build());
    }

    /** The kind core gives the documented response, for the gold lesson's trigger. */
    private static ErrorKind documentedKind(CorpusEntry entry) {
        CorpusEntry.Response r = entry.response();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        Throwable error = r.status() >= 400 ? ToolException.response(r.status(), headers, r.body(), "127.0.0.1")
                : new IllegalStateException(entry.tool() + " answered with an error: " + r.body());
        return Failure.of(new ToolCall(entry.id(), Map.of()), error).kind();
    }
}
