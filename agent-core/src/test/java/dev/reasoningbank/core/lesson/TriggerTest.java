package dev.reasoningbank.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two lessons with equal triggers are the same lesson: equality is every component's, whatever order it is tested in. */
class TriggerTest {

    private static final ArgumentCondition CITY = new ArgumentCondition("host", ArgumentCondition.Op.HOST, "weather-eu.example");
    private static final Trigger BASE = new Trigger("weather", ErrorKind.VALIDATION, "unit must be one of <value>", List.of(CITY));

    @Test
    void equal_components_make_equal_triggers_with_equal_hash_codes() {
        Trigger same = new Trigger("weather", ErrorKind.VALIDATION, "unit must be one of <value>",
                List.of(new ArgumentCondition("host", ArgumentCondition.Op.HOST, "weather-eu.example")));

        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
    }

    @Test
    void a_trigger_differing_in_any_one_component_is_another() {
        assertThat(List.of(
                new Trigger("calendar", ErrorKind.VALIDATION, BASE.signature(), BASE.conditions()),
                new Trigger("weather", ErrorKind.GONE, BASE.signature(), BASE.conditions()),
                new Trigger("weather", ErrorKind.VALIDATION, "days must be at most <value>", BASE.conditions()),
                new Trigger("weather", ErrorKind.VALIDATION, BASE.signature(), List.of(new ArgumentCondition("host", ArgumentCondition.Op.HOST, "weather-us.example"))),
                new Trigger("weather", ErrorKind.VALIDATION, BASE.signature(), List.of())))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(BASE));
    }
}
