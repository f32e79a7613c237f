package dev.reasoningbank.bench.policy;

import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.agent.LearningAgent;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.bank.ReasoningBankConfig;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.retrieve.LessonRetriever;
import dev.reasoningbank.core.store.InMemoryLessonStore;
import dev.reasoningbank.core.store.LessonStore;
import dev.reasoningbank.llm.LessonsBlock;
import dev.reasoningbank.llm.PromptTemplates;
import dev.reasoningbank.llm.langchain4j.LearningAiServices;
import java.util.Collection;
import java.util.List;

/**
 * A policy that runs core's {@link LearningAgent} over a {@link ReasoningBank}: the same loop for
 * every policy, only the bank's contents and lifetime differ.
 */
public abstract class AgentPolicy implements MemoryPolicy {

    protected final PolicyContext context;
    private final List<ReasoningBank> banks = new java.util.ArrayList<>();
    private int lessonsLearned;

    protected AgentPolicy(PolicyContext context) {
        this.context = context;
    }

    /** The agent for the next attempt. */
    protected abstract LearningAgent agent();

    @Override
    public TaskResult attempt(Task task) {
        return agent().run(task);
    }

    @Override
    public List<Lesson> lessons() {
        return agent().bank().lessons();
    }

    @Override
    public PolicyStats stats() {
        return new PolicyStats(lessonsLearned, 0, LlmStats.NONE);
    }

    /** An in-memory bank on the scenario clock, holding {@code seed} from the start, with core's signature retriever. */
    protected ReasoningBank newBank(Collection<Lesson> seed) {
        return newBank(seed, null);
    }

    /**
     * A bank on the scenario clock, in the context's storage, holding {@code seed} from the start;
     * {@code retriever} {@code null} for core's default.
     */
    protected ReasoningBank newBank(Collection<Lesson> seed, LessonRetriever retriever) {
        return newBank(seed, retriever, context.storage().open());
    }

    /** An empty bank in memory whatever the context says: for a policy that forgets. */
    protected ReasoningBank newForgettingBank() {
        return newBank(List.of(), null, new InMemoryLessonStore());
    }

    private ReasoningBank newBank(Collection<Lesson> seed, LessonRetriever retriever, LessonStore store) {
        if (!seed.isEmpty()) {
            store.update(set -> {
                seed.forEach(set::put);
                return null;
            });
        }
        ReasoningBank.Builder builder = ReasoningBank.builder();
        if (retriever != null) {
            builder.retriever(retriever);
        }
        ReasoningBank bank = builder
                .store(store)
                .config(ReasoningBankConfig.custom().clock(context.clock()).statsFlushInterval(context.statsFlushInterval())
                        .maxLessons(maxLessons()).build())
                .build();
        banks.add(bank);
        return bank;
    }

    private static final LessonsBlock LESSONS_BLOCK = new LessonsBlock(PromptTemplates.classpath());

    /** The block {@link LearningAiServices} would put before the model with its defaults. */
    @Override
    public int lessonsBlockTokens(Task task) {
        List<Lesson> lessons = agent().bank().retrieveForPrompt(List.of(task.call().tool()), task.description(),
                LearningAiServices.DEFAULT_LESSONS_IN_PROMPT);
        return LessonsBlock.estimatedTokens(LESSONS_BLOCK.render(lessons, LearningAiServices.DEFAULT_LESSONS_TOKEN_BUDGET));
    }

    /** The most lessons a bank of this policy keeps: core's default unless a policy caps it (called while constructing). */
    protected int maxLessons() {
        return ReasoningBankConfig.ofDefaults().maxLessons();
    }

    /** Writes what the banks hold and releases them: the end of a run, or of a process before a restart. */
    @Override
    public void close() {
        banks.forEach(ReasoningBank::close);
        banks.clear();
    }

    /** The agent with the context's tools, credentials and sleeper; counts the lessons it learns. */
    protected LearningAgent newAgent(ReasoningBank bank, Reflector reflector) {
        LearningAgent.Builder builder = LearningAgent.builder()
                .bank(bank)
                .reflector(reflector)
                .parameterSource(context.parameters())
                .sleeper(context.sleeper())
                .listener(event -> {
                    if (event instanceof AgentEvent.Memorized memorized && memorized.created()) {
                        lessonsLearned++;
                    }
                });
        context.tools().forEach(builder::tool);
        return builder.build();
    }
}
