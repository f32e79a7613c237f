package dev.reasoningbank.bench.run;

import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.failure.Failure;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The runner's memory of one policy's run, the same for every policy: which failure signatures have
 * already happened (a perfect memory would hold a lesson for each) and which hosts are known to be
 * down (they refused a call and have not answered since).
 */
public final class Ledger {

    private final Set<String> seen = new HashSet<>();
    private final Set<String> knownDown = new HashSet<>();
    private final Map<String, Integer> repeatsBySignature = new LinkedHashMap<>();
    int failedCalls;
    int repeatedMistakes;
    int failedFixes;
    int wastedCallsToDownHosts;

    public int failedCalls() {
        return failedCalls;
    }

    public int repeatedMistakes() {
        return repeatedMistakes;
    }

    /** Failed calls that a lesson had changed, with a failure signature seen before: fixes that did not work. */
    public int failedFixes() {
        return failedFixes;
    }

    /** Accounts for one call made as the task gave it; returns whether it was a repeated mistake. */
    public boolean record(CallRecord call) {
        return record(call, true);
    }

    /**
     * Accounts for one call; returns whether it was a repeated mistake. A call that a lesson changed
     * ({@code asGiven} false) and that failed the same way is a fix that did not work, counted apart: the
     * agent tried something new, it did not repeat itself.
     */
    public boolean record(CallRecord call, boolean asGiven) {
        if (!call.failed()) {
            knownDown.remove(call.host());
            return false;
        }
        failedCalls++;
        Failure failure = call.failure().orElseThrow();
        if (failure.kind() == ErrorKind.HOST_DOWN) {
            if (!knownDown.add(call.host())) {
                wastedCallsToDownHosts++;
            }
        } else {
            knownDown.remove(call.host());
        }
        String signature = FailureSignature.of(failure);
        boolean again = !seen.add(signature) && FailureSignature.avoidable(failure);
        if (again && !asGiven) {
            failedFixes++;
        }
        boolean repeated = again && asGiven;
        if (repeated) {
            repeatedMistakes++;
            repeatsBySignature.merge(signature, 1, Integer::sum);
        }
        return repeated;
    }

    Map<String, Integer> repeatsBySignature() {
        return repeatsBySignature;
    }
}
