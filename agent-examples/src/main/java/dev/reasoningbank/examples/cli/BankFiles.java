package dev.reasoningbank.examples.cli;

import java.nio.file.Path;
import java.util.Map;

/** Where the bank lives when no {@code --bank} is given: {@code $RB_BANK}, else {@code ~/.reasoningbank/bank.json}. */
final class BankFiles {

    private BankFiles() {}

    static Path defaultBank(Map<String, String> env) {
        String configured = env.get("RB_BANK");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".reasoningbank", "bank.json");
    }

    static Path orDefault(Path bank, Map<String, String> env) {
        return bank != null ? bank : defaultBank(env);
    }
}
