package dev.reasoningbank.bench.transfer;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.policy.Deployment;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.CallRecord;
import dev.reasoningbank.bench.run.LeaveOneOut;
import dev.reasoningbank.bench.run.Ledger;
import dev.reasoningbank.bench.run.RecordingTool;
import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FlakyBench's transfer track: four API families of three tools each, every family's tools sharing a
 * host, a key and a date convention. The family's key has expired, its EU host is down, and it wants
 * dates as {@code yyyy-MM-dd}. Tasks are ordered so that the first tool of a family meets each failure
 * before its siblings do; one sibling ({@code maps_tiles}) takes a key of its own, and one
 * ({@code crm_tiles}) dates of its own form, so the family's fresh key or ISO date transferred to it is
 * wrong. Two passes: the second shows what stayed learned.
 *
 * <p>Measured per policy: of the siblings' first encounters with a failure class, how many made no
 * failing call (avoided, by transfer for the bank; known from the start for the oracle); wrong transfers
 * (a sibling's call a lesson changed that failed) and how many of them were repeated (not narrowed after
 * one failure); repeated mistakes (a failing call, the same tool with the same arguments, made again; a down host
 * probed once its skip expired is a check, not a mistake); lessons at the end; and the transfers the bank
 * itself counted in its lessons' stats, helped and hurt.
 */
public final class TransferTrack {

    static final List<String> FAMILIES = List.of("billing", "crm", "storage", "maps");
    static final List<String> TOOLS = List.of("invoices", "customers", "tiles");
    static final List<String> CLASSES = List.of("expired-key", "host-down", "date-format");
    /** The sibling that takes a key of its own: the family's fresh key is wrong for it. */
    static final String OWN_KEY_TOOL = "maps_tiles";
    static final String OWN_KEY = "maps-tiles-own-key";
    /** The sibling that writes dates its own way ({@code dd.MM.yyyy}): the family's ISO dates transferred to it are wrong. */
    static final String OWN_DATES_TOOL = "crm_tiles";
    static final int PASSES = 2;

    /** One policy's figures. */
    public record Result(String policy, int tasks, int succeeded, int siblingFirstEncounters, int avoided, int wrongTransfers,
            int wrongTransfersRepeated, int repeatedMistakes, int failedCalls, int lessons, int transfersHelped, int transfersHurt) {
        public double avoidedShare() {
            return siblingFirstEncounters == 0 ? 0 : (double) avoided / siblingFirstEncounters;
        }
    }

    private final BenchConfig config;
    private final Registry registry;

    public TransferTrack(BenchConfig config, Registry registry) {
        this.config = config;
        this.registry = registry;
    }

    public List<Result> run() {
        List<Result> results = new ArrayList<>();
        for (String policy : config.policies()) {
            results.add(run(policy));
        }
        return results;
    }

    private Result run(String policyName) {
        List<CallRecord> calls = new ArrayList<>();
        ManualClock clock = new ManualClock(config.start());
        PolicyContext context = new PolicyContext(RecordingTool.wrap(tools(), "", calls), deployment(), clock, clock.sleeper(),
                config.skipFor(), 0, 0, config.statsFlushInterval(), BankStorage.memory());
        Ledger ledger = new Ledger();
        Set<String> met = new HashSet<>();
        Set<String> wrongCalls = new HashSet<>();
        Set<String> failedCalls = new HashSet<>();
        int repeated = 0;
        int tasks = 0;
        int succeeded = 0;
        int encounters = 0;
        int avoided = 0;
        int wrong = 0;
        int wrongRepeated = 0;
        List<Lesson> lessons;
        try (MemoryPolicy policy = LeaveOneOut.guard(policyName, registry.factory(policyName).create(context))) {
            for (int pass = 1; pass <= PASSES; pass++) {
                for (String failureClass : CLASSES) {
                    for (String family : FAMILIES) {
                        for (String tool : TOOLS) {
                            String name = family + "_" + tool;
                            if (pass > 1 && name.equals(OWN_KEY_TOOL) && failureClass.equals("expired-key")) {
                                continue; // its key cannot be fixed by anyone: met once, it would only measure refusals
                            }
                            clock.advance(config.taskInterval());
                            Task task = Task.of(name + "#" + pass + "-" + failureClass, failureClass + " on " + name, name,
                                    arguments(family, name, failureClass));
                            boolean siblingFirst = pass == 1 && !tool.equals(TOOLS.get(0));
                            boolean first = met.add(name + "/" + failureClass);
                            boolean failedFirstAttempt = false;
                            Outcome outcome = Outcome.FAILED;
                            for (int attempt = 1; attempt <= config.attempts() && outcome == Outcome.FAILED; attempt++) {
                                int mark = calls.size();
                                outcome = policy.attempt(task).outcome();
                                for (CallRecord call : calls.subList(mark, calls.size())) {
                                    boolean asGiven = call.arguments().equals(task.call().arguments());
                                    ledger.record(call, asGiven);
                                    failedFirstAttempt |= attempt == 1 && call.failed();
                                    String changed = call.tool() + call.arguments();
                                    boolean probe = call.failure().map(f -> f.kind() == ErrorKind.HOST_DOWN).orElse(false);
                                    if (call.failed() && !failedCalls.add(changed) && !probe) {
                                        repeated++; // the same failing call made again (a down host probed once its skip expired is a check, not a mistake)
                                    }
                                    if (call.failed() && !asGiven && wrongCalls.contains(changed)) {
                                        wrongRepeated++; // the same transferred change failed again: it was not narrowed
                                    }
                                    // on a tool's first attempt at a class no lesson of its own exists: a change came from a sibling
                                    if (call.failed() && !asGiven && siblingFirst && first && attempt == 1) {
                                        wrong++;
                                        wrongCalls.add(changed);
                                    }
                                }
                            }
                            policy.endTask();
                            tasks++;
                            succeeded += outcome == Outcome.SUCCEEDED || outcome == Outcome.SKIPPED && failureClass.equals("host-down") ? 1 : 0;
                            if (siblingFirst && first) {
                                encounters++;
                                avoided += failedFirstAttempt ? 0 : 1;
                            }
                        }
                    }
                }
            }
            lessons = policy.lessons();
        }
        return new Result(policyName, tasks, succeeded, encounters, avoided, wrong, wrongRepeated, repeated, ledger.failedCalls(), lessons.size(),
                lessons.stream().mapToInt(l -> l.stats().transfersHelped()).sum(), lessons.stream().mapToInt(l -> l.stats().transfersHurt()).sum());
    }

