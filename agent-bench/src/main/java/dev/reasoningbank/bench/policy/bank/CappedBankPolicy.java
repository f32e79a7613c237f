package dev.reasoningbank.bench.policy.bank;

import dev.reasoningbank.bench.policy.LlmUsage;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;

/**
 * {@code bank-capped}: {@code bank} with a cap of {@value #CAP} lessons, so that a long stream (or a
 * large {@code --preload}) shows what eviction by usefulness costs next to an uncapped bank.
 */
public final class CappedBankPolicy extends BankPolicy {

    public static final int CAP = 500;

    public static final PolicyFactory FACTORY = new PolicyFactory() {
        public String name() { return "bank-capped"; }
        public String description() { return "bank with at most " + CAP + " lessons: beyond it the least useful are evicted"; }
        public MemoryPolicy create(PolicyContext context) {
            return new CappedBankPolicy(context);
        }
    };

    private CappedBankPolicy(PolicyContext context) {
        super(context, context.rules(), LlmUsage.NONE);
    }

    @Override
    protected int maxLessons() {
        return CAP;
    }
}
