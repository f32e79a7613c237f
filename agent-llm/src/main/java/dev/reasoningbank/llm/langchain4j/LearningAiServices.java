package dev.reasoningbank.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolArgumentsErrorHandler;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.agent.LearningLoop;
import dev.reasoningbank.core.agent.Sleeper;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.ToolSetting;
import dev.reasoningbank.llm.LessonsBlock;
import dev.reasoningbank.llm.PromptTemplates;
import dev.reasoningbank.llm.SuccessReflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

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

    /** How many estimated tokens the lessons in the prompt may take by default (the block's frame not counted). */
    public static final int DEFAULT_LESSONS_TOKEN_BUDGET = 200;

    private final Class<T> serviceType;
    private @Nullable ChatModel chatModel;
    private @Nullable StreamingChatModel streamingChatModel;
    private final List<ToolProvider> toolProviders = new ArrayList<>();
    private @Nullable ToolExecutionErrorHandler userExecutionErrorHandler;
    private @Nullable ToolArgumentsErrorHandler userArgumentsErrorHandler;
    private @Nullable BiFunction<ChatRequest, Object, ChatRequest> userRequestTransformer;
    private final ToolRegistry tools = new ToolRegistry();
    private @Nullable ReasoningBank bank;
    private Reflector reflector = RuleBasedReflector.ofDefaults();
    private ParameterSource parameterSource = ParameterSource.none();
    private OutcomeJudge judge = OutcomeJudge.ruleBased();
    private Sleeper sleeper = Sleeper.system();
    private @Nullable PromptTemplates templates;
    private @Nullable SuccessReflector successReflector;
    private int lessonsInPrompt = DEFAULT_LESSONS_IN_PROMPT;
    private int lessonsTokenBudget = DEFAULT_LESSONS_TOKEN_BUDGET;
    private @Nullable ChatMemoryProvider chatMemoryProvider;
    private @Nullable ChatMemory chatMemory;
    private @Nullable String systemMessage;
    private final List<AgentListener> listeners = new ArrayList<>();
    private final List<AiServiceListener<?>> serviceListeners = new ArrayList<>();
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

    /** The streaming model, for services that return {@code TokenStream}; a streaming-only service needs no {@link ChatModel}. */
    public LearningAiServices<T> streamingChatModel(StreamingChatModel streamingChatModel) {
        this.streamingChatModel = Objects.requireNonNull(streamingChatModel, "streamingChatModel must not be null");
        return this;
    }

    /** Tools offered per request (an MCP client's, say); each call of theirs is planned and learned from like the others'. */
    public LearningAiServices<T> toolProvider(ToolProvider toolProvider) {
        toolProviders.add(Objects.requireNonNull(toolProvider, "toolProvider must not be null"));
        return this;
    }

    /** Your own handler of tool errors: called after the failure was learned from; the model reads its text, then the lesson. */
    public LearningAiServices<T> toolExecutionErrorHandler(ToolExecutionErrorHandler handler) {
        this.userExecutionErrorHandler = Objects.requireNonNull(handler, "toolExecutionErrorHandler must not be null");
        return this;
    }

    /** Your own handler of unusable tool arguments: called after the failure was learned from; the model reads its text, then the lesson. */
    public LearningAiServices<T> toolArgumentsErrorHandler(ToolArgumentsErrorHandler handler) {
        this.userArgumentsErrorHandler = Objects.requireNonNull(handler, "toolArgumentsErrorHandler must not be null");
        return this;
    }

    /** Your own transformer of chat requests: it runs first, then the lessons go into the system message. */
    public LearningAiServices<T> chatRequestTransformer(UnaryOperator<ChatRequest> transformer) {
        Objects.requireNonNull(transformer, "chatRequestTransformer must not be null");
        this.userRequestTransformer = (request, memoryId) -> transformer.apply(request);
        return this;
    }

    /** Objects with {@code @Tool} methods; their {@link dev.reasoningbank.core.tool.ToolSetting} fields are the settings those tools hold.
     * Compile with {@code -parameters} so their parameter names survive. */
    public LearningAiServices<T> tools(Object... toolObjects) {
        Objects.requireNonNull(toolObjects, "toolObjects must not be null");
        for (Object object : toolObjects) {
            tools.addObject(object);
        }
        return this;
    }

    /** A tool given by hand, with the settings it holds; its executor must throw on failure, or nothing is learned from it. */
    public LearningAiServices<T> tool(ToolSpecification specification, ToolExecutor executor, ToolSetting... settings) {
        tools.add(specification, executor, ReturnBehavior.TO_LLM, List.of(Objects.requireNonNull(settings, "settings must not be null")));
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

    /**
     * How many estimated tokens (about four characters each) the lessons in the prompt may take; the most
     * relevant go first and a lesson that does not fit is left out. Default 200.
     */
    public LearningAiServices<T> lessonsTokenBudget(int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("lessonsTokenBudget must be at least 0 but was " + tokens);
        }
        this.lessonsTokenBudget = tokens;
        return this;
    }

    /** One memory per {@code @MemoryId}; as in plain {@code AiServices}, there is no memory unless you set one. */
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

    /**
     * A LangChain4j listener: it receives LangChain4j's events as with {@code AiServices.registerListener},
     * and, when it listens to {@link LearningEvent}, what the learning loop does, with its invocation.
     */
    public LearningAiServices<T> registerListener(AiServiceListener<?> listener) {
        serviceListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
        return this;
    }

    /**
     * Any other setting of the underlying {@link AiServices} builder. The tools, the tool error handlers and
     * the chat request transformer are set on this builder instead (they are composed with the learning
     * hooks); setting them here fails the build.
     */
    public LearningAiServices<T> customize(Consumer<AiServices<T>> customizer) {
        customizers.add(Objects.requireNonNull(customizer, "customizer must not be null"));
        return this;
    }

    public T build() {
        if (chatModel == null && streamingChatModel == null) {
            throw new IllegalStateException("a model must be set: LearningAiServices.builder(..).chatModel(model) or .streamingChatModel(model)");
        }
        if (bank == null) {
            throw new IllegalStateException("bank must be set: LearningAiServices.builder(..).bank(ReasoningBank.inMemory())");
        }
        if (tools.isEmpty() && toolProviders.isEmpty()) {
            throw new IllegalStateException("at least one tool must be set: LearningAiServices.builder(..).tools(new MyTools())");
        }
        List<AgentListener> all = new ArrayList<>(listeners);
        for (AiServiceListener<?> listener : serviceListeners) {
            if (listener.getEventClass().isAssignableFrom(LearningEvent.class)) {
                @SuppressWarnings("unchecked")
                AiServiceListener<LearningEvent> learning = (AiServiceListener<LearningEvent>) listener;
                all.add(event -> learning.onEvent(new LearningEvent(Learning.invocation(), event)));
            }
        }
        List<AgentListener> observers = List.copyOf(all);
        LearningLoop loop = LearningLoop.builder().bank(bank).reflector(reflector).parameterSource(parameterSource).judge(judge)
                .sleeper(sleeper).events(event -> Learning.publishTo(observers, event)).build();
        Learning learning = new Learning(bank, loop, tools,
                new LessonsBlock(templates == null ? PromptTemplates.classpath() : templates), lessonsInPrompt, lessonsTokenBudget,
                new SuccessLearning(successReflector), observers);
        PlanningToolExecutor executor = new PlanningToolExecutor(learning);
        List<AiServiceTool> planned = new ArrayList<>();
        for (ToolRegistry.Entry entry : tools.entries()) {
            planned.add(AiServiceTool.builder().toolSpecification(entry.specification()).toolExecutor(executor)
                    .returnBehavior(entry.returnBehavior()).build());
        }
        FailureLearner learner = new FailureLearner(learning);
        AiServices<T> services = AiServices.builder(serviceType);
        if (chatModel != null) {
            services.chatModel(chatModel);
        }
        if (streamingChatModel != null) {
            services.streamingChatModel(streamingChatModel);
        }
        if (chatMemory != null) {
            services.chatMemory(chatMemory);
        } else if (chatMemoryProvider != null) {
            services.chatMemoryProvider(chatMemoryProvider);
        }
        if (systemMessage != null) {
            services.systemMessage(systemMessage);
        }
        List<@Nullable Object> hooks = hooksOf(services);
        customizers.forEach(c -> c.accept(services));
        refuseOverrides(hooks, hooksOf(services));
        if (!planned.isEmpty()) {
            services.tools(planned);
        }
        serviceListeners.stream().filter(l -> l.getEventClass() != LearningEvent.class).forEach(services::registerListener);
        toolProviders.forEach(provider -> services.toolProvider(new PlanningToolProvider(provider, learning)));
        BiFunction<ChatRequest, Object, ChatRequest> injector = new LessonInjector(learning);
        BiFunction<ChatRequest, Object, ChatRequest> user = userRequestTransformer;
        BiFunction<ChatRequest, Object, ChatRequest> transformer = user == null ? injector
                : (request, memoryId) -> injector.apply(user.apply(request, memoryId), memoryId);
        return services
                .toolExecutionErrorHandler((error, context) -> learner.then(learner.onExecutionError(error, context), userExecutionErrorHandler, error, context))
                .toolArgumentsErrorHandler((error, context) -> learner.then(learner.onArgumentsError(error, context), userArgumentsErrorHandler, error, context))
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "There is no tool named '" + request.name() + "'; the tools are " + tools.names()))
                .chatRequestTransformer(transformer)
                .build();
    }

    private static final List<String> HOOKS = List.of("toolExecutionErrorHandler", "toolArgumentsErrorHandler", "chatRequestTransformer");

    /** What the learning hooks are composed with, as the builder holds it now; empty when this LangChain4j cannot tell. */
    private static List<@Nullable Object> hooksOf(AiServices<?> services) {
        try {
            java.lang.reflect.Field field = AiServices.class.getDeclaredField("context");
            field.setAccessible(true);
            AiServiceContext context = (AiServiceContext) field.get(services);
            return java.util.Arrays.asList(context.toolService == null ? null : context.toolService.executionErrorHandler(),
                    context.toolService == null ? null : context.toolService.argumentsErrorHandler(), context.chatRequestTransformer);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return List.of();
        }
    }

    /** Fails the build when {@link #customize} set what the learning hooks must compose with. */
    private static void refuseOverrides(List<@Nullable Object> before, List<@Nullable Object> after) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (before.get(i) != after.get(i)) {
                set.add(HOOKS.get(i));
            }
        }
        if (!set.isEmpty()) {
            throw new IllegalStateException("customize(..) set " + String.join(", ", set) + ", which would replace the learning hooks; set "
                    + (set.size() == 1 ? "it" : "them") + " on LearningAiServices instead (e.g. LearningAiServices.builder(..)." + set.get(0)
                    + "(..)): yours is then called too");
        }
    }
}
