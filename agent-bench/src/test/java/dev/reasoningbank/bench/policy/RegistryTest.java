package dev.reasoningbank.bench.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.bankllm.BankLlmPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void should_list_floor_and_ceiling_among_the_builtin_policies() {
        assertThat(Registry.standard(Map.of()).names()).containsSubsequence("none", "episodic", "bank", "oracle");
    }

    @Test
    void should_list_the_llm_and_embedding_policies_and_run_them_by_default() {
        assertThat(Registry.standard(Map.of()).names()).contains("bank-llm", "bank-embedding");
        assertThat(Registry.DEFAULT_POLICIES).containsExactly("none", "episodic", "bank", "bank-embedding", "bank-llm", "oracle");
        assertThat(BenchConfig.reference().policies()).isEqualTo(Registry.DEFAULT_POLICIES);
    }

    @Test
    void should_replace_a_policy_by_name_only_when_it_exists() {
        // given
        Registry registry = Registry.standard(Map.of());
        PolicyFactory other = BankLlmPolicy.factory("bank-llm", Optional.of(Path.of("experiment")), Map.of());

        // when
        registry.replace(other);

        // then
        assertThat(registry.factory("bank-llm")).isSameAs(other);
        assertThat(other.description()).contains("scripted", "prompts from experiment");
        assertThatThrownBy(() -> registry.replace(BankLlmPolicy.factory("bank-llm[C]", Optional.empty(), Map.of())))
                .hasMessageStartingWith("Policy 'bank-llm[C]' does not exist, so it cannot be replaced");
    }

    @Test
    void should_name_the_known_policies_when_one_does_not_exist() {
        assertThatThrownBy(() -> Registry.standard(Map.of()).factory("bank-gpt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Policy 'bank-gpt' does not exist; known policies: none, episodic, bank, bank-capped, bank-embedding, bank-llm, oracle");
    }

    @Test
    void should_refuse_two_policies_with_one_name() {
        assertThatThrownBy(() -> Registry.standard(Map.of()).register(dev.reasoningbank.bench.policy.bank.BankPolicy.FACTORY))
                .hasMessage("a policy named 'bank' is already registered");
    }
}
