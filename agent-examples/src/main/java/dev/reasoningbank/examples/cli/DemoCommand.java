package dev.reasoningbank.examples.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reasoningbank.core.agent.AgentEvent;
import dev.reasoningbank.core.agent.AgentListener;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.reflect.Reflector;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import dev.reasoningbank.core.store.LessonJson;
import dev.reasoningbank.examples.demo.SeedDemo;
import dev.reasoningbank.llm.LlmMetrics;
import dev.reasoningbank.llm.LlmReflectors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rbank demo}: the seed story, four attempts against a flaky API. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The seed story: an expired API key and a host that is down, four attempts.",
                "Run it twice on the same bank: the second run makes no mistake."})
final class DemoCommand implements Callable<Integer> {

    enum ReflectorChoice { rules, llm }

    @ParentCommand
    Rbank rbank;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bank", paramLabel = "FILE", description = "the bank file (default: $RB_BANK or ~/.reasoningbank/bank.json)")
    Path bank;

    @Option(names = "--reflector", paramLabel = "rules|llm", defaultValue = "rules",
            description = "who turns failures into lessons: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReflectorChoice reflector;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "reflection prompt templates to use instead of the built-in ones (default: $RB_PROMPTS_DIR)")
    Path prompts;

    @Option(names = "--json", description = "print one JSON object instead of the story")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = BankFiles.orDefault(bank, rbank.env).toAbsolutePath();
        Optional<LlmReflectors.Setup> llm = reflector == ReflectorChoice.llm
                ? Optional.of(LlmReflectors.fromEnvironment(rbank.env, prompts, SeedDemo.rules(), List.of(SeedDemo.CREDENTIAL)))
                : Optional.empty();
        Reflector chosen = llm.<Reflector>map(LlmReflectors.Setup::reflector).orElseGet(SeedDemo::rules);
        try (ReasoningBank memory = ReasoningBank.builder().store(JsonFileLessonStore.open(file)).build()) {
            int before = memory.lessons().size();
            if (!json) {
                out.printf("ReasoningBank demo - bank %s (%d lesson%s)%n", file, before, before == 1 ? "" : "s");
                out.println("Reflector: " + llm.map(LlmReflectors.Setup::description).orElse("rules (offline, deterministic)"));
            }
            AgentListener listener = json ? event -> { } : event -> out.println("    " + phase(event) + event);
            List<SeedDemo.Attempt> attempts = SeedDemo.run(memory, chosen, listener, task -> {
                if (!json) {
                    out.printf("%nAttempt %s: %s%n", task.id(), task.description());
                }
            });
            int after = memory.lessons().size();
            if (json) {
                out.println(asJson(attempts, after, file, llm.map(LlmReflectors.Setup::metrics)));
            } else {
                for (SeedDemo.Attempt attempt : attempts) {
                    out.printf("  attempt %d: %s%n", attempt.attempt(), attempt.outcome());
                }
                llm.ifPresent(l -> out.printf("%nModel calls: %d (%d tokens), fallbacks to the rules: %d%n",
                        l.metrics().getNumberOfCalls(), l.metrics().getTotalTokens(), l.metrics().getNumberOfFallbacks()));
                out.printf("%nThe bank at %s now holds %d lesson%s. Run the demo again: what was learned is used from the start.%n",
                        file, after, after == 1 ? "" : "s");
            }
        }
        return 0;
    }

    private static String phase(AgentEvent event) {
        String label = switch (event.type()) {
            case RETRIEVED, APPLIED, SKIPPED, REFUSED, PROBING -> "plan";
            case EXECUTED, FAILED, RETRYING -> "execute";
            case REFLECTED -> "reflect";
            case MEMORIZED, UNFIXABLE -> "memorize";
        };
        return String.format("%-9s", label);
    }

    private static String asJson(List<SeedDemo.Attempt> attempts, int lessons, Path file, Optional<LlmMetrics> llm) throws Exception {
        ObjectNode root = LessonJson.mapper().createObjectNode();
        ArrayNode array = root.putArray("attempts");
        for (SeedDemo.Attempt a : attempts) {
            array.addObject()
                    .put("attempt", a.attempt())
                    .put("task", a.task())
                    .put("outcome", a.outcome())
                    .put("lessonApplied", a.lessonApplied())
                    .put("lessonLearned", a.lessonLearned());
        }
        root.put("lessonsInBank", lessons);
        root.put("bank", file.toString());
        llm.ifPresent(m -> root.putObject("llm").put("calls", m.getNumberOfCalls()).put("fallbacks", m.getNumberOfFallbacks())
                .put("tokens", m.getTotalTokens()));
        return LessonJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
