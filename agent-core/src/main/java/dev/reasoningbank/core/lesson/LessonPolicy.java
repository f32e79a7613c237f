package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.failure.HostNames;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.reflect.Successors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a lesson may do in this deployment, whoever wrote it (the rules, a model, an import): a lesson can
 * never change where data goes or which secret is sent unless the deployment configured it. New hosts,
 * URLs, addresses and tools come only from configured alternatives (or a same-host path the server
 * named); {@code ReplaceParam} puts only a value the parameter source holds, only into a credential
 * parameter; a default is a value, never a location; a skip is bound to the failing host and capped; a
 * backoff is capped in retries and in total wait.
 *
 * @param alternatives the values and tools a lesson may switch to
 * @param credentialSources the keys the deployment's parameter source holds
 * @param maxSkip the longest a host may be skipped
 * @param maxRetries the most retries a backoff may make
 * @param maxTotalWait the longest a backoff may wait in all
 */
public record LessonPolicy(Set<String> alternatives, Set<String> credentialSources, Duration maxSkip, int maxRetries, Duration maxTotalWait) {

    private static final Pattern PLACE = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:|//|@|^[a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?(/.*)?$");
    /** A version as a parameter named for one holds it: {@code v23.0}, {@code 1.40}; never with a port, a path or four parts. */
    private static final Pattern VERSION = Pattern.compile("(?i)v?\\d{1,3}(\\.\\d{1,3})?");

    public LessonPolicy {
        alternatives = Set.copyOf(notNull(alternatives, "alternatives"));
        credentialSources = Set.copyOf(notNull(credentialSources, "credentialSources"));
        notNull(maxSkip, "maxSkip");
        notNull(maxTotalWait, "maxTotalWait");
    }

    /** The policy of a deployment with these alternatives and credential sources, and the default caps (1 h skips; 5 retries, 60 s of waiting). */
    public static LessonPolicy of(Set<String> alternatives, Set<String> credentialSources) {
        return new LessonPolicy(alternatives, credentialSources, Duration.ofHours(1), 5, Duration.ofSeconds(60));
    }

    /**
     * What keeps {@code lesson} from being stored or applied here; empty when it may be.
     *
     * @param failure the failure it was learned from, when known: a same-host successor must be one the
     *     server named for the value that failed
     */
    public List<String> problems(Lesson lesson, @Nullable Failure failure) {
        List<String> problems = new ArrayList<>();
        Strategy strategy = lesson.strategy();
        if (lesson.scope() == Scope.HOST && (strategy.widestScope() != Scope.HOST || lesson.trigger().conditions().stream()
                .noneMatch(c -> c.op() == ArgumentCondition.Op.HOST || c.op() == ArgumentCondition.Op.FINGERPRINT))) {
            problems.add("only a skip or a credential replacement keyed on a host or a rejected value may hold for other tools; "
                    + strategy.type() + " holds for " + lesson.trigger().tool() + " only");
        }
        if (lesson.scope() == Scope.PARAMETER && strategy.widestScope() != Scope.PARAMETER) {
            problems.add("only a date format or a letter case fix may hold for the same parameter of other tools; "
                    + strategy.type() + " holds for " + lesson.trigger().tool() + " only");
        }
        if (strategy instanceof Strategy.UseAlternative u) {
            if (!u.tool().isBlank() && !alternatives.contains(u.tool())) {
                problems.add("UseAlternative may call only a configured alternative tool, not '" + u.tool() + "'");
            }
            if (!u.parameter().isBlank()) {
                if (Redactor.isSecretName(u.parameter())) {
                    problems.add("UseAlternative may not set the credential '" + u.parameter() + "': only ReplaceParam from a configured source can");
                } else if (!alternatives.contains(u.value()) && (HostNames.isHostParameter(u.parameter()) || isPlace(u.value()) && !isVersion(u.parameter(), u.value()))
                        && !namedSameHostSuccessor(u, failure)) {
                    problems.add("UseAlternative may send calls only to a configured alternative or a same-host path the server named, not '"
                            + u.value() + "'");
                }
            }
        } else if (strategy instanceof Strategy.ReplaceParam r) {
            if (!Redactor.isSecretName(r.parameter())) {
                problems.add("ReplaceParam may replace only a credential parameter, not '" + r.parameter() + "'");
            }
            if (!credentialSources.contains(r.source())) {
                problems.add("ReplaceParam may take only a value the parameter source holds; '" + r.source() + "' is not one of "
                        + credentialSources.stream().sorted().toList());
            }
        } else if (strategy instanceof Strategy.FixArgument f) {
            if (f.transform() == Strategy.Transform.DEFAULT_IF_MISSING
                    && (HostNames.isHostParameter(f.parameter()) || Redactor.isSecretName(f.parameter()) || isPlace(f.operand()))) {
                problems.add("FixArgument may default only ordinary values, not a location or a credential ('" + f.parameter() + "')");
            }
        } else if (strategy instanceof Strategy.SkipTask s) {
            boolean bound = lesson.trigger().conditions().stream()
                    .anyMatch(c -> c.op() == ArgumentCondition.Op.HOST && c.value().equalsIgnoreCase(s.host()));
            if (!bound || failure != null && failure.host() != null && !failure.host().equalsIgnoreCase(s.host())) {
                problems.add("SkipTask must skip only the host that failed, with a HOST condition on it; not '" + s.host() + "'");
            }
            if (s.skipFor().compareTo(maxSkip) > 0) {
                problems.add("SkipTask may skip for at most " + maxSkip + ", not " + s.skipFor());
            }
        } else if (strategy instanceof Strategy.RetryWithBackoff b) {
            if (b.maxRetries() > maxRetries) {
                problems.add("RetryWithBackoff may retry at most " + maxRetries + " times, not " + b.maxRetries());
            }
            if (totalWait(b).compareTo(maxTotalWait) > 0) {
                problems.add("RetryWithBackoff may wait at most " + maxTotalWait + " in all, not " + totalWait(b));
            }
        }
        return problems;
    }

