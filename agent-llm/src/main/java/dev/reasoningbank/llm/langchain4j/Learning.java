package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.agent.LearningLoop;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.llm.LessonsBlock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/** What the executors, the error handlers and the lesson injector of one learning AI service share. */
record Learning(
        ReasoningBank bank,
        LearningLoop loop,
        ToolRegistry tools,
        LessonsBlock lessonsBlock,
        int lessonsInPrompt,
        int lessonsTokenBudget,
        SuccessLearning successes,
        List<AgentListener> listeners) {

    private static final Logger log = LoggerFactory.getLogger(Learning.class);
    private static final ThreadLocal<InvocationContext> INVOCATION = new ThreadLocal<>();

    /** Runs {@code body} as part of {@code invocation}, so that the events it publishes carry it. */
    static <T> T within(@Nullable InvocationContext invocation, java.util.function.Supplier<T> body) {
        InvocationContext outer = INVOCATION.get();
        INVOCATION.set(invocation);
        try {
            return body.get();
        } finally {
            if (outer == null) {
                INVOCATION.remove();
            } else {
                INVOCATION.set(outer);
            }
        }
    }

    /** The AI service invocation running on this thread, if any. */
    static @Nullable InvocationContext invocation() {
        return INVOCATION.get();
    }

    /** The task id events carry: the conversation's memory id. */
    static String taskId(@Nullable Object memoryId) {
        return "conversation " + (memoryId == null ? "default" : memoryId);
    }

    /** The user's words of this invocation, for retrieval; empty when unknown. */
    static String userText(@Nullable InvocationContext context) {
        if (context == null) {
            return "";
        }
        try {
            UserMessage message = context.userMessage();
            return message != null && message.hasSingleText() ? message.singleText() : "";
        } catch (RuntimeException unavailable) {
            return "";
        }
    }

    void publish(AgentEvent event) {
        publishTo(listeners, event);
    }

    /** Tells every listener; a failing listener is logged, never allowed to break the tool loop. */
    static void publishTo(List<AgentListener> listeners, AgentEvent event) {
        for (AgentListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("agent listener {} failed on '{}': {}", listener, event, e.toString());
            }
        }
    }
}
