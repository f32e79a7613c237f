package dev.reasoningbank.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void should_be_stable_short_and_not_contain_the_value() {
        String fp = Fingerprint.of("wk-expired-0042");
        assertThat(fp).isEqualTo(Fingerprint.of("wk-expired-0042")).matches("sha256:[0-9a-f]{12}").doesNotContain("0042");
        assertThat(Fingerprint.of("wk-expired-0043")).isNotEqualTo(fp);
        assertThat(Fingerprint.isFingerprint(fp)).isTrue();
        assertThat(Fingerprint.isFingerprint("wk-expired-0042")).isFalse();
    }
}
