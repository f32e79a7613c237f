package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceEvent;
import dev.reasoningbank.core.agent.AgentEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the learning loop did (a lesson retrieved, applied or learned, a call skipped, a failure) as a
 * LangChain4j {@link AiServiceEvent}: a listener registered with
 * {@code LearningAiServices.builder(..).registerListener(..)} for this class receives them beside
 * LangChain4j's own events, with the invocation they belong to.
 *
 * @param invocationContext the AI service invocation, when the event happened inside one
 * @param event what happened
 */
public record LearningEvent(@Nullable InvocationContext invocationContext, AgentEvent event) implements AiServiceEvent {

    public LearningEvent {
        Objects.requireNonNull(event, "event must not be null");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<LearningEvent> eventClass() {
        return LearningEvent.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** LangChain4j's builder protocol for events. */
    public static final class Builder extends AiServiceEvent.Builder<LearningEvent> {
        private final AgentEvent event;

        Builder(LearningEvent from) {
            super(from);
            this.event = from.event();
        }

        @Override
        public LearningEvent build() {
            return new LearningEvent(invocationContext(), event);
        }
    }
}
