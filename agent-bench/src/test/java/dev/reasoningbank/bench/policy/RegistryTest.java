package dev.reasoningbank.bench.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void should_list_floor_and_ceiling_among_the_builtin_policies() {
        assertThat(Registry.standard().names()).containsSubsequence("none", "episodic", "bank", "oracle");
    }

    @Test
    void should_name_the_known_policies_when_one_does_not_exist() {
        assertThatThrownBy(() -> Registry.standard().factory("bank-llm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Policy 'bank-llm' does not exist; known policies: none, episodic, bank, oracle");
    }

    @Test
    void should_refuse_two_policies_with_one_name() {
        assertThatThrownBy(() -> Registry.standard().register(dev.reasoningbank.bench.policy.bank.BankPolicy.FACTORY))
                .hasMessage("a policy named 'bank' is already registered");
    }
}
