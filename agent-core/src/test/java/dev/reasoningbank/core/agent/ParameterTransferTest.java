package dev.reasoningbank.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.bank.ReasoningBankConfig;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.LessonPolicy;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An API's convention for a parameter (its date format) holds for the same parameter of the host's other
 * tools; a fix that is not a convention (a limit) does not transfer, and is shown to a model as advice.
 */
class ParameterTransferTest {

    private static final String HOST = "api.acme.example";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private final List<AgentEvent> events = new ArrayList<>();

    /** A tool of the API: ISO dates (or {@code dd.MM.yyyy} for {@code ownDates}) and at most {@code maxLimit} items. */
    private Tool tool(String name, boolean ownDates, int maxLimit) {
        return Tool.of(name, List.of("host", "from", "limit"), args -> {
            calls.add(name + "@" + args.get("host") + " from=" + args.get("from") + " limit=" + args.get("limit"));
            String from = String.valueOf(args.get("from"));
            if (!from.matches(ownDates ? "\\d{2}\\.\\d{2}\\.\\d{4}" : "\\d{4}-\\d{2}-\\d{2}")) {
                throw ToolException.http(400, "from must be in format " + (ownDates ? "DD.MM.YYYY" : "YYYY-MM-DD"), HOST);
            }
            if (Integer.parseInt(String.valueOf(args.get("limit"))) > maxLimit) {
                throw ToolException.http(400, "limit must be less than or equal to " + maxLimit, HOST);
            }
            return Map.of("ok", true);
        });
    }

    private LearningAgent agent(Tool... tools) {
        ReasoningBank bank = ReasoningBank.builder().config(ReasoningBankConfig.custom().clock(clock).build()).build();
        LearningAgent.Builder builder = LearningAgent.builder().bank(bank).reflector(RuleBasedReflector.builder().build())
                .sleeper(clock::advance).listener(events::add);
        for (Tool t : tools) {
            builder.tool(t);
        }
        return builder.build();
    }

    private static Task call(String id, String tool, String host, String from, int limit) {
        return Task.of(id, id, tool, Map.of("host", host, "from", from, "limit", limit));
    }

    @Test
    void a_date_format_learned_on_one_tool_is_written_for_the_same_parameter_of_its_sibling() {
        LearningAgent agent = agent(tool("invoices", false, 100), tool("payments", false, 100));
        assertThat(agent.run(call("t1", "invoices", HOST, "27/11/2026", 10)).outcome()).isEqualTo(Outcome.FAILED);
        Lesson learned = agent.bank().lessons().get(0);
        assertThat(learned.strategy()).isInstanceOf(Strategy.FixArgument.class);
        assertThat(learned.scope()).isEqualTo(Scope.PARAMETER);
        calls.clear();

        assertThat(agent.run(call("t2", "payments", HOST, "28/11/2026", 10)).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(calls).containsExactly("payments@" + HOST + " from=2026-11-28 limit=10");
        assertThat(agent.bank().lesson(learned.id()).orElseThrow().stats().transfersHelped()).isEqualTo(1);
    }

    @Test
    void a_date_format_stays_on_its_host_and_a_sibling_with_its_own_convention_narrows_it_after_one_failure() {
        LearningAgent agent = agent(tool("invoices", false, 100), tool("payments", false, 100), tool("tiles", true, 100));
        agent.run(call("t1", "invoices", HOST, "27/11/2026", 10));
        Lesson learned = agent.bank().lessons().get(0);
        calls.clear();

        agent.run(call("t2", "payments", "api.other.example", "28/11/2026", 10));
        assertThat(calls).first().isEqualTo("payments@api.other.example from=28/11/2026 limit=10");

        assertThat(agent.run(call("t3", "tiles", HOST, "29/11/2026", 10)).outcome()).isEqualTo(Outcome.FAILED);
        Lesson after = agent.bank().lesson(learned.id()).orElseThrow();
        assertThat(after.narrowed()).containsExactly("tiles");
        assertThat(after.stats().transfersHurt()).isEqualTo(1);
        assertThat(after.stats().hurt()).as("it still holds where it was learned").isZero();
        calls.clear();

        // tiles learned its own form: its own lesson wins, and the family's ISO form is not tried again
        assertThat(agent.run(call("t4", "tiles", HOST, "30/11/2026", 10)).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(calls).containsExactly("tiles@" + HOST + " from=30.11.2026 limit=10");
    }

    @Test
    void a_limit_is_not_a_convention_it_is_shown_to_the_sibling_as_advice_and_never_applied() {
        LearningAgent agent = agent(tool("invoices", false, 100), tool("payments", false, 500));
        agent.run(call("t1", "invoices", HOST, "2026-11-27", 250));
        Lesson clamp = agent.bank().lessons().get(0);
        assertThat(clamp.strategy()).isInstanceOf(Strategy.FixArgument.class);
        assertThat(clamp.scope()).isEqualTo(Scope.TOOL);
        calls.clear();
        events.clear();

        assertThat(agent.run(call("t2", "payments", HOST, "2026-11-27", 250)).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(calls).containsExactly("payments@" + HOST + " from=2026-11-27 limit=250");
        AgentEvent.Retrieved retrieved = events.stream().filter(AgentEvent.Retrieved.class::isInstance).map(AgentEvent.Retrieved.class::cast)
                .findFirst().orElseThrow();
        assertThat(retrieved.advice()).extracting(Lesson::id).containsExactly(clamp.id());
        assertThat(retrieved.toString()).contains("advice from other tools on its host: " + clamp.id() + " (invoices)");

        events.clear();
        agent.run(call("t3", "payments", "api.other.example", "2026-11-27", 250));
        assertThat(events).filteredOn(AgentEvent.Retrieved.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AgentEvent.Retrieved) e).advice()).as("another host's lessons are no advice here").isEmpty());
    }

    @Test
    void the_policy_lets_only_a_convention_hold_for_a_parameter_of_other_tools() {
        Lesson clamp = Lesson.builder().title("Cap limit").content("Cap limit at 100.")
                .trigger(new Trigger("invoices", ErrorKind.VALIDATION, "", List.of(ArgumentCondition.present("limit"))))
                .strategy(new Strategy.FixArgument("limit", Strategy.Transform.CLAMP_MAX, "100"))
                .provenance(new Provenance("llm:test", "", clock.instant())).scope(Scope.PARAMETER).sharedHost(HOST).build();
        Lesson dates = clamp.toBuilder().strategy(new Strategy.FixArgument("limit", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd")).build();

        assertThat(LessonPolicy.of(java.util.Set.of(), java.util.Set.of()).problems(clamp, null))
                .containsExactly("only a date format or a letter case fix may hold for the same parameter of other tools; FixArgument holds for invoices only");
        assertThat(LessonPolicy.of(java.util.Set.of(), java.util.Set.of()).problems(dates, null)).isEmpty();
    }
}
