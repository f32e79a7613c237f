package dev.reasoningbank.bench.policy;

import static dev.reasoningbank.bench.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.bench.Traces;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.scenario.ApiTools;
import dev.reasoningbank.bench.scenario.BenchTask;
import dev.reasoningbank.bench.scenario.FailureClass;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made traces with hand-worked expectations; each runs over real sockets on the scenario clock. */
class PolicyTraceTest {

    /** Three calendar tasks with dates in three wrong formats; three attempts per task. */
    private static Traces threeWrongDates() {
        return trace()
                .at(1, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "15/03/2026"))
                .at(2, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "16.04.2026"))
                .at(3, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "7 May 2026"));
    }

    @Test
    void none_repeats_the_same_mistake_every_time() {
        // when
        PolicyResult none = threeWrongDates().run("none");

        // then: 3 tasks x 3 attempts, every call fails; only the very first failure is new
        assertThat(none.toolCalls()).isEqualTo(9);
        assertThat(none.failedCalls()).isEqualTo(9);
        assertThat(none.repeatedMistakes()).isEqualTo(8);
        assertThat(none.succeeded()).isZero();
        assertThat(none.lessons()).isZero();
    }

    @Test
    void episodic_fixes_each_task_on_its_second_attempt_but_forgets_between_tasks() {
        // when
        PolicyResult episodic = threeWrongDates().run("episodic");

        // then: fail, reflect, succeed - for every task again; the 2nd and 3rd first attempts repeat task 1's mistake
        assertThat(episodic.succeeded()).isEqualTo(3);
        assertThat(episodic.toolCalls()).isEqualTo(6);
        assertThat(episodic.failedCalls()).isEqualTo(3);
        assertThat(episodic.repeatedMistakes()).isEqualTo(2);
        assertThat(episodic.lessons()).isZero();
    }

    @Test
    void bank_learns_the_date_format_once_and_generalizes_to_other_formats() {
        // when
        PolicyResult bank = threeWrongDates().run("bank");

        // then: one failure, then the DATE_FORMAT lesson rewrites every other format
        assertThat(bank.succeeded()).isEqualTo(3);
        assertThat(bank.toolCalls()).isEqualTo(4);
        assertThat(bank.failedCalls()).isEqualTo(1);
        assertThat(bank.repeatedMistakes()).isZero();
        assertThat(bank.finalLessons()).singleElement()
                .satisfies(l -> assertThat(l.strategy()).isEqualTo(new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd")));
    }

    @Test
    void oracle_pays_nothing_to_learn() {
        PolicyResult oracle = threeWrongDates().run("oracle");

        assertThat(oracle.toolCalls()).isEqualTo(3);
        assertThat(oracle.failedCalls()).isZero();
    }

    @Test
    void bank_skips_down_host_until_expiry_then_probes() {
        // given: EU down from minute 1 to 30; the reflector skips a refused host for 10 minutes
        Map<String, Object> eu = Map.of("host", Fixture.WEATHER_EU, "city", "Oslo", "unit", "CELSIUS", "days", 3);
        Traces traces = trace().hostDown(Fixture.WEATHER_EU, 1, 30)
                .at(2, FailureClass.HOST_DOWN_RECOVERS, ApiTools.WEATHER, eu)   // refused, learns "skip until 12", 2nd attempt skipped
                .at(5, FailureClass.HOST_DOWN_RECOVERS, ApiTools.WEATHER, eu)   // skipped without a call
                .at(13, FailureClass.HOST_DOWN_RECOVERS, ApiTools.WEATHER, eu)  // expired: a probe, refused (wasted), skip until 23
                .at(40, FailureClass.HOST_DOWN_RECOVERS, ApiTools.WEATHER, eu); // expired: a probe, the host is back

        // when
        PolicyResult bank = traces.run("bank");

        // then
        assertThat(bank.toolCalls()).isEqualTo(3);
        assertThat(bank.failedCalls()).isEqualTo(2);
        assertThat(bank.wastedCallsToDownHosts()).isEqualTo(1);
        assertThat(bank.skipped()).isEqualTo(3);
        assertThat(bank.succeeded()).isEqualTo(1);
        assertThat(bank.wrongSkips()).isZero();
        assertThat(bank.repeatedMistakes()).isZero();
    }

    @Test
    void none_keeps_calling_a_host_it_knows_is_down() {
        Map<String, Object> legacy = Map.of("host", Fixture.WEATHER_LEGACY, "city", "Oslo", "unit", "CELSIUS", "days", 3);
        PolicyResult none = trace()
                .at(1, FailureClass.CANNOT_SUCCEED, ApiTools.WEATHER, legacy)
                .at(2, FailureClass.CANNOT_SUCCEED, ApiTools.WEATHER, legacy)
                .run("none");

        // 6 refused calls; all but the first went to a host known to be down
        assertThat(none.failedCalls()).isEqualTo(6);
        assertThat(none.wastedCallsToDownHosts()).isEqualTo(5);
        assertThat(none.repeatedMistakes()).as("a refused connection is server state, not a repeated mistake").isZero();
    }

    @Test
    void bank_retries_a_transient_503_and_never_learns_to_skip_payments() {
        // given: each task meets one 503 before the payments API answers
        Map<String, Object> charge = Map.of("token", Fixture.CHARGE_TOKEN, "operation", "charge", "amount", 20, "currency", "EUR");
        BenchTask.Setup blip = new BenchTask.Setup.BlipPayments(1);
        Traces traces = trace()
                .at(1, FailureClass.TRANSIENT_SERVER_ERROR, blip, ApiTools.PAYMENTS, charge)   // 503, learns a retry; 2nd attempt succeeds
                .at(2, FailureClass.TRANSIENT_SERVER_ERROR, blip, ApiTools.PAYMENTS, charge)   // 503, the lesson retries: success
                .at(3, FailureClass.ALWAYS_SUCCEEDS, ApiTools.PAYMENTS, charge);               // no 503: called, not skipped

        // when
        PolicyResult bank = traces.run("bank");

        // then
        assertThat(bank.succeeded()).isEqualTo(3);
        assertThat(bank.toolCalls()).isEqualTo(5);
        assertThat(bank.skipped()).isZero();
        Lesson lesson = bank.finalLessons().get(0);
        assertThat(lesson.trigger().errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(lesson.strategy()).isInstanceOf(Strategy.RetryWithBackoff.class);
        assertThat(lesson.expiresAt()).as("a transient lesson expires").isEqualTo(Traces.minute(1).plus(java.time.Duration.ofMinutes(30)));
        assertThat(bank.permanentLessonsFromServerErrors()).isZero();
    }

    @Test
    void bank_waits_out_a_retry_after_on_the_scenario_clock() {
        Map<String, Object> search = Map.of("endpoint", Fixture.SEARCH_V2, "q", "java", "limit", 10);
        BenchTask.Setup throttle = new BenchTask.Setup.ThrottleSearch();
        PolicyResult bank = trace()
                .at(1, FailureClass.RATE_LIMITED, throttle, ApiTools.SEARCH, search)  // 429, learns; 429 again, waits 2 s, succeeds
                .at(2, FailureClass.RATE_LIMITED, throttle, ApiTools.SEARCH, search)  // 429, waits 2 s (no real time), succeeds
                .run("bank");

        assertThat(bank.succeeded()).isEqualTo(2);
        assertThat(bank.toolCalls()).isEqualTo(5);
        assertThat(bank.wallMillis()).as("Retry-After passes on the scenario clock").isLessThan(10_000);
    }
}
