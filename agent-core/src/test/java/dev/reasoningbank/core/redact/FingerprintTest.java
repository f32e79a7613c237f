package dev.reasoningbank.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void should_be_stable_short_and_not_contain_the_value() {
        String fp = Fingerprint.of("wk-expired-0042");
        assertThat(fp).isEqualTo(Fingerprint.of("wk-expired-0042")).matches("hmac:[0-9a-f]{16}").doesNotContain("0042");
        assertThat(Fingerprint.of("wk-expired-0043")).isNotEqualTo(fp);
        assertThat(Fingerprint.isFingerprint(fp)).isTrue();
        assertThat(Fingerprint.isFingerprint("wk-expired-0042")).isFalse();
    }

    @Test
    void a_weak_secret_cannot_be_recovered_from_the_bank_file_alone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // given a bank file holding the fingerprints of a dictionary password and of a 6-digit PIN
        java.nio.file.Path file = dir.resolve("bank.json");
        try (dev.reasoningbank.core.bank.ReasoningBank bank = dev.reasoningbank.core.bank.ReasoningBank.builder()
                .store(dev.reasoningbank.core.store.JsonFileLessonStore.open(file)).build()) {
            bank.memorize(dev.reasoningbank.core.lesson.Lesson.builder().title("Replace the rejected password").content("Take it from the vault.")
                    .trigger(dev.reasoningbank.core.lesson.Trigger.of("login", dev.reasoningbank.core.lesson.ErrorKind.AUTH, "",
                            dev.reasoningbank.core.lesson.ArgumentCondition.sameValue("password", "hunter2"),
                            dev.reasoningbank.core.lesson.ArgumentCondition.sameValue("pin", "493817")))
                    .strategy(new dev.reasoningbank.core.lesson.Strategy.ReplaceParam("password", "vault.password"))
                    .provenance(new dev.reasoningbank.core.lesson.Provenance("test", "", java.time.Instant.EPOCH)).build());
        }
        String content = java.nio.file.Files.readString(file);
        java.util.Set<String> stored = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:hmac|sha256):[0-9a-f]+").matcher(content);
        while (m.find()) {
            stored.add(m.group());
        }
        assertThat(stored).hasSize(2);
        assertThat(content).doesNotContain("hunter2").doesNotContain("493817");

        // when an attacker with the file only hashes a dictionary and every 6-digit PIN, unkeyed and with an empty key
        java.util.List<String> guesses = new java.util.ArrayList<>(java.util.List.of("password", "123456", "hunter2", "letmein", "qwerty"));
        for (int pin = 0; pin < 1_000_000; pin++) {
            guesses.add(String.format("%06d", pin));
        }
        javax.crypto.Mac emptyKey = javax.crypto.Mac.getInstance("HmacSHA256");
        emptyKey.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        int recovered = 0;
        for (String guess : guesses) {
            String unkeyed = "sha256:" + Fingerprint.hex(guess).substring(0, 12);
            String zeroKeyed = "hmac:" + java.util.HexFormat.of().formatHex(emptyKey.doFinal(guess.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 16);
            recovered += stored.contains(unkeyed) || stored.contains(zeroKeyed) ? 1 : 0;
        }

        // then nothing is recovered, while the installation itself still recognises the values
        assertThat(recovered).isZero();
        assertThat(stored).contains(Fingerprint.of("hunter2"), Fingerprint.of("493817"));
    }
}
