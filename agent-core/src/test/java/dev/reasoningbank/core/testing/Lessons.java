package dev.reasoningbank.core.testing;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import java.time.Instant;

/** Lessons for tests. */
public final class Lessons {

    private Lessons() {}

    /** An advice lesson for {@code tool} whose trigger is unique to {@code name}. */
    public static Lesson advice(String tool, String name) {
        return Lesson.builder()
                .title("Advice " + name)
                .description("Applies to " + tool + " calls failing with " + name)
                .content("Check the arguments of " + tool + " for " + name + ".")
                .trigger(Trigger.of(tool, ErrorKind.VALIDATION, "bad " + name))
                .strategy(new Strategy.Advice())
                .provenance(new Provenance("test", "", Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    /** A ReplaceParam lesson for a rejected api key. */
    public static Lesson replaceKey(String tool, String rejectedKey) {
        return Lesson.builder()
                .title("Replace the rejected apiKey of " + tool)
                .description("Applies when " + tool + " is called with the rejected key.")
                .content("Take apiKey from the credential source.")
                .trigger(Trigger.of(tool, ErrorKind.AUTH, "", ArgumentCondition.sameValue("apiKey", rejectedKey)))
                .strategy(new Strategy.ReplaceParam("apiKey", tool + ".apiKey"))
                .provenance(new Provenance("test", "", Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }
}
