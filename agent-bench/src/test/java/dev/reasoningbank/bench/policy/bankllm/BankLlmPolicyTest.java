package dev.reasoningbank.bench.policy.bankllm;

import dev.reasoningbank.bench.BuiltInPrompts;
import static dev.reasoningbank.bench.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.bench.Traces;
import dev.reasoningbank.bench.policy.MemoryPolicy;
import dev.reasoningbank.bench.policy.PolicyContext;
import dev.reasoningbank.bench.policy.PolicyFactory;
import dev.reasoningbank.bench.run.PolicyResult;
import dev.reasoningbank.bench.scenario.ApiTools;
import dev.reasoningbank.bench.scenario.FailureClass;
import dev.reasoningbank.bench.scenario.Fixture;
import dev.reasoningbank.core.lesson.Strategy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bank-llm over hand-made traces: the scripted model offline, the prompts it is given, and a real model that is not there. */
class BankLlmPolicyTest {

    private static final String MARKER = "PROMPT-SET-B-7f3a";

    @TempDir
    Path prompts;

    /** Three calendar tasks with dates in three wrong formats; three attempts per task. */
    private static Traces threeWrongDates() {
        return trace()
                .at(1, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "15/03/2026"))
                .at(2, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "16.04.2026"))
                .at(3, FailureClass.WRONG_DATE_FORMAT, ApiTools.CALENDAR, Map.of("apiKey", Fixture.CALENDAR_KEY, "date", "7 May 2026"));
    }

    /** Keeps the policies a factory creates, to look at them after the run closed them. */
    private static final class Capturing implements PolicyFactory {
        final PolicyFactory delegate;
        final List<BankLlmPolicy> created = new ArrayList<>();

        Capturing(PolicyFactory delegate) {
            this.delegate = delegate;
        }

        public String name() { return delegate.name(); }
        public String description() { return delegate.description(); }
        public MemoryPolicy create(PolicyContext context) {
            BankLlmPolicy policy = (BankLlmPolicy) delegate.create(context);
            created.add(policy);
            return policy;
        }
    }

    @Test
    void should_learn_the_date_format_from_the_model_once() {
        // when
        PolicyResult result = threeWrongDates().run("bank-llm");

        // then: one failure, one model call, then the model's DATE_FORMAT lesson rewrites every other format
        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.failedCalls()).isEqualTo(1);
        assertThat(result.repeatedMistakes()).isZero();
        assertThat(result.llmCalls()).isEqualTo(1);
        assertThat(result.llm().acceptedAnswers()).isEqualTo(1);
        assertThat(result.llmTokens()).isEqualTo(result.llm().inputTokens() + result.llm().outputTokens()).isGreaterThan(100);
        assertThat(result.finalLessons()).singleElement().satisfies(l -> {
            assertThat(l.strategy()).isEqualTo(new Strategy.FixArgument("date", Strategy.Transform.DATE_FORMAT, "yyyy-MM-dd"));
            assertThat(l.provenance().reflector()).isEqualTo("llm:ollama/" + ScriptedLessonModel.MODEL);
        });
    }

    @Test
    void should_send_the_prompts_of_the_given_directory() throws Exception {
        // given: prompt set B is the built-in template with a marker line
        Files.writeString(prompts.resolve("reflect-failure.txt"),
                BuiltInPrompts.reflectFailure().replace("[user]\n", "[user]\n" + MARKER + "\n"));
        Capturing b = new Capturing(BankLlmPolicy.factory("bank-llm[B]", Optional.of(prompts), Map.of()));
        Capturing builtIn = new Capturing(BankLlmPolicy.factory("bank-llm", Optional.empty(), Map.of()));

        // when
        PolicyResult withB = threeWrongDates().run(b);
        threeWrongDates().run(builtIn);

        // then: what went over the wire is prompt set B's, and only B's
        assertThat(withB.name()).isEqualTo("bank-llm[B]");
        assertThat(b.created).singleElement().satisfies(p -> assertThat(p.modelRequests()).isNotEmpty().allSatisfy(body -> assertThat(body).contains(MARKER)));
        assertThat(builtIn.created).singleElement().satisfies(p -> assertThat(p.modelRequests()).isNotEmpty().noneSatisfy(body -> assertThat(body).contains(MARKER)));
        assertThat(b.description()).contains("prompts from " + prompts);
    }

    @Test
    void should_fall_back_to_the_rules_when_the_configured_model_is_unreachable() throws Exception {
        // given: RB_LLM set, so the real-model path, but nothing listens at the URL
        Map<String, String> env = Map.of("RB_LLM", "ollama", "OLLAMA_BASE_URL", "http://127.0.0.1:" + closedPort(), "OLLAMA_MODEL", "qwen2.5:3b");
        PolicyFactory real = BankLlmPolicy.factory("bank-llm", Optional.empty(), env);

        // when
        PolicyResult result = threeWrongDates().run(real);

        // then: the rules wrote the lesson, the provenance says why, and the agent still learned once
        assertThat(BankLlmPolicy.scripted(env)).isFalse();
        assertThat(real.description()).contains("Ollama at http://127.0.0.1:");
        assertThat(result.llm().fallbacks()).isEqualTo(1);
        assertThat(result.llm().failedCalls()).isEqualTo(1);
        assertThat(result.llm().acceptedAnswers()).isZero();
        assertThat(result.repeatedMistakes()).isZero();
        assertThat(result.finalLessons()).singleElement()
                .satisfies(l -> assertThat(l.provenance().reflector()).startsWith("rules (fallback: "));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
