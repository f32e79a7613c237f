package dev.reasoningbank.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.bank.ReasoningBankConfig;
import dev.reasoningbank.core.bank.event.BankEvent;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Scope;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.reflect.RuleBasedReflector;
import dev.reasoningbank.core.tool.ParameterSource;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two tools of one API share its host and its key: what one learns about the host being down or the key
 * being rejected holds for the other before it fails the same way; a transfer that does not work on the
 * other tool is narrowed away from it, not held against the lesson.
 */
class TransferTest {

    private static final String EXPIRED = "acme-key-expired-41f";
    private static final String FRESH = "acme-key-fresh-93c";
    private static final String DOWN = "eu.api.acme.example";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private final List<BankEvent> bankEvents = new ArrayList<>();
    private final List<AgentEvent> events = new ArrayList<>();

    /** A tool of the API: the host DOWN refuses connections; only {@code accepted} keys pass. */
    private Tool tool(String name, List<String> accepted) {
        return Tool.of(name, List.of("host", "apiKey", "id"), args -> {
            String host = String.valueOf(args.get("host"));
            calls.add(name + "@" + host + " " + args.get("apiKey"));
            if (host.equals(DOWN)) {
                throw new ToolException("cannot reach " + host, 0, null, host, new ConnectException("Connection refused"));
            }
            if (!accepted.contains(String.valueOf(args.get("apiKey")))) {
                throw ToolException.http(401, "invalid api key", host);
            }
            return Map.of("ok", true);
        });
    }

    private LearningAgent agent(Tool... tools) {
        ReasoningBank bank = ReasoningBank.builder().config(ReasoningBankConfig.custom().clock(clock).build()).build();
        bank.addListener(bankEvents::add);
        LearningAgent.Builder builder = LearningAgent.builder().bank(bank)
                .reflector(RuleBasedReflector.builder().credential("apiKey", "acme.apiKey").skipFor(Duration.ofMinutes(10)).build())
                .parameterSource(ParameterSource.of(Map.of("acme.apiKey", FRESH)))
                .sleeper(clock::advance)
                .listener(events::add);
        for (Tool t : tools) {
            builder.tool(t);
        }
        return builder.build();
    }

    private static Task call(String id, String tool, String host) {
        return Task.of(id, id, tool, Map.of("host", host, "apiKey", EXPIRED, "id", id));
    }

    @Test
    void a_rejected_key_learned_on_one_tool_is_replaced_for_its_sibling_before_it_fails() {
        LearningAgent agent = agent(tool("invoices", List.of(FRESH)), tool("customers", List.of(FRESH)));

        assertThat(agent.run(call("t1", "invoices", "api.acme.example")).outcome()).isEqualTo(Outcome.FAILED);
        Lesson learned = agent.bank().lessons().get(0);
        assertThat(learned.strategy()).isEqualTo(new Strategy.ReplaceParam("apiKey", "acme.apiKey"));
        assertThat(learned.scope()).isEqualTo(Scope.HOST);

        calls.clear();
        TaskResult sibling = agent.run(call("t2", "customers", "api.acme.example"));

        assertThat(sibling.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(calls).containsExactly("customers@api.acme.example " + FRESH);
        assertThat(events).filteredOn(e -> e instanceof AgentEvent.Applied a && a.taskId().equals("t2")).singleElement()
                .satisfies(e -> assertThat(((AgentEvent.Applied) e).action()).contains("a transfer: learned on invoices"));
        Lesson after = agent.bank().lesson(learned.id()).orElseThrow();
        assertThat(after.stats().helped()).isEqualTo(1);
        assertThat(after.stats().transfersHelped()).as("the help was a transfer's").isEqualTo(1);
        assertThat(after.stats().transfersHurt()).isZero();
    }

    @Test
    void nothing_transfers_to_a_tool_calling_another_host() {
        LearningAgent agent = agent(tool("invoices", List.of(FRESH)), tool("customers", List.of(FRESH)));
        agent.run(call("t1", "invoices", "api.acme.example"));
        calls.clear();

        assertThat(agent.run(call("t2", "customers", "api.other.example")).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(calls).containsExactly("customers@api.other.example " + EXPIRED);
    }

    @Test
    void nothing_transfers_to_a_call_whose_arguments_name_two_hosts() {
        Tool mixed = Tool.of("exports", List.of("host", "url", "apiKey", "id"), args -> {
            calls.add("exports@" + args.get("url") + " " + args.get("apiKey"));
            throw ToolException.http(401, "invalid api key", "api.acme.example");
        });
        LearningAgent agent = agent(tool("invoices", List.of(FRESH)), mixed);
        agent.run(call("t1", "invoices", "api.acme.example"));
        calls.clear();

        agent.run(Task.of("t2", "t2", "exports", Map.of("host", "api.acme.example", "url", "https://collector.other.example/in",
                "apiKey", EXPIRED, "id", "t2")));

        assertThat(calls).first().isEqualTo("exports@https://collector.other.example/in " + EXPIRED);
    }

    @Test
    void a_host_found_down_by_one_tool_is_skipped_by_its_sibling_and_only_that_host() {
        LearningAgent agent = agent(tool("invoices", List.of(EXPIRED)), tool("customers", List.of(EXPIRED)));

        assertThat(agent.run(call("t1", "invoices", DOWN)).outcome()).isEqualTo(Outcome.FAILED);
        calls.clear();

        assertThat(agent.run(call("t2", "customers", DOWN)).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(agent.run(call("t3", "customers", "us.api.acme.example")).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(calls).containsExactly("customers@us.api.acme.example " + EXPIRED);
    }

    @Test
    void a_transfer_that_fails_on_the_sibling_is_narrowed_away_from_it_and_still_holds_where_it_was_learned() {
        // customers takes another key: the source's fresh key is no good there
        LearningAgent agent = agent(tool("invoices", List.of(FRESH)), tool("customers", List.of("acme-key-customers-only")));
        agent.run(call("t1", "invoices", "api.acme.example"));
        Lesson learned = agent.bank().lessons().get(0);

        assertThat(agent.run(call("t2", "customers", "api.acme.example")).outcome()).isEqualTo(Outcome.FAILED);

        Lesson after = agent.bank().lesson(learned.id()).orElseThrow();
        assertThat(after.narrowed()).containsExactly("customers");
        assertThat(after.isActive()).isTrue();
        assertThat(after.stats().hurt()).isZero();
        assertThat(after.stats().transfersHurt()).isEqualTo(1);
        assertThat(after.stats().transfersHelped()).isZero();
        assertThat(bankEvents).filteredOn(e -> e.type() == BankEvent.Type.LESSON_NARROWED).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("transferred from invoices to customers"));

        calls.clear();
        agent.run(call("t3", "customers", "api.acme.example"));
        agent.run(call("t4", "invoices", "api.acme.example"));
        // customers is no longer given the lesson's key; invoices still is
        assertThat(calls).doesNotContain("customers@api.acme.example " + FRESH).contains("invoices@api.acme.example " + FRESH);
    }
}
