package dev.reasoningbank.core.bank;

import static dev.reasoningbank.core.internal.Checks.atLeast;
import static dev.reasoningbank.core.internal.Checks.between;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link ReasoningBank} retrieves and judges lessons. {@code ReasoningBankConfig.custom()...build()}.
 *
 * @param name the bank's name in events and messages
 * @param topK how many lessons to show a model for a call (the ReasoningBank paper found 1 best); every
 *     lesson whose trigger a call meets applies its strategy, however many there are
 * @param similarityFloor the lowest score a retrieved lesson may have
 * @param promoteAfterHelps a candidate that helped this often becomes trusted
 * @param retireAfterHurts a lesson that hurt this often, and more often than it helped, is retired
 * @param statsFlushInterval how long usage counters may wait in memory before they are written
 * @param clock the time source for expiries, counters and provenance
 * @param unfixableFor how long a call marked as one the agent cannot fix by itself is refused (the server may change)
 * @param maxRefinements how many times a lesson that did not work is refined before its failure is
 *     marked as one the agent cannot fix by itself (the call is then not made again)
 * @param maxLessons the most lessons the bank keeps; beyond it the least useful go (see {@code ReasoningBank})
 * @param maxLessonsPerTool the most lessons one tool keeps
 * @param expireUnusedAfter a lesson not used for this long goes
 */
public record ReasoningBankConfig(
        String name, int topK, double similarityFloor, int promoteAfterHelps, int retireAfterHurts,
        Duration statsFlushInterval, Clock clock, int maxRefinements, Duration unfixableFor, int maxLessons, int maxLessonsPerTool,
        Duration expireUnusedAfter) {

    public ReasoningBankConfig {
        notBlank(name, "name");
        atLeast(topK, 1, "topK");
        between(similarityFloor, 0.0, 1.0, "similarityFloor");
        atLeast(promoteAfterHelps, 1, "promoteAfterHelps");
        atLeast(retireAfterHurts, 1, "retireAfterHurts");
        notNull(statsFlushInterval, "statsFlushInterval");
        notNull(clock, "clock");
        atLeast(maxRefinements, 0, "maxRefinements");
        notNull(unfixableFor, "unfixableFor");
        if (unfixableFor.isNegative() || unfixableFor.isZero()) {
            throw new IllegalArgumentException("unfixableFor must be positive but was " + unfixableFor);
        }
        atLeast(maxLessons, 1, "maxLessons");
        atLeast(maxLessonsPerTool, 1, "maxLessonsPerTool");
        notNull(expireUnusedAfter, "expireUnusedAfter");
        if (expireUnusedAfter.isNegative() || expireUnusedAfter.isZero()) {
            throw new IllegalArgumentException("expireUnusedAfter must be positive but was " + expireUnusedAfter);
        }
    }

    public static ReasoningBankConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(ReasoningBankConfig base) {
        return new Builder().name(base.name).topK(base.topK).similarityFloor(base.similarityFloor)
                .promoteAfterHelps(base.promoteAfterHelps).retireAfterHurts(base.retireAfterHurts)
                .statsFlushInterval(base.statsFlushInterval).clock(base.clock).maxRefinements(base.maxRefinements)
                .unfixableFor(base.unfixableFor).maxLessons(base.maxLessons).maxLessonsPerTool(base.maxLessonsPerTool)
                .expireUnusedAfter(base.expireUnusedAfter);
    }

    /** Builds a {@link ReasoningBankConfig}; every setting has a sensible default. */
    public static final class Builder {
        private String name = "default";
        private int topK = 3;
        private double similarityFloor = 0.3;
        private int promoteAfterHelps = 2;
        private int retireAfterHurts = 3;
        private Duration statsFlushInterval = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();
        private int maxRefinements = 2;
        private Duration unfixableFor = Duration.ofDays(1);
        private int maxLessons = 100_000;
        private int maxLessonsPerTool = 1_000;
        private Duration expireUnusedAfter = Duration.ofDays(365);

        private Builder() {}

        public Builder name(String name) { this.name = name; return this; }
        public Builder topK(int topK) { this.topK = topK; return this; }
        public Builder similarityFloor(double floor) { this.similarityFloor = floor; return this; }
        public Builder promoteAfterHelps(int helps) { this.promoteAfterHelps = helps; return this; }
        public Builder retireAfterHurts(int hurts) { this.retireAfterHurts = hurts; return this; }
        public Builder statsFlushInterval(Duration interval) { this.statsFlushInterval = interval; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        public Builder maxRefinements(int refinements) { this.maxRefinements = refinements; return this; }
        public Builder unfixableFor(Duration duration) { this.unfixableFor = duration; return this; }
        public Builder maxLessons(int lessons) { this.maxLessons = lessons; return this; }
        public Builder maxLessonsPerTool(int lessons) { this.maxLessonsPerTool = lessons; return this; }
        public Builder expireUnusedAfter(Duration duration) { this.expireUnusedAfter = duration; return this; }

        public ReasoningBankConfig build() {
            return new ReasoningBankConfig(name, topK, similarityFloor, promoteAfterHelps, retireAfterHurts, statsFlushInterval, clock,
                    maxRefinements, unfixableFor, maxLessons, maxLessonsPerTool, expireUnusedAfter);
        }
    }
}
