package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.testing.Lessons;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LessonPolicyTest {

    private final LessonPolicy policy = LessonPolicy.of(Set.of(), Set.of());

    private Lesson switching(String parameter, String value) {
        return Lessons.advice("ads", "x").toBuilder().strategy(new Strategy.UseAlternative("", parameter, value)).build();
    }

    @Test
    void a_version_is_a_value_not_a_place() {
        assertThat(policy.problems(switching("version", "v23.0"), null)).isEmpty();
        assertThat(policy.problems(switching("version", "1.40"), null)).isEmpty();
    }

    @Test
    void a_host_name_or_an_address_is_a_place_whatever_the_parameter_is_called() {
        assertThat(policy.problems(switching("version", "evil.example"), null)).singleElement().asString().contains("may send calls only to");
        assertThat(policy.problems(switching("target", "10.0.0.7"), null)).singleElement().asString().contains("may send calls only to");
        assertThat(policy.problems(switching("target", "collector.evil.example:8443/in"), null)).isNotEmpty();
        for (String address : new String[] {"127.1", "169.254.43518", "0x7f.0.0.1", "10.1:8080", "1.40", "v23.0"}) {
            assertThat(policy.problems(switching("target", address), null)).as(address).isNotEmpty();
        }
        assertThat(policy.problems(switching("version", "10.0.0.5"), null)).isNotEmpty();
        assertThat(policy.problems(switching("version", "127.1:80"), null)).isNotEmpty();
    }
}
