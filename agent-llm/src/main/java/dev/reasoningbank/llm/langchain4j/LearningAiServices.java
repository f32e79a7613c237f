package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.agent.LearningLoop;
import dev.reasoningbank.core.agent.Sleeper;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.llm.LessonsBlock;
import dev.reasoningbank.llm.PromptTemplates;
import dev.reasoningbank.llm.SuccessReflector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Builds a LangChain4j AI service whose tool calls learn: each tool call is planned with the
 * lessons of a {@link ReasoningBank} (a rejected credential replaced from a {@link ParameterSource},
 * an argument fixed, a host that is down skipped with an explanation the model can act on, a
 * backoff), each failure is reflected on once and memorized, the model gets the redacted error plus
 * the lesson, and the lessons for the offered tools are put into the system message before every
 * model round, as a delimited block of data.
 *
 * <pre>{@code
 * Assistant assistant = LearningAiServices.builder(Assistant.class)
 *         .chatModel(model)
 *         .tools(new WeatherTools())
 *         .bank(bank)
 *         .reflector(reflector)                                   // e.g. an LlmReflector
 *         .parameterSource(ParameterSource.of(Map.of("weather.apiKey", freshKey)))
 *         .listener(event -> System.out.println(event))           // what was learned and applied
 *         .build();
 * }</pre>
 *
 * <p>It sets the AI service's {@code tools}, {@code toolExecutionErrorHandler},
 * {@code toolArgumentsErrorHandler}, {@code hallucinatedToolNameStrategy} and
 * {@code chatRequestTransformer}; use {@link #customize} for any other setting.
 *
 * @param <T> the AI service interface
 */
public final class LearningAiServices<T> {

    /** How many lessons go into the prompt by default. */
    public static final int DEFAULT_LESSONS_IN_PROMPT = 3;

    private final Class<T> serviceType;
    private ChatModel chatModel;
    private final ToolRegistry tools = new ToolRegistry();
    private ReasoningBank bank;
    private Reflector reflector = RuleBasedReflector.ofDefaults();
    private ParameterSource parameterSource = ParameterSource.none();
    private OutcomeJudge judge = OutcomeJudge.ruleBased();
    private Sleeper sleeper = Sleeper.system();
    private PromptTemplates templates;
    private SuccessReflector successReflector;
    private int lessonsInPrompt = DEFAULT_LESSONS_IN_PROMPT;
    private ChatMemoryProvider chatMemoryProvider;
    private ChatMemory chatMemory;
    private String systemMessage;
    private final List<AgentListener> listeners = new ArrayList<>();
    private final List<Consumer<AiServices<T>>> customizers = new ArrayList<>();

    private LearningAiServices(Class<T> serviceType) {
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType must not be null");
    }

    /** A builder for an AI service implementing {@code serviceType}. */
    public static <T> LearningAiServices<T> builder(Class<T> serviceType) {
        return new LearningAiServices<>(serviceType);
    }

    public LearningAiServices<T> chatModel(ChatModel chatModel) {
        this.chatModel = Objects.requireNonNull(chatModel, "chatModel must not be null");
        return this;
    }

    /** Objects with {@code @Tool} methods. Compile with {@code -parameters} so their parameter names survive. */
    public LearningAiServices<T> tools(Object... toolObjects) {
        Objects.requireNonNull(toolObjects, "toolObjects must not be null");
        for (Object object : toolObjects) {
            tools.addObject(object);
        }
        return this;
    }

    /** A tool given by hand; its executor must throw on failure, or nothing is learned from it. */
    public LearningAiServices<T> tool(ToolSpecification specification, ToolExecutor executor) {
        tools.add(specification, executor);
        return this;
    }

    public LearningAiServices<T> bank(ReasoningBank bank) {
        this.bank = Objects.requireNonNull(bank, "bank must not be null");
        return this;
    }

    /** Turns failures into lessons; default {@link RuleBasedReflector#ofDefaults()}. */
    public LearningAiServices<T> reflector(Reflector reflector) {
        this.reflector = Objects.requireNonNull(reflector, "reflector must not be null");
        return this;
    }

    /** Where ReplaceParam lessons take values from (e.g. a credential store); default none. */
    public LearningAiServices<T> parameterSource(ParameterSource parameterSource) {
        this.parameterSource = Objects.requireNonNull(parameterSource, "parameterSource must not be null");
        return this;
    }

    /** Judges results that did not throw (e.g. an {@code LlmJudge}); default the rule-based judge. */
    /**
     * Also learn from successes: when a tool call succeeds after earlier calls of that tool in the same
     * conversation failed, and no lesson made the difference, distil at most three lessons from what
     * changed (e.g. {@code LlmReflectors.Setup#successReflector()}). Off by default.
     */
    public LearningAiServices<T> successReflector(SuccessReflector successReflector) {
        this.successReflector = Objects.requireNonNull(successReflector, "successReflector must not be null");
        return this;
    }

    public LearningAiServices<T> judge(OutcomeJudge judge) {
        this.judge = Objects.requireNonNull(judge, "judge must not be null");
        return this;
    }

    /** Waits between retries of a backoff lesson; default {@link Sleeper#system()}. */
    public LearningAiServices<T> sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
        return this;
    }

    /** The templates of the lessons block; default the classpath ones. */
    public LearningAiServices<T> templates(PromptTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates must not be null");
        return this;
    }

    /** How many lessons go into the prompt before each model round (0 to 10); default 3. */
    public LearningAiServices<T> lessonsInPrompt(int count) {
        if (count < 0 || count > 10) {
            throw new IllegalArgumentException("lessonsInPrompt must be between 0 and 10 but was " + count);
        }
        this.lessonsInPrompt = count;
        return this;
    }

    /** One memory per {@code @MemoryId}; default a 20-message window per id. */
    public LearningAiServices<T> chatMemoryProvider(ChatMemoryProvider provider) {
        if (chatMemory != null) {
            throw new IllegalStateException("chatMemory was already set; set either chatMemory or chatMemoryProvider");
        }
        this.chatMemoryProvider = Objects.requireNonNull(provider, "chatMemoryProvider must not be null");
        return this;
    }

    /** One memory shared by every call. */
    public LearningAiServices<T> chatMemory(ChatMemory memory) {
        if (chatMemoryProvider != null) {
            throw new IllegalStateException("chatMemoryProvider was already set; set either chatMemory or chatMemoryProvider");
        }
        this.chatMemory = Objects.requireNonNull(memory, "chatMemory must not be null");
        return this;
    }

    /** The system message (LangChain4j treats {@code {{...}}} in it as a template variable). */
    public LearningAiServices<T> systemMessage(String systemMessage) {
        this.systemMessage = Objects.requireNonNull(systemMessage, "systemMessage must not be null");
        return this;
    }

    /** Observes every phase: retrieved, applied, skipped, failed, reflected, memorized. */
    public LearningAiServices<T> listener(AgentListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
        return this;
    }

    /** Any other setting of the underlying {@link AiServices} builder, applied before the learning hooks. */
    public LearningAiServices<T> customize(Consumer<AiServices<T>> customizer) {
        customizers.add(Objects.requireNonNull(customizer, "customizer must not be null"));
        return this;
    }

    public T build() {
        if (chatModel == null) {
            throw new IllegalStateException("chatModel must be set: LearningAiServices.builder(..).chatModel(model)");
        }
        if (bank == null) {
            throw new IllegalStateException("bank must be set: LearningAiServices.builder(..).bank(ReasoningBank.inMemory())");
        }
        if (tools.isEmpty()) {
            throw new IllegalStateException("at least one tool must be set: LearningAiServices.builder(..).tools(new MyTools())");
        }
        List<AgentListener> observers = List.copyOf(listeners);
        LearningLoop loop = LearningLoop.builder().bank(bank).reflector(reflector).parameterSource(parameterSource).judge(judge)
                .sleeper(sleeper).events(event -> Learning.publishTo(observers, event)).build();
        Learning learning = new Learning(bank, loop, tools,
                new LessonsBlock(templates == null ? PromptTemplates.classpath() : templates), lessonsInPrompt,
                new SuccessLearning(successReflector), observers);
        Map<ToolSpecification, ToolExecutor> executors = new LinkedHashMap<>();
        PlanningToolExecutor executor = new PlanningToolExecutor(learning);
        for (String name : tools.names()) {
            executors.put(tools.get(name).specification(), executor);
        }
        FailureLearner learner = new FailureLearner(learning);
        AiServices<T> services = AiServices.builder(serviceType).chatModel(chatModel);
        if (chatMemory != null) {
            services.chatMemory(chatMemory);
        } else {
            services.chatMemoryProvider(chatMemoryProvider != null ? chatMemoryProvider : id -> MessageWindowChatMemory.withMaxMessages(20));
        }
        if (systemMessage != null) {
            services.systemMessage(systemMessage);
        }
        customizers.forEach(c -> c.accept(services));
        List<String> names = tools.names();
        return services
                .tools(executors)
                .toolExecutionErrorHandler(learner::onExecutionError)
                .toolArgumentsErrorHandler(learner::onArgumentsError)
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "There is no tool named '" + request.name() + "'; the tools are " + names))
                .chatRequestTransformer((BiFunction<ChatRequest, Object, ChatRequest>) new LessonInjector(learning))
                .build();
    }
}
