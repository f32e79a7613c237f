package dev.reasoningbank.bench.scenario;

import dev.reasoningbank.core.agent.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One task of the stream: the agent's task, its class, when it starts on the scenario clock and
 * what the world does to the APIs before it runs.
 *
 * @param index position in the stream, from 0
 * @param failureClass the class it belongs to
 * @param startsAt when it starts, on the scenario clock
 * @param setup what happens to the APIs just before it
 * @param task what the agent is asked to do
 */
public record BenchTask(int index, FailureClass failureClass, Instant startsAt, Setup setup, Task task) {

    /** A change of the world just before a task: other clients' traffic, a server's hiccup. */
    public sealed interface Setup {
        Setup NONE = new Nothing();

        void applyTo(FlakyApiServer server);

        /** Nothing happens. */
        record Nothing() implements Setup {
            public void applyTo(FlakyApiServer server) {}
        }

        /** Other clients exhausted the search quota. */
        record ThrottleSearch() implements Setup {
            public void applyTo(FlakyApiServer server) {
                server.throttleSearch();
            }
        }

        /** The task means these dates: an accepted call with another date is a wrong fix. */
        record Expect(Map<String, LocalDate> dates) implements Setup {
            public void applyTo(FlakyApiServer server) {
                server.expect(dates);
            }
        }

        /** The payments API answers 503 to the next {@code count} requests. */
        record BlipPayments(int count) implements Setup {
            public void applyTo(FlakyApiServer server) {
                server.blipPayments(count);
            }
        }
    }
}