    static String host(String family) {
        return "api." + family + ".example";
    }

    static String downHost(String family) {
        return "eu." + family + ".example";
    }

    static String keyParameter(String family) {
        return family + "Key";
    }

    static String expired(String family) {
        return family + "-key-expired-2025";
    }

    static String fresh(String family) {
        return family + "-key-2026";
    }

    private static Map<String, Object> arguments(String family, String tool, String failureClass) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("host", failureClass.equals("host-down") ? downHost(family) : host(family));
        args.put(keyParameter(family), failureClass.equals("expired-key") ? expired(family) : tool.equals(OWN_KEY_TOOL) ? OWN_KEY : fresh(family));
        args.put("date", failureClass.equals("date-format") ? "27/11/2026" : tool.equals(OWN_DATES_TOOL) ? "27.11.2026" : "2026-11-27");
        return args;
    }

    /** The families' tools: the EU hosts refuse connections; only the fresh key (or the own key) and ISO dates (or the own form) pass. */
    static List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        for (String family : FAMILIES) {
            for (String tool : TOOLS) {
                String name = family + "_" + tool;
                String accepted = name.equals(OWN_KEY_TOOL) ? OWN_KEY : fresh(family);
                tools.add(Tool.of(name, List.of("host", keyParameter(family), "date"), args -> {
                    String host = String.valueOf(args.get("host"));
                    if (host.equals(downHost(family))) {
                        throw new ToolException("cannot reach " + host, 0, null, host, new ConnectException("Connection refused"));
                    }
                    if (!accepted.equals(args.get(keyParameter(family)))) {
                        throw ToolException.http(401, "invalid api key", host);
                    }
                    boolean ownDates = name.equals(OWN_DATES_TOOL);
                    if (!String.valueOf(args.get("date")).matches(ownDates ? "\\d{2}\\.\\d{2}\\.\\d{4}" : "\\d{4}-\\d{2}-\\d{2}")) {
                        throw ToolException.http(400, "date must be in format " + (ownDates ? "DD.MM.YYYY" : "YYYY-MM-DD"), host);
                    }
                    return Map.of("ok", true);
                }));
            }
        }
        return tools;
    }

    /** Each family's fresh key in the credential store; the oracle knows every fix, for every tool, from the start. */
    static Deployment deployment() {
        Map<String, String> keys = new LinkedHashMap<>();
        FAMILIES.forEach(f -> keys.put(f + ".key", fresh(f)));
        return new Deployment(ParameterSource.of(keys),
                skipFor -> {
                    RuleBasedReflector.Builder rules = RuleBasedReflector.builder().skipFor(skipFor);
                    FAMILIES.forEach(f -> rules.credential(keyParameter(f), f + ".key"));
                    return rules;
                },
                (now, skipFor) -> gold(now, skipFor));
    }

    private static List<Lesson> gold(Instant now, Duration skipFor) {
        List<Lesson> lessons = new ArrayList<>();
        for (String family : FAMILIES) {
            for (String tool : TOOLS) {
                String name = family + "_" + tool;
                if (!name.equals(OWN_KEY_TOOL)) {
                    lessons.add(gold(name, ErrorKind.AUTH, "replace the expired key",
                            new Strategy.ReplaceParam(keyParameter(family), family + ".key"),
                            ArgumentCondition.sameValue(keyParameter(family), expired(family)), now, null));
                }
                lessons.add(gold(name, ErrorKind.HOST_DOWN, "skip the EU host", new Strategy.SkipTask(downHost(family), skipFor),
                        ArgumentCondition.host("host", downHost(family)), now, now.plus(Duration.ofDays(365))));
                lessons.add(gold(name, ErrorKind.VALIDATION, "send dates in the tool's form",
                        new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, name.equals(OWN_DATES_TOOL) ? "dd.MM.yyyy" : "yyyy-MM-dd"),
                        ArgumentCondition.present("date"), now, null));
            }
        }
        return lessons;
    }

    private static Lesson gold(String tool, ErrorKind kind, String title, Strategy strategy, ArgumentCondition condition, Instant now,
            Instant expiresAt) {
        return Lesson.builder().title(title).content(title + " for " + tool + " (known from the start)")
                .trigger(new Trigger(tool, kind, "", List.of(condition))).strategy(strategy)
                .provenance(new Provenance("gold", "", now)).expiresAt(expiresAt).build();
    }
}
