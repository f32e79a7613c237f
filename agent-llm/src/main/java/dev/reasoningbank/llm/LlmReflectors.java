package dev.reasoningbank.llm;

import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for a command line: builds the LLM reflector, judge and success reflector from the
 * environment (see {@link LlmConfig}) and the prompt templates (see {@link PromptTemplates}).
 *
 * <pre>{@code
 * LlmReflectors.Setup llm = LlmReflectors.fromEnvironment(System.getenv(), rules);
 * System.out.println("reflector: " + llm.description());
 * LearningAgent agent = LearningAgent.builder().bank(bank).reflector(llm.reflector())...build();
 * // at the end: llm.metrics().getNumberOfCalls(), getTotalTokens()
 * }</pre>
 */
public final class LlmReflectors {

    private LlmReflectors() {}

    /**
     * What {@link #fromEnvironment} built; all parts share one model, one circuit and one metrics object.
     *
     * @param reflector the LLM reflector, falling back to the rule-based one
     * @param judge the LLM judge, falling back to the rule-based one
     * @param successReflector the optional success reflection
     * @param config the model configuration
     * @param templates the prompt templates in use
     * @param description one line for the user: model, server and prompts, never a key
     */
    public record Setup(
            LlmReflector reflector, LlmJudge judge, SuccessReflector successReflector, LlmConfig config,
            PromptTemplates templates, String description) {

        /** The calls and tokens the model used so far. */
        public LlmMetrics metrics() {
            return reflector.metrics();
        }

        public Reflector asReflector() {
            return reflector;
        }

        public OutcomeJudge asJudge() {
            return judge;
        }
    }

    /**
     * {@link #fromEnvironment(Map, Path, RuleBasedReflector, List)} with the prompts of {@code RB_PROMPTS_DIR} (else
     * the built-in ones) and the sources of the agent's parameter source, which the reflection reads at each failure.
     */
    public static Setup fromEnvironment(Map<String, String> env, RuleBasedReflector fallback) {
        return fromEnvironment(env, null, fallback, List.of());
    }

    /**
     * Builds the LLM components from the environment. {@code RB_LLM} defaults to {@code ollama}, so a
     * command asked for the LLM reflector works against a local Ollama with no variable set, and falls
     * back to the rules with one clear warning when none runs.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @param promptsDir the {@code --prompts} directory, or {@code null}: then {@code RB_PROMPTS_DIR}, else the classpath
     * @param fallback the rule-based reflector used when the model cannot answer
     * @param parameterSources the keys a ReplaceParam lesson may name; empty: the keys of the agent's ParameterSource
     * @throws IllegalArgumentException naming the variable when the configuration is invalid
     * @throws PromptTemplateException when a prompt template is missing or invalid
     */
    public static Setup fromEnvironment(Map<String, String> env, @Nullable Path promptsDir, RuleBasedReflector fallback,
            List<String> parameterSources) {
        Objects.requireNonNull(env, "env must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        PromptTemplates templates = PromptTemplates.fromEnvironment(env, promptsDir);
        LlmConfig config = LlmConfig.fromEnvironment(env);
        return create(StructuredChat.of(config), config, templates, fallback, parameterSources, env);
    }

    static Setup create(StructuredChat chat, LlmConfig config, PromptTemplates templates, RuleBasedReflector fallback,
            List<String> parameterSources, Map<String, String> env) {
        LlmReflector reflector = LlmReflector.builder(chat).templates(templates).fallback(fallback).parameterSources(parameterSources).build();
        String prompts = templates.template(PromptTemplates.Name.REFLECT_FAILURE).source();
        String description = "LLM reflector " + reflector.name() + " (" + config.describe() + ", timeout "
                + config.timeout().toSeconds() + " s" + (LlmConfig.isConfigured(env) ? "" : "; " + LlmConfig.ENV_PROVIDER + " not set, so Ollama")
                + "), falling back to the " + fallback.name() + " reflector"
                + (prompts.startsWith("classpath:") ? "" : "; prompts from " + Path.of(prompts).getParent());
        return new Setup(reflector, new LlmJudge(chat, templates), new SuccessReflector(chat, templates, parameterSources),
                config, templates, description);
    }
}
