package dev.reasoningbank.core.bank;

import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.store.LessonSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a bank within its caps ({@link ReasoningBankConfig#maxLessons()}, {@link ReasoningBankConfig#maxLessonsPerTool()}):
 * beyond a cap, the least useful lessons go first. Least useful: history (retired, superseded) before
 * live lessons; a candidate that never helped before one that did; a trusted lesson that helped last of
 * all; then fewer helps net of hurts, fewer recurrences, and the longest unused. Lessons not used for
 * {@link ReasoningBankConfig#expireUnusedAfter()} go too. The lesson just stored never goes, nor a
 * mark of a call the agent cannot fix while it holds (it keeps that call from being made again); an
 * expired mark is history.
 */
final class Eviction {

    static final Comparator<Lesson> LEAST_USEFUL_FIRST = Comparator.comparingInt(Eviction::rank)
            .thenComparingInt(l -> l.stats().helped() - l.stats().hurt())
            .thenComparingInt(l -> l.stats().recurrences())
            .thenComparing(Eviction::lastUse);

    private Eviction() {}

    /**
     * Evicts from {@code set} what its caps and expiry require, sparing {@code kept}.
     *
     * @param sweep whether to look for lessons unused too long (a walk over the whole bank: not on every write)
     * @return an event for each lesson removed
     */
    static List<BankEvent> apply(LessonSet set, Lesson kept, ReasoningBankConfig config, Instant now, boolean sweep) {
        List<BankEvent> events = new ArrayList<>();
        if (sweep) {
            Instant cutoff = now.minus(config.expireUnusedAfter());
            for (Lesson lesson : set.all()) {
                if (!lesson.id().equals(kept.id()) && !holdingMark(lesson, now) && lastUse(lesson).isBefore(cutoff)) {
                    evict(set, lesson, "not used since " + lastUse(lesson) + " (lessons unused for " + config.expireUnusedAfter() + " expire)",
                            config, events);
                }
            }
        }
        List<Lesson> ofTool = set.ofTool(kept.trigger().tool());
        evictBeyond(set, ofTool, config.maxLessonsPerTool(), kept, now,
                "the least useful of " + ofTool.size() + " lessons of " + kept.trigger().tool() + " (at most " + config.maxLessonsPerTool()
                        + " per tool)", config, events);
        if (set.size() > config.maxLessons()) {
            evictBeyond(set, List.copyOf(set.all()), config.maxLessons(), kept, now,
                    "the least useful of " + set.size() + " lessons (the bank keeps at most " + config.maxLessons() + ")", config, events);
        }
        return events;
    }

    private static void evictBeyond(LessonSet set, List<Lesson> lessons, int cap, Lesson kept, Instant now, String reason,
            ReasoningBankConfig config, List<BankEvent> events) {
        int excess = lessons.size() - cap;
        if (excess <= 0) {
            return;
        }
        lessons.stream().filter(l -> !l.id().equals(kept.id()) && !holdingMark(l, now))
                .sorted(Comparator.comparingInt((Lesson l) -> l.status() == LessonStatus.UNFIXABLE ? 0 : 1).thenComparing(LEAST_USEFUL_FIRST))
                .limit(excess)
                .forEach(l -> evict(set, l, reason, config, events));
    }

    private static void evict(LessonSet set, Lesson lesson, String reason, ReasoningBankConfig config, List<BankEvent> events) {
        if (set.remove(lesson.id())) {
            events.add(new BankEvent.LessonEvicted(config.name(), lesson, reason));
        }
    }

    /** A mark of a call the agent cannot fix, still refusing that call. */
    private static boolean holdingMark(Lesson lesson, Instant now) {
        return lesson.status() == LessonStatus.UNFIXABLE && !lesson.isExpiredAt(now);
    }

    /** 0 history, 1 a candidate that never helped, 2 any other live lesson, 3 a trusted lesson that helped. */
    private static int rank(Lesson lesson) {
        if (!lesson.isActive() && lesson.status() != LessonStatus.UNFIXABLE) {
            return 0;
        }
        if (lesson.status() == LessonStatus.CANDIDATE && lesson.stats().helped() == 0) {
            return 1;
        }
        return lesson.status() == LessonStatus.TRUSTED && lesson.stats().helped() > 0 ? 3 : 2;
    }

    private static Instant lastUse(Lesson lesson) {
        Instant used = lesson.stats().lastUsed();
        return used != null ? used : lesson.provenance().createdAt();
    }
}
