package dev.reasoningbank.bench.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reasoningbank.bench.BenchConfig;
import dev.reasoningbank.bench.policy.BankStorage;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyStats;
import dev.reasoningbank.bench.policy.Registry;
import dev.reasoningbank.bench.run.LeaveOneOut;
import dev.reasoningbank.core.agent.ManualClock;
import dev.reasoningbank.core.agent.Outcome;
import dev.reasoningbank.core.agent.Task;
import dev.reasoningbank.core.agent.TaskResult;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No policy is scored on a task with a lesson learned from that very task. */
class LeaveOneOutTest {

    private final BenchConfig config = BenchConfig.reference();
    private final ManualClock clock = new ManualClock(config.start());

    private MemoryPolicy bank() {
        PolicyContext context = new PolicyContext(TransferTrack.tools(), TransferTrack.deployment(), clock, clock.sleeper(), config.skipFor(), 0, 0,
                config.statsFlushInterval(), BankStorage.memory());
        return Registry.standard(Map.of()).factory("bank").create(context);
    }

    private static Task expiredKey(String id) {
        return Task.of(id, "invoices with an expired key", "billing_invoices",
                Map.of("host", TransferTrack.host("billing"), "billingKey", TransferTrack.expired("billing"), "date", "2026-11-27"));
    }

    /** Practises each task once, unscored, then reports a second run as its attempt: it learns from the task it is scored on. */
    private static MemoryPolicy practising(MemoryPolicy policy) {
        return new MemoryPolicy() {
            public TaskResult attempt(Task task) {
                policy.attempt(task);
                return policy.attempt(task);
            }
            public List<Lesson> lessons() { return policy.lessons(); }
            public PolicyStats stats() { return policy.stats(); }
        };
    }

    @Test
    void a_policy_that_learns_from_the_task_it_is_scored_on_stops_the_run() {
        try (MemoryPolicy guarded = LeaveOneOut.guard("practising", practising(bank()))) {
            assertThatThrownBy(() -> guarded.attempt(expiredKey("t1")))
                    .isInstanceOf(LeaveOneOut.Violation.class)
                    .hasMessageContaining("policy 'practising' applied L-")
                    .hasMessageContaining("at its first attempt at task t1")
                    .hasMessageContaining("learned from the task being scored");
        }
    }

    @Test
    void the_bank_may_use_a_lesson_from_an_earlier_task_and_from_its_own_earlier_attempt() {
        try (MemoryPolicy guarded = LeaveOneOut.guard("bank", bank())) {
            assertThat(guarded.attempt(expiredKey("t1")).outcome()).isEqualTo(Outcome.FAILED);
            TaskResult retry = guarded.attempt(expiredKey("t1"));
            guarded.endTask();
            TaskResult next = guarded.attempt(expiredKey("t2"));

            assertThat(retry.outcome()).as("a retry after the failure uses what it taught").isEqualTo(Outcome.SUCCEEDED);
            assertThat(next.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(next.lessonsApplied()).isEqualTo(retry.lessonsApplied()).isNotEmpty();
        }
    }
}
