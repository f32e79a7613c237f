package dev.reasoningbank.bench.policy.bankllm;

import dev.reasoningbank.bench.policy.LlmStats;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.policy.bank.BankPolicy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.llm.LlmConfig;
import dev.reasoningbank.llm.LlmMetrics;
import dev.reasoningbank.llm.LlmProvider;
import dev.reasoningbank.llm.LlmReflector;
import dev.reasoningbank.llm.LlmReflectors;
import dev.reasoningbank.llm.PromptTemplates;
import dev.reasoningbank.llm.StructuredChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bank-llm}: {@code bank} whose lessons are written by agent-llm's {@link LlmReflector}, which
 * falls back to the bench's rule-based reflector when the model gives no valid lesson.
 *
 * <p>Offline ({@code RB_LLM} not set) the model is a {@link ScriptedLessonModel} served by a
 * {@link ScriptedOllamaServer} on a free loopback port: the reflector renders its prompt, sends it with
 * the JSON schema over LangChain4j's Ollama client, validates the answer and re-asks exactly as with a
 * real Ollama, and every number is reproducible. With {@code RB_LLM} set, the configured model is used
 * ({@link LlmReflectors#fromEnvironment}); its results depend on the model and are not reproducible.
 *
 * <p>Calls, answers, re-asks, fallbacks and tokens come from the reflector's {@link LlmMetrics}.
 */
public final class BankLlmPolicy extends BankPolicy {

    public static final String NAME = "bank-llm";

    private final Setup setup;

    private BankLlmPolicy(PolicyContext context, Setup setup) {
        super(context, setup.reflector(), () -> stats(setup.reflector().metrics()));
        this.setup = setup;
    }

    /**
     * A {@code bank-llm} policy, or one under another name, e.g. {@code bank-llm[B]} for a prompt experiment.
     *
     * @param name the policy's name in results
     * @param prompts the prompt templates directory ({@code --prompts}); empty for {@code RB_PROMPTS_DIR} or the built-in ones
     * @param env the environment: {@code RB_LLM} and the model variables select a real model
     */
    public static PolicyFactory factory(String name, Optional<Path> prompts, Map<String, String> env) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(prompts, "prompts must not be null");
        Map<String, String> environment = Map.copyOf(env);
        String description = "ReasoningBank with the LLM reflector (" + modelDescription(environment) + "), falling back to the rule-based one"
                + prompts.map(p -> "; prompts from " + p).orElse("");
        return new PolicyFactory() {
            public String name() { return name; }
            public String description() { return description; }
            public MemoryPolicy create(PolicyContext context) {
                return new BankLlmPolicy(context, Setup.create(context, prompts, environment));
            }
        };
    }

    /** Whether the model is the scripted one (no {@code RB_LLM}), so that results are reproducible. */
    public static boolean scripted(Map<String, String> env) {
        return !LlmConfig.isConfigured(env);
    }

    /** The requests the scripted server answered, oldest first; empty with a real model. */
    public List<String> modelRequests() {
        return setup.server() == null ? List.of() : setup.server().requestBodies();
    }

    /** The reflector, for its metrics and templates. */
    public LlmReflector reflector() {
        return setup.reflector();
    }

    @Override
    public void close() {
        if (setup.server() != null) {
            setup.server().close();
        }
    }

    static LlmStats stats(LlmMetrics m) {
        return new LlmStats(m.getNumberOfCalls(), m.getNumberOfFailedCalls(), m.getNumberOfAcceptedAnswers(), m.getNumberOfReasks(),
                m.getNumberOfFallbacks(), m.getInputTokens(), m.getOutputTokens());
    }

    private static String modelDescription(Map<String, String> env) {
        if (scripted(env)) {
            return "offline: scripted answers over the Ollama wire format; set " + LlmConfig.ENV_PROVIDER + " for a real model";
        }
        try {
            return LlmConfig.fromEnvironment(env).describe();
        } catch (IllegalArgumentException invalid) {
            return "misconfigured: " + invalid.getMessage();
        }
    }

    /** The reflector and, offline, the scripted server it talks to. */
    private record Setup(LlmReflector reflector, ScriptedOllamaServer server) {

        static Setup create(PolicyContext context, Optional<Path> prompts, Map<String, String> env) {
            Duration skipFor = context.skipFor();
            RuleBasedReflector rules = context.rules();
            List<String> sources = context.parameters().keys().stream().sorted().toList();
            if (!scripted(env)) {
                return new Setup(LlmReflectors.fromEnvironment(env, prompts.orElse(null), rules, sources).reflector(), null);
            }
            PromptTemplates templates = PromptTemplates.fromEnvironment(env, prompts.orElse(null));
            ScriptedOllamaServer server = ScriptedOllamaServer.start(new ScriptedLessonModel(skipFor));
            try {
                LlmConfig config = LlmConfig.builder(LlmProvider.OLLAMA).baseUrl(server.baseUrl()).model(ScriptedLessonModel.MODEL)
                        .timeout(Duration.ofSeconds(30)).maxRetries(0).build();
                LlmReflector reflector = LlmReflector.builder(StructuredChat.of(config)).templates(templates).fallback(rules)
                        .parameterSources(sources).build();
                return new Setup(reflector, server);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }
}
