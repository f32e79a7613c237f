package dev.reasoningbank.examples.chat;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;

/** The chat agent of {@code rbank chat}: one method, one conversation per memory id. */
public interface WeatherAssistant {

    String chat(@MemoryId String conversation, @UserMessage String message);
}
