package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The {@code chatRequestTransformer} of a learning AI service: before every model round it puts the
 * lessons for the offered tools into the system message, as a delimited block of data. Idempotent: a
 * block already in the message is replaced, never repeated (the transformer runs on every round, and
 * its edits are not kept in chat memory).
 *
 * <p>At this point the model has not chosen arguments yet, so lessons are picked by tool, not by
 * argument conditions: active, unexpired lessons of the offered tools, trusted ones first, then by
 * lexical similarity to the user's message.
 */
final class LessonInjector implements BiFunction<ChatRequest, Object, ChatRequest> {

    private final Learning learning;

    LessonInjector(Learning learning) {
        this.learning = learning;
    }

    @Override
    public ChatRequest apply(ChatRequest request, Object memoryId) {
        List<String> tools = request.toolSpecifications() == null || request.toolSpecifications().isEmpty()
                ? learning.tools().names()
                : request.toolSpecifications().stream().map(ToolSpecification::name).toList();
        String userText = UserMessage.findLast(request.messages())
                .filter(UserMessage::hasSingleText).map(UserMessage::singleText).orElse("");
        String block = learning.lessonsBlock().render(select(tools, userText), learning.lessonsTokenBudget());
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        int system = indexOfSystem(messages);
        String current = system < 0 ? "" : ((SystemMessage) messages.get(system)).text();
        String stripped = withoutBlock(current);
        String updated = block.isEmpty() ? stripped : stripped.isBlank() ? block : stripped + "\n\n" + block;
        if (updated.equals(current)) {
            return request;
        }
        if (system >= 0 && updated.isBlank()) {
            messages.remove(system);
        } else if (system >= 0) {
            messages.set(system, SystemMessage.from(updated));
        } else {
            messages.add(0, SystemMessage.from(updated));
        }
        return request.toBuilder().messages(messages).build();
    }

    List<Lesson> select(List<String> tools, String userText) {
        return learning.bank().retrieveForPrompt(tools, userText, learning.lessonsInPrompt());
    }

    private String withoutBlock(String text) {
        String open = learning.lessonsBlock().openingLine();
        String close = learning.lessonsBlock().closingLine();
        int start = text.indexOf(open);
        if (open.isBlank() || close.isBlank() || start < 0) {
            return text;
        }
        int end = text.indexOf(close, start + open.length());
        if (end < 0) {
            return text;
        }
        return (text.substring(0, start) + text.substring(end + close.length())).strip();
    }

    private static int indexOfSystem(List<ChatMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage) {
                return i;
            }
        }
        return -1;
    }
}
