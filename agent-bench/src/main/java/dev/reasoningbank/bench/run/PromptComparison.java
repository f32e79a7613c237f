package dev.reasoningbank.bench.run;

/**
 * Two sets of reflection prompts compared on the same stream ({@code --prompts A --vs-prompts B}):
 * the two {@code bank-llm} policies that ran them and where their templates came from.
 *
 * @param policyA the policy that ran prompts A, e.g. {@code bank-llm[A]}
 * @param promptsA the directory of prompts A, or {@code built-in}
 * @param policyB the policy that ran prompts B
 * @param promptsB the directory of prompts B
 * @param scripted whether the model was the scripted one (offline), not a real model
 */
public record PromptComparison(String policyA, String promptsA, String policyB, String promptsB, boolean scripted) {

    /** What an offline comparison can and cannot show; written next to the numbers. */
    public String caveat() {
        return scripted
                ? "Offline, the model is scripted (no RB_LLM): it answers with the lesson a good model would write, but only with the "
                        + "strategy types and credential sources that the messages name (it ignores the JSON schema). So this comparison "
                        + "shows whether a prompt gives the model the vocabulary and the sources it needs, and what the prompt costs in "
                        + "tokens and re-asks; it cannot show how a real model would phrase, choose or generalize lessons under another "
                        + "wording. Set RB_LLM (and the model variables) to compare prompts on a real model."
                : "A real model answered (RB_LLM set): numbers depend on the model and its sampling, and vary between runs.";
    }
}
