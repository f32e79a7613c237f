package dev.reasoningbank.examples.cli;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.examples.chat.WeatherAssistant;
import dev.reasoningbank.examples.chat.WeatherTools;
import dev.reasoningbank.examples.demo.FlakyWeatherApi;
import dev.reasoningbank.examples.demo.SeedDemo;
import dev.reasoningbank.examples.demo.WeatherTool;
import dev.reasoningbank.llm.ChatModels;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmReflectors;
import dev.reasoningbank.llm.ModelError;
import dev.reasoningbank.llm.langchain4j.LearningAiServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rbank chat}: a LangChain4j chat agent with a {@code @Tool} over the flaky weather API of the
 * seed story. Its configuration still holds the expired key, and the archive host is down; the
 * lessons it learns in one conversation are used in the next ({@code /new}) and after a restart.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a weather agent that learns from its tool failures (needs Ollama or an OpenAI-compatible server).",
                "Type a question; /new starts a new conversation, /lessons lists the bank, /quit ends."})
final class ChatCommand implements Callable<Integer> {

    static final String SYSTEM = "You are a weather assistant. Answer with the weather tool. The weather API key configured "
            + "for this agent is '" + SeedDemo.EXPIRED_KEY + "'; pass it as apiKey. Current weather comes from host "
            + FlakyWeatherApi.API_HOST + ", history from " + FlakyWeatherApi.ARCHIVE_HOST + ". If a tool result says a call "
            + "was skipped or failed, tell the user briefly instead of retrying the same call.";

    @ParentCommand
    Rbank rbank;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bank", paramLabel = "FILE", description = "the bank file (default: $RB_BANK or ~/.reasoningbank/bank.json)")
    Path bank;

    @Option(names = "--prompts", paramLabel = "DIR", description = "prompt templates to use instead of the built-in ones (default: $RB_PROMPTS_DIR)")
    Path prompts;

    @Option(names = "--say", paramLabel = "TEXT",
            description = "say this instead of reading the terminal (repeatable; /new starts a new conversation)")
    List<String> say = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!LlmConfig.isConfigured(rbank.env)) {
            spec.commandLine().getErr().println(howToConfigure());
            return 1;
        }
        Optional<String> problem = ChatModels.problem(LlmConfig.fromEnvironment(rbank.env));
        if (problem.isPresent()) {
            spec.commandLine().getErr().println("rbank chat: the model is not available: " + problem.get());
            return 1;
        }
        ChatModel model = ChatModels.fromEnvironment(rbank.env);
        LlmReflectors.Setup llm = LlmReflectors.fromEnvironment(
                rbank.env, prompts, SeedDemo.rules(), List.of(SeedDemo.CREDENTIAL));
        Path file = BankFiles.orDefault(bank, rbank.env).toAbsolutePath();
        try (ReasoningBank memory = ReasoningBank.builder().store(JsonFileLessonStore.open(file)).build();
                FlakyWeatherApi api = FlakyWeatherApi.start(SeedDemo.VALID_KEY)) {
            WeatherAssistant assistant = LearningAiServices.builder(WeatherAssistant.class)
                    .chatModel(model)
                    .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                    .tools(new WeatherTools(new WeatherTool(api::resolve)))
                    .bank(memory)
                    .reflector(llm.reflector())
                    .successReflector(llm.successReflector())
                    .parameterSource(ParameterSource.of(Map.of(SeedDemo.CREDENTIAL, SeedDemo.VALID_KEY)))
                    .systemMessage(SYSTEM)
                    .listener(event -> out.println("    [" + event.type().name().toLowerCase(java.util.Locale.ROOT) + "] " + event))
                    .build();
            out.printf("Chatting with %s; bank %s (%d lessons). /new, /lessons, /quit.%n",
                    llm.config().label(), file, memory.lessons().size());
            converse(assistant, memory, out);
            out.printf("Model calls for reflection: %d; lessons in the bank: %d%n", llm.metrics().getNumberOfCalls(), memory.lessons().size());
        }
        return 0;
    }

    private void converse(WeatherAssistant assistant, ReasoningBank memory, PrintWriter out) throws Exception {
        int conversation = 1;
        BufferedReader terminal = say.isEmpty() ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
        int next = 0;
        while (true) {
            out.print("you> ");
            out.flush();
            String line = terminal != null ? terminal.readLine() : next < say.size() ? say.get(next++) : null;
            if (line == null || line.strip().equals("/quit")) {
                out.println();
                return;
            }
            if (terminal == null) {
                out.println(line);
            }
            switch (line.strip()) {
                case "" -> { }
                case "/new" -> out.println("-- conversation " + (++conversation) + " (a new chat memory; the bank stays) --");
                case "/lessons" -> memory.lessons().forEach(l -> out.println("  " + describe(l)));
                default -> out.println("agent> " + answer(assistant, "c" + conversation, line));
            }
        }
    }

    /** The model's answer; when the model fails, what went wrong, and the session goes on. */
    private String answer(WeatherAssistant assistant, String conversation, String line) {
        try {
            return assistant.chat(conversation, line);
        } catch (RuntimeException e) {
            return "(no answer: " + ModelError.of(e, LlmConfig.fromEnvironment(rbank.env)).message() + ")";
        }
    }

    private static String describe(Lesson lesson) {
        return lesson.id() + " " + lesson.status() + " " + lesson.strategy().type() + ": " + lesson.title();
    }

    static String howToConfigure() {
        return String.join(System.lineSeparator(),
                "rbank chat needs a chat model, and none is configured. Either:",
                "  - a local model with Ollama (https://ollama.com): install it, then",
                "      ollama pull " + LlmConfig.DEFAULT_OLLAMA_MODEL,
                "      RB_LLM=ollama ./rbank chat            (OLLAMA_BASE_URL defaults to " + LlmConfig.DEFAULT_OLLAMA_URL
                        + ", OLLAMA_MODEL to " + LlmConfig.DEFAULT_OLLAMA_MODEL + ")",
                "  - or an OpenAI-compatible server (OpenAI, LM Studio, vLLM, llama.cpp server):",
                "      RB_LLM=openai OPENAI_API_KEY=... [OPENAI_BASE_URL=http://localhost:1234/v1] [OPENAI_MODEL=...] ./rbank chat");
    }
}
