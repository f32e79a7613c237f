package dev.reasoningbank.core.lesson;

import static dev.reasoningbank.core.internal.Checks.maxLength;
import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One strategy distilled from a past success or failure: when it applies (its {@link Trigger}), what
 * to do ({@link Strategy}), in words for the model ({@code content}), and how it has fared.
 *
 * @param id stable id, by default derived from the trigger (see {@link Trigger#lessonId()})
 * @param title a short name, at most {@value #MAX_TITLE} characters
 * @param description when the lesson applies and when it does not, at most {@value #MAX_DESCRIPTION}
 * @param content the strategy in 1–3 sentences, at most {@value #MAX_CONTENT} characters
 * @param trigger when it applies
 * @param strategy what to do
 * @param provenance where it came from
 * @param stats how it has fared
 * @param status candidate, trusted or retired
 * @param expiresAt when a transient lesson (a host being down) stops applying; {@code null} if never
 * @param supersededBy the lesson that replaced this one when it did not work, or was retired; {@code null} if none
 * @param refinement how many lessons for the same failure did not work before this one (0 for the first)
 * @param merged the near-duplicates folded into this lesson, oldest first
 * @param scope how far it holds: the tool it was learned on, or every tool whose call meets its conditions
 * @param sharedHost the host the call it was learned from named: a wider scope holds for other tools' calls to that host only
 * @param narrowed the tools a lesson of a wider scope no longer applies to: it failed there once
 * @param extensions fields of the bank file this version does not know (written by a newer version or by
 *     hand): kept as they are and written back, never dropped
 */
public record Lesson(
        String id,
        String title,
        String description,
        String content,
        Trigger trigger,
        Strategy strategy,
        Provenance provenance,
        LessonStats stats,
        LessonStatus status,
        @Nullable Instant expiresAt,
        @Nullable String supersededBy,
        int refinement,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<Merge> merged,
        @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include.CUSTOM,
                valueFilter = Scope.ToolIsDefault.class) Scope scope,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) @Nullable String sharedHost,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> narrowed,
        @com.fasterxml.jackson.annotation.JsonAnySetter @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extensions) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 600;
    public static final int MAX_CONTENT = 600;

    public Lesson {
        notBlank(id, "id");
        maxLength(notBlank(title, "title"), MAX_TITLE, "title");
        description = maxLength(description == null ? "" : description, MAX_DESCRIPTION, "description");
        maxLength(notBlank(content, "content"), MAX_CONTENT, "content");
        notNull(trigger, "trigger");
        notNull(strategy, "strategy");
        notNull(provenance, "provenance");
        stats = stats == null ? LessonStats.NONE : stats;
        status = status == null ? LessonStatus.CANDIDATE : status;
        if (refinement < 0) {
            throw new IllegalArgumentException("refinement must not be negative but was " + refinement);
        }
        merged = merged == null ? List.of() : List.copyOf(merged);
        scope = scope == null || sharedHost == null ? Scope.TOOL : scope;
        narrowed = narrowed == null ? List.of() : List.copyOf(narrowed);
        extensions = extensions == null || extensions.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extensions));
    }

    /**
     * Whether a failure of this error signature is the one this lesson was learned from: its trigger's
     * signature (any, when blank) or the signature of a near-duplicate merged into it.
     */
    public boolean coversSignature(String signature) {
        return trigger.signature().isEmpty() || trigger.signature().equals(signature)
                || merged.stream().anyMatch(m -> m.signature().equals(signature));
    }

    /**
     * Whether this lesson holds for a call of {@code tool} to {@code host}: the tool it was learned on, or,
     * for a wider scope, any tool calling the host it was learned on that it was not narrowed away from (its
     * conditions, and for {@link Scope#PARAMETER} its fix finding a value to rewrite, still decide).
     */
    public boolean holdsFor(String tool, @Nullable String host) {
        return trigger.tool().equals(tool) || scope != Scope.TOOL && host != null && host.equalsIgnoreCase(sharedHost) && !narrowed.contains(tool);
    }

    /** Whether applying it to a call of {@code tool} is a transfer from the tool it was learned on. */
    public boolean isTransferTo(String tool) {
        return !trigger.tool().equals(tool);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id).title(title).description(description).content(content).trigger(trigger)
                .strategy(strategy).provenance(provenance).stats(stats).status(status).expiresAt(expiresAt)
                .supersededBy(supersededBy).refinement(refinement).merged(merged).scope(scope).sharedHost(sharedHost).narrowed(narrowed).extensions(extensions);
    }

    public Lesson withStats(LessonStats newStats) {
        return toBuilder().stats(newStats).build();
    }

    public Lesson withStatus(LessonStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    public Lesson withExpiresAt(@Nullable Instant newExpiry) {
        return toBuilder().expiresAt(newExpiry).build();
    }

    /** Whether the lesson is transient and its time has passed at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @JsonIgnore
    public boolean isActive() {
        return status.isActive();
    }

    /** Builds a {@link Lesson}; the id defaults to one derived from the trigger. */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable String title;
        private @Nullable String description;
        private @Nullable String content;
        private @Nullable Trigger trigger;
        private @Nullable Strategy strategy;
        private @Nullable Provenance provenance;
        private LessonStats stats = LessonStats.NONE;
        private LessonStatus status = LessonStatus.CANDIDATE;
        private @Nullable Instant expiresAt;
        private @Nullable String supersededBy;
        private int refinement;
        private List<Merge> merged = List.of();
        private Scope scope = Scope.TOOL;
        private @Nullable String sharedHost;
        private List<String> narrowed = List.of();
        private Map<String, Object> extensions = Map.of();

        private Builder() {}

        public Builder id(String id) { this.id = id; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder content(String content) { this.content = content; return this; }
        public Builder trigger(Trigger trigger) { this.trigger = trigger; return this; }
        public Builder strategy(Strategy strategy) { this.strategy = strategy; return this; }
        public Builder provenance(Provenance provenance) { this.provenance = provenance; return this; }
        public Builder stats(LessonStats stats) { this.stats = stats; return this; }
        public Builder status(LessonStatus status) { this.status = status; return this; }
        public Builder expiresAt(@Nullable Instant expiresAt) { this.expiresAt = expiresAt; return this; }
        public Builder supersededBy(@Nullable String supersededBy) { this.supersededBy = supersededBy; return this; }
        public Builder refinement(int refinement) { this.refinement = refinement; return this; }
        public Builder merged(List<Merge> merged) { this.merged = merged; return this; }
        public Builder scope(Scope scope) { this.scope = scope; return this; }
        public Builder sharedHost(@Nullable String host) { this.sharedHost = host; return this; }
        public Builder narrowed(List<String> narrowed) { this.narrowed = narrowed; return this; }
        public Builder extensions(Map<String, Object> extensions) { this.extensions = extensions; return this; }

        public Lesson build() {
            String lessonId = id != null ? id : trigger == null ? null : trigger.lessonId();
            // a missing field is rejected with the canonical constructor's own message
            return new Lesson(notBlank(lessonId, "id"), notBlank(title, "title"), description == null ? "" : description,
                    notBlank(content, "content"), notNull(trigger, "trigger"), notNull(strategy, "strategy"),
                    notNull(provenance, "provenance"), stats, status, expiresAt, supersededBy, refinement, merged, scope, sharedHost, narrowed, extensions);
        }
    }
}
