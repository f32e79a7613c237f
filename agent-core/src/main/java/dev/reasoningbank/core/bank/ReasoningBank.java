package dev.reasoningbank.core.bank;

import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonStats;
import dev.reasoningbank.core.lesson.Merge;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.lesson.LessonStatus;
import dev.reasoningbank.core.lesson.LessonValidator;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.redact.Redactor;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.failure.HostNames;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.redact.Fingerprint;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.retrieve.LessonRetriever;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.retrieve.SignatureRetriever;
import dev.reasoningbank.core.store.BankSnapshot;
import dev.reasoningbank.core.store.InMemoryLessonStore;
import dev.reasoningbank.core.store.LessonSet;
import dev.reasoningbank.core.store.LessonStore;
import java.time.Instant;
import dev.reasoningbank.core.retrieve.Tokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The memory of a learning agent: retrieves the lessons that fit a call, memorizes new ones without
 * duplicates, and learns from feedback which lessons to trust and which to retire.
 *
 * <pre>{@code
 * ReasoningBank bank = ReasoningBank.builder()
 *         .store(JsonFileLessonStore.open(Path.of("bank.json")))
 *         .config(ReasoningBankConfig.custom().topK(1).build())
 *         .build();
 * }</pre>
 *
 * <p>Usage counters (retrieved, applied, helped, hurt) are kept in memory and written together at
 * most every {@link ReasoningBankConfig#statsFlushInterval()}, on every memorize, and on
 * {@link #flush()} or {@link #close()}; a change of status (trusted, retired) is written at once.
 * Thread-safe.
 */
public final class ReasoningBank implements AutoCloseable {

    private final LessonStore store;
    private final java.util.concurrent.atomic.AtomicReference<@Nullable Instant> lastSweep = new java.util.concurrent.atomic.AtomicReference<>();
    private final LessonRetriever retriever;
    private final ReasoningBankConfig config;
    private final List<Consumer<BankEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Metrics metrics = new Metrics();
    private Instant lastFlush;

    private ReasoningBank(LessonStore store, LessonRetriever retriever, ReasoningBankConfig config) {
        this.store = store;
        this.retriever = retriever;
        this.config = config;
        this.lastFlush = config.clock().instant();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A bank in memory with default settings: for tests and throw-away agents. */
    public static ReasoningBank inMemory() {
        return builder().build();
    }

    public ReasoningBankConfig config() {
        return config;
    }

    public LessonStore store() {
        return store;
    }

    public Metrics metrics() {
        return metrics;
    }

    public void addListener(Consumer<BankEvent> listener) {
        listeners.add(notNull(listener, "listener"));
    }

    /** The best {@link ReasoningBankConfig#topK()} lessons for the query. */
    public List<ScoredLesson> retrieve(RetrievalQuery query) {
        return retrieve(query, config.topK());
    }

    /**
     * The best {@code k} active lessons for the query, scoring at least the floor. A transient lesson
     * past its expiry is left out, except a {@code SkipTask} (the planner lets the next call through as a
     * probe) and a {@code RetryWithBackoff}, which only ever answers the very failure it is about: the
     * failure itself shows it is not stale.
     */
    public List<ScoredLesson> retrieve(RetrievalQuery query, int k) {
        Instant now = now();
        List<ScoredLesson> found = retriever.retrieve(query, store.snapshot(), k + 4, config.similarityFloor());
        List<ScoredLesson> kept = new ArrayList<>(k);
        synchronized (pending) {
            for (ScoredLesson s : found) {
                Lesson lesson = s.lesson();
                if (lesson.isExpiredAt(now) && !(lesson.strategy() instanceof Strategy.SkipTask) && !(lesson.strategy() instanceof Strategy.RetryWithBackoff)) {
                    continue;
                }
                Pending p = pending.computeIfAbsent(lesson.id(), id -> new Pending());
                p.retrieved++;
                p.lastUsed = now;
                kept.add(new ScoredLesson(p.applyTo(lesson), s.score()));
                if (kept.size() == k) {
                    break;
                }
            }
        }
        metrics.retrievals.incrementAndGet();
        if (kept.isEmpty()) {
            metrics.retrievalsWithoutHit.incrementAndGet();
        }
        return kept;
    }

    /**
     * The lessons to show a model before it has chosen a tool call: active, unexpired lessons of the
     * offered tools, whatever their argument conditions (the arguments are not known yet), trusted
     * ones first, then by lexical similarity of their words to {@code text}.
     */
    public List<Lesson> retrieveForPrompt(Collection<String> tools, String text, int k) {
        Instant now = now();
        Set<String> offered = Set.copyOf(tools);
        Set<String> words = Tokens.of(text);
        BankSnapshot snapshot = store.snapshot();
        List<Lesson> chosen = offered.stream().flatMap(tool -> snapshot.lessonsOf(tool).stream())
                .filter(Lesson::isActive)
                .filter(l -> !l.isExpiredAt(now))
                .sorted(Comparator.comparingDouble((Lesson l) -> -promptRank(l, words)).thenComparing(Lesson::id))
                .limit(k)
                .toList();
        synchronized (pending) {
            return chosen.stream().map(lesson -> {
                Pending p = pending.computeIfAbsent(lesson.id(), id -> new Pending());
                p.retrieved++;
                p.lastUsed = now;
                return p.applyTo(lesson);
            }).toList();
        }
    }

    private static double promptRank(Lesson lesson, Set<String> words) {
        double similarity = Tokens.similarity(words, Tokens.of(SignatureRetriever.textOf(lesson)));
        return similarity + (lesson.status() == LessonStatus.TRUSTED ? 0.5 : 0);
    }

    /**
     * Validates and stores a lesson. A lesson whose trigger equals a live one's is merged into it (its
     * recurrence counted, its expiry renewed) instead of duplicated; one whose trigger equals a retired,
     * superseded or unfixable lesson's is stored afresh under a new id, and the old one links to it.
     *
     * @throws InvalidLessonException when the lesson is unsafe to store; nothing is stored then
     */
    public MemorizeResult memorize(Lesson lesson) {
        return memorize(lesson, null);
    }

    /**
     * Stores {@code lesson} as the replacement of the lesson {@code supersedes}, which was applied and did
     * not work: the old lesson is kept for the history, {@code SUPERSEDED}, and links to the new one.
     *
     * @param supersedes the id of the lesson that did not work, or {@code null}
     * @throws InvalidLessonException when the lesson is unsafe to store; nothing is stored then
     */
    public MemorizeResult memorize(Lesson lesson, @Nullable String supersedes) {
        notNull(lesson, "lesson");
        Lesson clean = redacted(lesson);
        List<String> problems = LessonValidator.problemsOfRedacted(clean);
        if (!problems.isEmpty()) {
            throw new InvalidLessonException(clean.id(), problems);
        }
        Map<String, Pending> deltas = drainPending();
        List<BankEvent> evicted = new ArrayList<>();
        MemorizeResult result = write(deltas, set -> {
            MemorizeResult r = put(set, clean, supersedes);
            evicted.clear();
            evicted.addAll(Eviction.apply(set, r.lesson(), config, now(), sweepDue()));
            return r;
        });
        publish(result.created()
                ? new BankEvent.LessonAdded(config.name(), result.lesson())
                : new BankEvent.LessonMerged(config.name(), result.lesson()));
        evicted.forEach(this::publish);
        return result;
    }

    /** Stores one validated lesson in a transaction: merged, stored afresh, or replacing the one it supersedes. */
    private MemorizeResult put(LessonSet set, Lesson clean, @Nullable String supersedes) {
        Optional<Lesson> old = supersedes == null ? Optional.empty() : set.get(supersedes);
        Lesson incoming = old.map(o -> clean.toBuilder().refinement(Math.max(clean.refinement(), o.refinement() + 1)).build()).orElse(clean);
        Optional<Lesson> existing = sameTrigger(set, incoming);
        Optional<ScoredLesson> near = existing.isEmpty() && supersedes == null && writtenByModel(incoming) ? nearDuplicate(set, incoming)
                : Optional.empty();
        MemorizeResult r;
        if (near.isPresent()) {
            Lesson into = near.get().lesson();
            List<Merge> merges = new ArrayList<>(into.merged());
            merges.add(new Merge(incoming.id(), incoming.title(), incoming.trigger().signature(), near.get().score(), now()));
            Instant expiry = into.expiresAt() == null || incoming.expiresAt() == null ? null
                    : incoming.expiresAt().isAfter(into.expiresAt()) ? incoming.expiresAt() : into.expiresAt();
            Lesson merged = into.toBuilder().stats(into.stats().plus(incoming.stats()).withRecurrence()).merged(merges).expiresAt(expiry).build();
            set.put(merged);
            r = new MemorizeResult(merged, false);
        } else if (existing.isPresent() && existing.get().isActive() && !existing.get().id().equals(supersedes)) {
            Lesson merged = merge(existing.get(), incoming);
            set.put(merged);
            r = new MemorizeResult(merged, false);
        } else if (existing.isPresent() && existing.get().status() == incoming.status() && incoming.status() == LessonStatus.UNFIXABLE) {
            Lesson again = existing.get().withStats(existing.get().stats().withRecurrence()).withExpiresAt(incoming.expiresAt());
            set.put(again);
            r = new MemorizeResult(again, false);
        } else {
            Lesson stored = withFreeId(set, incoming);
            set.put(stored);
            existing.filter(e -> !e.isActive() && e.supersededBy() == null)
                    .ifPresent(e -> set.put(e.toBuilder().supersededBy(stored.id()).build()));
            r = new MemorizeResult(stored, true);
        }
        String newId = r.lesson().id();
        old.filter(o -> !o.id().equals(newId)).ifPresent(o -> set.put(o.toBuilder()
                .status(o.isActive() ? LessonStatus.SUPERSEDED : o.status()).supersededBy(newId).build()));
        return r;
    }

    /**
     * Stores every lesson, or none: all are validated first, then written in one transaction.
     *
     * @throws InvalidLessonException naming every lesson that is unsafe to store; nothing is stored then
     */
    public List<MemorizeResult> memorizeAll(List<Lesson> lessons) {
        List<Lesson> clean = lessons.stream().map(ReasoningBank::redacted).toList();
        List<String> problems = new ArrayList<>();
        for (Lesson lesson : clean) {
            LessonValidator.problemsOfRedacted(lesson).forEach(p -> problems.add(lesson.id() + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new InvalidLessonException(problems.size() + " of the lessons", problems);
        }
        Map<String, Pending> deltas = drainPending();
        List<BankEvent> evicted = new ArrayList<>();
        List<MemorizeResult> results = write(deltas, set -> {
            evicted.clear();
            List<MemorizeResult> stored = new ArrayList<>();
            for (Lesson lesson : clean) {
                MemorizeResult r = put(set, lesson, null);
                stored.add(r);
                evicted.addAll(Eviction.apply(set, r.lesson(), config, now(), false)); // the caps hold for an import too
            }
            return stored;
        });
        results.forEach(r -> publish(r.created() ? new BankEvent.LessonAdded(config.name(), r.lesson())
                : new BankEvent.LessonMerged(config.name(), r.lesson())));
        evicted.forEach(this::publish);
        return results;
    }

    /**
     * The live lesson that already covers this failure, if any: active (a retired, superseded or
     * unfixable lesson never blocks relearning), not a transient lesson past its expiry (the failure is
     * then learned afresh and the lesson renewed), of the same tool and error kind, with conditions the
     * failed call met, and the same error signature unless the lesson is keyed on a value (a fingerprint
     * or a host) rather than on the message.
     */
    public Optional<Lesson> lessonFor(Failure failure) {
        return lessonFor(failure, Set.of());
    }

    /**
     * As {@link #lessonFor(Failure)}, leaving out the lessons {@code justApplied} to the call that failed:
     * a lesson that was applied and whose failure came back did not work, so the failure is not "known".
     */
    public Optional<Lesson> lessonFor(Failure failure, Collection<String> justApplied) {
        Instant now = now();
        for (Lesson lesson : store.snapshot().lessonsOf(failure.tool())) {
            if (lesson.isActive() && !justApplied.contains(lesson.id()) && lesson.trigger().errorKind() == failure.kind()
                    && (!lesson.isExpiredAt(now) || lesson.strategy() instanceof Strategy.SkipTask)
                    && lesson.trigger().matchesFailedCall(failure.tool(), failure.arguments(), failure.fingerprints())
                    && lesson.coversSignature(failure.signature())) {
                return Optional.of(lesson);
            }
        }
        return Optional.empty();
    }

    /**
     * Every live lesson whose trigger the call meets, the tool's own before transfers, the most specific first: deterministic strategies
     * are applied from all of them, not from a ranked few. A transient lesson past its expiry is left
     * out, except a {@code SkipTask} (for the probe) and a {@code RetryWithBackoff} (it only answers its
     * own failure).
     */
    public List<Lesson> matching(ToolCall call) {
        Instant now = now();
        Map<String, String> fingerprints = Fingerprint.ofArguments(call.arguments());
        List<Lesson> found = new ArrayList<>();
        BankSnapshot snapshot = store.snapshot();
        List<Lesson> candidates = new ArrayList<>(snapshot.lessonsOf(call.tool()));
        // lessons of other tools that hold wherever their host or rejected value is met
        // every argument that names a host must name the same one: a transfer never follows a call to another host
        String host = HostNames.soleHostIn(call.arguments()).orElse(null);
        if (host != null) {
            snapshot.learnedOn(host).stream().filter(l -> l.isTransferTo(call.tool()) && l.holdsFor(call.tool(), host)).forEach(candidates::add);
        }
        for (Lesson lesson : candidates) {
            if (lesson.isActive() && lesson.trigger().matchesFailedCall(lesson.trigger().tool(), call.arguments(), fingerprints)
                    && (!lesson.isExpiredAt(now) || lesson.strategy() instanceof Strategy.SkipTask
                            || lesson.strategy() instanceof Strategy.RetryWithBackoff)) {
                found.add(lesson);
            }
        }
        // the tool's own lessons first: where one and a transfer act on the same parameter, the one proven here wins
        found.sort(Comparator.comparing((Lesson l) -> l.isTransferTo(call.tool()))
                .thenComparingInt((Lesson l) -> -l.trigger().specificity())
                .thenComparing(l -> l.status() == LessonStatus.TRUSTED ? 0 : 1)
                .thenComparingInt(l -> -l.stats().helped())
                .thenComparing(Lesson::id));
        synchronized (pending) {
            List<Lesson> counted = new ArrayList<>(found.size());
            for (Lesson lesson : found) {
                Pending p = pending.computeIfAbsent(lesson.id(), id -> new Pending());
                p.retrieved++;
                p.lastUsed = now;
                counted.add(p.applyTo(lesson));
            }
            return counted;
        }
    }

    /**
     * Lessons other tools learned on the host {@code call} names that do not hold for it (their scope is
     * their tool's, or they were narrowed away from it): advice to show a model, never applied. Live,
     * unexpired, lessons whose strategy does something only (not the marks of calls that cannot be fixed),
     * trusted and helpful ones first; at most {@code k}.
     */
    public List<Lesson> advice(ToolCall call, int k) {
        String host = HostNames.soleHostIn(call.arguments()).orElse(null);
        if (host == null || k <= 0) {
            return List.of();
        }
        Instant now = now();
        return store.snapshot().learnedOn(host).stream()
                .filter(l -> l.isTransferTo(call.tool()) && !l.holdsFor(call.tool(), host))
                .filter(l -> l.isActive() && !l.isExpiredAt(now))
                .sorted(Comparator.comparing((Lesson l) -> l.status() == LessonStatus.TRUSTED ? 0 : 1)
                        .thenComparingInt(l -> -l.stats().helped()).thenComparing(Lesson::id))
                .limit(k)
                .toList();
    }

    /** The mark that this very call fails in a way the agent could not fix by itself, if there is one. */
    public Optional<Lesson> unfixable(ToolCall call) {
        Map<String, String> fingerprints = Fingerprint.ofArguments(call.arguments());
        return store.snapshot().lessonsOf(call.tool()).stream()
                .filter(l -> l.status() == LessonStatus.UNFIXABLE && !l.isExpiredAt(now()))
                .filter(l -> l.trigger().matchesFailedCall(call.tool(), call.arguments(), fingerprints))
                .findFirst();
    }

    /**
     * Marks a failure as one the agent cannot fix by itself: the exact call (every argument, by
     * fingerprint) is not made again, until someone retires the mark ({@code rbank bank retire}).
     *
     * @param refinement how many lessons for this failure did not work before
     */
    public Lesson markUnfixable(Failure failure, int refinement, String why) {
        List<ArgumentCondition> exactCall = new ArrayList<>();
        failure.fingerprints().forEach((name, fingerprint) -> exactCall.add(new ArgumentCondition(name, ArgumentCondition.Op.FINGERPRINT, fingerprint)));
        String signature = failure.signature();
        Lesson mark = Lesson.builder()
                .title(cut("Cannot be fixed by the agent: " + failure.tool() + " " + failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), Lesson.MAX_TITLE))
                .description(cut("Applies to this exact call of " + failure.tool() + " (every argument the same): it failed with "
                        + (signature.isEmpty() ? failure.kind().name() : signature) + ".", Lesson.MAX_DESCRIPTION))
                .content(cut(why + " The call is not made again; change its arguments, or fix the cause outside the agent, "
                        + "then retire this mark.", Lesson.MAX_CONTENT))
                .trigger(new Trigger(failure.tool(), failure.kind(), signature, exactCall))
                .strategy(new Strategy.Advice())
                .provenance(new Provenance("loop", failure.summary(), now()))
                .status(LessonStatus.UNFIXABLE)
                .refinement(refinement)
                .expiresAt(now().plus(config.unfixableFor()))
                .build();
        MemorizeResult result = memorize(mark);
        return result.lesson();
    }

    /**
     * Counts a recurrence of the failure a lesson was learned from, without asking a reflector again;
     * a {@code SkipTask} lesson's expiry is renewed (the host is still down).
     */
    public Optional<Lesson> recordRecurrence(String lessonId) {
        Map<String, Pending> deltas = drainPending();
        Instant now = now();
        return write(deltas, set -> {
            return set.get(lessonId).map(lesson -> {
                Lesson updated = lesson.withStats(lesson.stats().withRecurrence());
                if (lesson.strategy() instanceof Strategy.SkipTask skip) {
                    updated = updated.withExpiresAt(now.plus(skip.skipFor()));
                }
                set.put(updated);
                return updated;
            });
        });
    }

    /** Records that a lesson's strategy was applied to a call. */
    public void recordApplied(String lessonId) {
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(lessonId, id -> new Pending());
            p.applied++;
            p.lastUsed = now();
        }
    }

    /**
     * Records whether an applied lesson helped. A candidate that helped {@code promoteAfterHelps}
     * times becomes trusted; a lesson that hurt {@code retireAfterHurts} times, and more often than it
     * helped, is retired.
     */
    public Optional<Lesson> feedback(String lessonId, Feedback feedback) {
        return store.snapshot().find(lessonId).flatMap(l -> feedback(lessonId, feedback, l.trigger().tool()));
    }

    /**
     * As {@link #feedback(String, Feedback)}, for a call of {@code tool}: where the lesson was transferred
     * from another tool, a help is counted as a transfer that helped too, and a hurt narrows the lesson
     * away from {@code tool} (counted as a transfer that hurt) instead of blaming it where it holds.
     */
    public Optional<Lesson> feedback(String lessonId, Feedback feedback, String tool) {
        notNull(feedback, "feedback");
        notNull(tool, "tool");
        Optional<Lesson> stored = store.snapshot().find(lessonId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        boolean transfer = stored.get().isTransferTo(tool);
        if (transfer && feedback == Feedback.HURT) {
            return narrow(lessonId, tool);
        }
        Lesson effective;
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(lessonId, id -> new Pending());
            if (feedback == Feedback.HELPED) {
                p.helped++;
                p.transfersHelped += transfer ? 1 : 0;
            } else {
                p.hurt++;
            }
            p.lastUsed = now();
            effective = p.applyTo(stored.get());
        }
        LessonStats stats = effective.stats();
        if (effective.status() == LessonStatus.CANDIDATE && stats.helped() >= config.promoteAfterHelps() && stats.hurt() < stats.helped()) {
            Lesson promoted = changeStatus(lessonId, LessonStatus.TRUSTED);
            publish(new BankEvent.LessonPromoted(config.name(), promoted));
            return Optional.of(promoted);
        }
        // a candidate from untrusted text (a model, an import) had its one chance to prove itself: it goes at its first hurt
        int hurtsToRetire = effective.status() == LessonStatus.CANDIDATE && untrusted(effective) ? 1 : config.retireAfterHurts();
        if (effective.isActive() && stats.hurt() >= hurtsToRetire && stats.hurt() > stats.helped()) {
            Lesson retired = changeStatus(lessonId, LessonStatus.RETIRED);
            publish(new BankEvent.LessonRetired(config.name(), retired, "it hurt " + stats.hurt() + " times and helped " + stats.helped()));
            return Optional.of(retired);
        }
        flushIfDue();
        return Optional.of(effective);
    }

    /** Whether a model wrote the lesson (an LLM reflector's, here or in the bank it was imported from). */
    static boolean writtenByModel(Lesson lesson) {
        return lesson.provenance().reflector().startsWith("llm:");
    }

    /** Whether a lesson was written from untrusted text: by a model, or imported; not by the rules or the loop itself. */
    static boolean untrusted(Lesson lesson) {
        String reflector = lesson.provenance().reflector();
        return !(reflector.equals("rules") || reflector.startsWith("rules ") || reflector.equals("loop") || reflector.equals("gold"));
    }

    /** Trusts a lesson by hand (someone checked it); a retired or superseded one is active again. */
    public Optional<Lesson> trust(String lessonId) {
        if (store.snapshot().find(lessonId).isEmpty()) {
            return Optional.empty();
        }
        Lesson trusted = changeStatus(lessonId, LessonStatus.TRUSTED);
        publish(new BankEvent.LessonPromoted(config.name(), trusted));
        return Optional.of(trusted);
    }

    /** Retires a lesson by hand; it is kept, but no longer retrieved. */
    public Optional<Lesson> retire(String lessonId, String reason) {
        if (store.snapshot().find(lessonId).isEmpty()) {
            return Optional.empty();
        }
        Lesson retired = changeStatus(lessonId, LessonStatus.RETIRED);
        publish(new BankEvent.LessonRetired(config.name(), retired, reason));
        return Optional.of(retired);
    }

    /** Every lesson, retired ones included, with counters not yet written. */
    public List<Lesson> lessons() {
        List<Lesson> stored = store.snapshot().lessons();
        synchronized (pending) {
            return stored.stream().map(l -> pending.containsKey(l.id()) ? pending.get(l.id()).applyTo(l) : l).toList();
        }
    }

    public Optional<Lesson> lesson(String id) {
        Optional<Lesson> stored = store.snapshot().find(id);
        synchronized (pending) {
            return stored.map(l -> pending.containsKey(id) ? pending.get(id).applyTo(l) : l);
        }
    }

    /** Writes the usage counters kept in memory. */
    public void flush() {
        Map<String, Pending> deltas = drainPending();
        if (!deltas.isEmpty()) {
            write(deltas, set -> {
                return null;
            });
        }
    }

    @Override
    public void close() {
        flush();
        store.close();
    }

    private void flushIfDue() {
        if (!now().isBefore(lastFlush.plus(config.statsFlushInterval()))) {
            flush();
        }
    }

    /**
     * Stops a lesson of a wider scope than its tool from applying to {@code tool}, where it was transferred
     * and did not work (a transfer that hurt); it is not retired, and still holds for its own tool and the others.
     */
    public Optional<Lesson> narrow(String lessonId, String tool) {
        Map<String, Pending> deltas = drainPending();
        Optional<Lesson> narrowed = write(deltas, set -> set.get(lessonId).filter(l -> l.isTransferTo(tool) && !l.narrowed().contains(tool)).map(l -> {
            List<String> tools = new ArrayList<>(l.narrowed());
            tools.add(tool);
            Lesson changed = l.toBuilder().narrowed(tools).stats(l.stats().withTransferHurt()).build();
            set.put(changed);
            return changed;
        }));
        narrowed.ifPresent(l -> publish(new BankEvent.LessonNarrowed(config.name(), l, tool)));
        return narrowed;
    }

    private Lesson changeStatus(String lessonId, LessonStatus status) {
        Map<String, Pending> deltas = drainPending();
        return write(deltas, set -> {
            Lesson changed = set.get(lessonId).orElseThrow().withStatus(status);
            set.put(changed);
            return changed;
        });
    }

    /** Writes the counters kept in memory together with a transaction; on failure they are kept for the next write. */
    private <R> R write(Map<String, Pending> deltas, java.util.function.Function<LessonSet, R> transaction) {
        try {
            return store.update(set -> {
                applyPending(set, deltas);
                return transaction.apply(set);
            });
        } catch (RuntimeException e) {
            restorePending(deltas);
            throw e;
        }
    }

    /** Puts usage counters back when the write that was to carry them failed, so that none is lost. */
    private void restorePending(Map<String, Pending> deltas) {
        synchronized (pending) {
            deltas.forEach((id, delta) -> pending.merge(id, delta, Pending::plus));
        }
    }

    private Map<String, Pending> drainPending() {
        synchronized (pending) {
            Map<String, Pending> drained = new HashMap<>(pending);
            pending.clear();
            lastFlush = now();
            return drained;
        }
    }

    private static void applyPending(LessonSet set, Map<String, Pending> deltas) {
        deltas.forEach((id, delta) -> set.get(id).ifPresent(lesson -> set.put(delta.applyTo(lesson))));
    }

    /** The lesson under an id no other lesson uses: its own, else the one its trigger derives, else that one numbered. */
    private static Lesson withFreeId(LessonSet set, Lesson lesson) {
        if (set.get(lesson.id()).isEmpty()) {
            return lesson;
        }
        String derived = lesson.trigger().lessonId();
        for (int n = 1; n < 10_000; n++) {
            String id = n == 1 ? derived : derived + "-" + n;
            if (set.get(id).isEmpty()) {
                return lesson.toBuilder().id(id).build();
            }
        }
        throw new InvalidLessonException(lesson.id(), List.of("id " + lesson.id() + " and its numbered variants are taken; give the lesson another id"));
    }

    /**
     * The live lesson a model wrote that says what {@code lesson} says in other words: the same tool, error
     * kind, conditions and strategy, and text the retriever finds alike (at least {@link LessonRetriever#sameMeaning()}).
     * The rules write the same words for the same failure: their duplicates are caught by their trigger.
     */
    private Optional<ScoredLesson> nearDuplicate(LessonSet set, Lesson lesson) {
        Trigger t = lesson.trigger();
        return set.ofTool(t.tool()).stream()
                .filter(l -> l.isActive() && writtenByModel(l) && l.trigger().errorKind() == t.errorKind()
                        && l.trigger().conditions().equals(t.conditions()) && l.strategy().equals(lesson.strategy()))
                .map(l -> new ScoredLesson(l, retriever.similarity(l, lesson)))
                .filter(s -> s.score() >= retriever.sameMeaning())
                .max(Comparator.comparingDouble(ScoredLesson::score));
    }

    private static Optional<Lesson> sameTrigger(LessonSet set, Lesson lesson) {
        List<Lesson> same = set.ofTool(lesson.trigger().tool()).stream().filter(l -> l.trigger().equals(lesson.trigger())).toList();
        return same.stream().filter(Lesson::isActive).findFirst()
                .or(() -> same.stream().filter(l -> l.supersededBy() == null).findFirst())
                .or(() -> same.stream().findFirst());
    }

    private Lesson merge(Lesson existing, Lesson incoming) {
        LessonStats stats = existing.stats().withRecurrence();
        boolean newIdea = !incoming.strategy().equals(existing.strategy());
        boolean replaceText = existing.stats().hurt() > existing.stats().helped() && newIdea;
        Lesson base = replaceText
                ? incoming.toBuilder().id(existing.id()).provenance(existing.provenance()).build()
                : existing;
        Instant expiry = existing.expiresAt() == null || incoming.expiresAt() == null
                ? incoming.expiresAt()
                : (incoming.expiresAt().isAfter(existing.expiresAt()) ? incoming.expiresAt() : existing.expiresAt());
        return base.toBuilder().stats(stats).status(existing.status()).expiresAt(expiry).build();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Lesson redacted(Lesson lesson) {
        Redactor redactor = Redactor.standard();
        return lesson.toBuilder()
                .title(redactor.redact(lesson.title()))
                .description(redactor.redact(lesson.description()))
                .content(redactor.redact(lesson.content()))
                .build();
    }

    private void publish(BankEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    /** Whether a day passed since the last walk for lessons unused too long (the first write walks). */
    private boolean sweepDue() {
        Instant now = now();
        Instant last = lastSweep.get();
        return (last == null || !now.isBefore(last.plus(java.time.Duration.ofDays(1)))) && lastSweep.compareAndSet(last, now);
    }

    private Instant now() {
        return config.clock().instant();
    }

    /** Usage counters of one lesson that are not written yet. */
    private static final class Pending {
        int retrieved;
        int applied;
        int helped;
        int hurt;
        int transfersHelped;
        @Nullable Instant lastUsed;

        Pending plus(Pending other) {
            retrieved += other.retrieved;
            applied += other.applied;
            helped += other.helped;
            hurt += other.hurt;
            transfersHelped += other.transfersHelped;
            lastUsed = lastUsed == null || (other.lastUsed != null && other.lastUsed.isAfter(lastUsed)) ? other.lastUsed : lastUsed;
            return this;
        }

        Lesson applyTo(Lesson lesson) {
            LessonStats s = lesson.stats();
            Instant last = lastUsed == null ? s.lastUsed() : lastUsed;
            return lesson.withStats(new LessonStats(s.retrieved() + retrieved, s.applied() + applied, s.helped() + helped, s.hurt() + hurt,
                    s.recurrences(), last, s.transfersHelped() + transfersHelped, s.transfersHurt()));
        }
    }

    /** Read-only counters of this bank instance since it was built. */
    public static final class Metrics {
    private final AtomicLong retrievals = new AtomicLong();
        private final AtomicLong retrievalsWithoutHit = new AtomicLong();

        public long getNumberOfRetrievals() {
            return retrievals.get();
        }

        public long getNumberOfRetrievalsWithoutHit() {
            return retrievalsWithoutHit.get();
        }
    }

    /** Builds a {@link ReasoningBank}: an in-memory store, the signature retriever and default settings unless told otherwise. */
    public static final class Builder {
        private @Nullable LessonStore store;
        private @Nullable LessonRetriever retriever;
        private ReasoningBankConfig config = ReasoningBankConfig.ofDefaults();

        private Builder() {}

        public Builder store(LessonStore store) {
            if (this.store != null) {
                throw new IllegalStateException("store was already set to " + this.store.describe());
            }
            this.store = notNull(store, "store");
            return this;
        }

        public Builder retriever(LessonRetriever retriever) {
            this.retriever = notNull(retriever, "retriever");
            return this;
        }

        public Builder config(ReasoningBankConfig config) {
            this.config = notNull(config, "config");
            return this;
        }

        public ReasoningBank build() {
            return new ReasoningBank(
                    store == null ? new InMemoryLessonStore() : store,
                    retriever == null ? new SignatureRetriever() : retriever,
                    config);
        }
    }
}
