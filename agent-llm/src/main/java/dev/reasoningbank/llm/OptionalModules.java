package dev.reasoningbank.llm;

/** The optional modules (the Ollama client, the in-process embedding model): a clear error when one is missing. */
final class OptionalModules {

    static final String GROUP = "dev.reasoningbank";

    private OptionalModules() {}

    /** Fails with what to add when {@code className} is not on the class path. */
    static void require(String className, String what, String module) {
        try {
            Class.forName(className, false, OptionalModules.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(what + " is not on the class path: add the dependency " + GROUP + ":" + module
                    + " (its version comes from " + GROUP + ":reasoningbank-bom)");
        }
    }
}