    private static Duration totalWait(Strategy.RetryWithBackoff b) {
        double millis = 0;
        for (int retry = 1; retry <= b.maxRetries() && millis < 1e15; retry++) {
            millis += b.initialDelay().toMillis() * Math.pow(b.multiplier(), retry - 1);
        }
        return Duration.ofMillis((long) Math.min(millis, 1e15));
    }

    /** A parameter named for a version ({@code version}, {@code api-version}) set to a version, which is no place however it reads. */
    private static boolean isVersion(String parameter, String value) {
        return parameter.toLowerCase(Locale.ROOT).contains("version") && VERSION.matcher(value.trim()).matches();
    }

    private static boolean isPlace(String value) {
        return value != null && PLACE.matcher(value.trim().toLowerCase(Locale.ROOT)).find();
    }

    /** A path or URL on the same host as the value that failed, which the server's own answer names. */
    private static boolean namedSameHostSuccessor(Strategy.UseAlternative u, @Nullable Failure failure) {
        if (failure == null) {
            return u.value().startsWith("/") && !u.value().startsWith("//") && Successors.staysOnHost("/", u.value());
        }
        Object old = failure.arguments().get(u.parameter());
        if (old == null || !Successors.staysOnHost(String.valueOf(old), u.value())) {
            return false;
        }
        String said = failure.message() + "\n" + String.join("\n", failure.headers().values()) + "\n" + failure.body();
        return said.contains(u.value()) || failure.successorHint().map(h -> h.endsWith(u.value()) || u.value().endsWith(h)).orElse(false)
                || said.contains(changedPart(String.valueOf(old), u.value()));
    }

    /** What {@code next} puts in place of {@code old}, between their common start and end ({@code v2} in {@code /v1/x -> /v2/x}). */
    private static String changedPart(String old, String next) {
        int start = 0;
        while (start < old.length() && start < next.length() && old.charAt(start) == next.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < old.length() - start && end < next.length() - start
                && old.charAt(old.length() - 1 - end) == next.charAt(next.length() - 1 - end)) {
            end++;
        }
        // widen to the whole token the change sits in, so that "2" alone never counts as named
        while (start > 0 && Character.isLetterOrDigit(next.charAt(start - 1))) {
            start--;
        }
        int stop = next.length() - end;
        while (stop < next.length() && Character.isLetterOrDigit(next.charAt(stop))) {
            stop++;
        }
        String part = next.substring(start, Math.max(start, stop));
        return part.length() < 2 ? "\u0000" : part;
    }
}
