package dev.reasoningbank.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.testing.Lessons;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentScannerTest {

    private static final String[] SPACE = {"", "", " ", "\n", "\t", "\r\n", "  \n  "};
    /** Values an id, tool or host may take: any character a string holds without an escape. */
    private static final String[] PLAIN = {"weather", "L-0a1b2c", "tool-7", "api.example.com", "météo", "天気", "☂ rain", "a b{c}[d],e:f", ""};
    /** Other strings, as JSON writes them: brackets, quotes and backslashes inside, escaped where JSON escapes them. */
    private static final String[] ESCAPED = {"\\\"id\\\":\\\"L-fake\\\"", "}]},{", "C:\\\\temp\\\\", "line\\nbreak", "\\u00e9t\\u00e9", "\\\\\\\"", "[{\\\"tool\\\":\\\"x\\\"}]"};

    @Test
    void should_find_what_jacksons_tokenizer_finds_in_any_well_formed_document() throws Exception {
        // given documents of random lessons: members in any order, unknown members holding ids and tools deeper down,
        // repeated names, strings with brackets and escaped quotes, any JSON whitespace between tokens
        Random random = new Random(17);
        for (int round = 0; round < 400; round++) {
            byte[] json = randomDocument(random).getBytes(UTF_8);

            // when
            BankDocument scanned = DocumentScanner.scan(json);

            // then
            BankDocument parsed = BankDocument.parse(json);
            assertThat(scanned).as(new String(json, UTF_8)).isNotNull();
            assertSameIndex(scanned, parsed, new String(json, UTF_8));
        }
    }

    @Test
    void should_leave_to_jackson_what_it_does_not_read_itself() throws Exception {
        String lesson = new String(LessonJson.writeCompact(Lessons.advice("weather", "a")), UTF_8);
        for (String odd : List.of(
                doc(lesson.replace("\"tool\":\"weather\"", "\"tool\":\"weath\\u0065r\"")),
                doc(lesson.replaceFirst("\"id\"", "\"\\\\u0069d\"")),
                "{\"schemaVersion\":1,\"revision\":1.0,\"lessons\":[" + lesson + "]}")) {
            byte[] json = odd.getBytes(UTF_8);
            assertThat(DocumentScanner.scan(json)).as(odd).isNull();
            BankDocument parsed = BankDocument.parse(json);
            assertSameIndex(BankDocument.index(json), parsed, odd);
        }
    }

    @Test
    void a_broken_document_should_be_named_where_jackson_finds_the_problem() {
        String lesson = new String(LessonJson.writeCompact(Lessons.advice("weather", "a")), UTF_8);
        for (String broken : List.of(
                doc(lesson).substring(0, doc(lesson).length() - 40), // cut short
                doc(lesson + lesson.substring(0, lesson.length() - 1)), // two lessons, no comma, the second unclosed
                doc(lesson.replaceFirst("\"id\":\"[^\"]+\",", "")), // a lesson without its id
                "{\"schemaVersion\":1,\"revision\":\"7\",\"lessons\":[]}", // a revision that is not a number
                "{\"schemaVersion\":1,\"revision\":1,\"lessons\":{}}")) {
            byte[] json = broken.getBytes(UTF_8);
            assertThat(DocumentScanner.scan(json)).as(broken).isNull();
            assertThatThrownBy(() -> BankDocument.index(json)).as(broken).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void a_lesson_broken_inside_should_be_named_when_its_tool_is_read() {
        // given a lesson whose stats miss a comma: the scan checks brackets and strings only inside a lesson
        Lesson good = Lessons.advice("calendar", "b");
        String broken = new String(LessonJson.writeCompact(Lessons.advice("weather", "a")), UTF_8).replace("\"applied\":0,", "\"applied\":0 ");
        byte[] json = doc(broken + "," + new String(LessonJson.writeCompact(good), UTF_8)).getBytes(UTF_8);
        BankDocument scanned = DocumentScanner.scan(json);
        assertThat(scanned).isNotNull();

        // when / then
        BankSnapshot snapshot = scanned.snapshot(IllegalStateException::new);
        assertThat(snapshot.lessonsOf("calendar")).containsExactly(good);
        assertThatThrownBy(() -> snapshot.lessonsOf("weather")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lessons[0]").hasMessageContaining("line 1, column");
    }

    @Test
    void the_first_lessons_alone_should_be_found_when_asked_for() {
        String a = new String(LessonJson.writeCompact(Lessons.advice("weather", "a")), UTF_8);
        String b = new String(LessonJson.writeCompact(Lessons.advice("calendar", "b")), UTF_8);
        byte[] json = doc(a + ",\n" + b + ",").getBytes(UTF_8); // what follows the first lesson is never looked at

        BankDocument first = DocumentScanner.scan(json, 1);

        assertThat(first).isNotNull();
        assertThat(first.tools()).containsExactly("weather");
        assertThat(new String(json, first.starts()[0], first.ends()[0] - first.starts()[0], UTF_8)).isEqualTo(a);
        assertThat(DocumentScanner.scan(json)).isNull();
    }

    private static String doc(String lessons) {
        return "{\"schemaVersion\":1,\"revision\":3,\"lessons\":[" + lessons + "]}";
    }

    private static void assertSameIndex(BankDocument actual, BankDocument expected, String json) {
        assertThat(actual.schemaVersion()).as(json).isEqualTo(expected.schemaVersion());
        assertThat(actual.revision()).as(json).isEqualTo(expected.revision());
        assertThat(actual.ids()).as(json).isEqualTo(expected.ids());
        assertThat(actual.tools()).as(json).isEqualTo(expected.tools());
        assertThat(actual.hosts()).as(json).isEqualTo(expected.hosts());
        assertThat(actual.starts()).as(json).isEqualTo(expected.starts());
        assertThat(actual.ends()).as(json).isEqualTo(expected.ends());
    }

    private static String randomDocument(Random random) {
        List<String> members = new ArrayList<>();
        members.add(member(random, "schemaVersion", String.valueOf(random.nextInt(3))));
        members.add(member(random, "revision", random.nextBoolean() ? "null" : String.valueOf(random.nextLong(-5, 1L << 50))));
        List<String> lessons = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            lessons.add(randomLesson(random));
        }
        members.add(member(random, "lessons", array(random, lessons)));
        for (int i = random.nextInt(3); i > 0; i--) {
            members.add(member(random, "extra" + i, randomValue(random, 3)));
        }
        java.util.Collections.shuffle(members, random);
        return space(random) + object(random, members) + space(random);
    }

    private static String randomLesson(Random random) {
        List<String> members = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            members.add(member(random, "id", "\"first-" + random.nextInt(9) + "\"")); // a repeated name: the last one counts
        }
        List<String> trigger = new ArrayList<>();
        trigger.add(member(random, "tool", plain(random)));
        trigger.add(member(random, "conditions", array(random, List.of(object(random, List.of(member(random, "tool", "\"deeper\"")))))));
        trigger.add(member(random, "errorKind", random.nextBoolean() ? "\"HOST_DOWN\"" : "7"));
        java.util.Collections.shuffle(trigger, random);
        members.add(member(random, "trigger", object(random, trigger)));
        members.add(member(random, "id", plain(random)));
        members.add(member(random, "sharedHost", random.nextBoolean() ? plain(random) : random.nextBoolean() ? "null" : "42"));
        for (int i = random.nextInt(5); i > 0; i--) {
            members.add(member(random, random.nextBoolean() ? "strategy" : "x" + i, randomValue(random, 3)));
        }
        members.add(member(random, "provenance", object(random, List.of(member(random, "id", "\"nested\""),
                member(random, "trigger", object(random, List.of(member(random, "tool", "\"not-this-one\""))))))));
        java.util.Collections.shuffle(members, random);
        // the id and the trigger after any repeated id, so the last id is a plain one
        members.sort(java.util.Comparator.comparing(m -> m.contains("\"first-") ? 0 : 1));
        return object(random, members);
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> "\"" + ESCAPED[random.nextInt(ESCAPED.length)] + "\"";
            case 1 -> plain(random);
            case 2 -> String.valueOf(random.nextInt());
            case 3 -> random.nextBoolean() ? "-1.5e-3" : "2E+10";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "null";
            case 6 -> "[]";
            case 7 -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(randomValue(random, depth - 1));
                }
                yield array(random, elements);
            }
            default -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String[] names = {"id", "tool", "trigger", "lessons", "n" + i};
                    members.add(member(random, names[random.nextInt(names.length)], randomValue(random, depth - 1)));
                }
                yield object(random, members);
            }
        };
    }

    private static String plain(Random random) {
        return "\"" + PLAIN[random.nextInt(PLAIN.length)] + "\"";
    }

    private static String member(Random random, String name, String value) {
        return space(random) + "\"" + name + "\"" + space(random) + ":" + space(random) + value + space(random);
    }

    private static String object(Random random, List<String> members) {
        return "{" + (members.isEmpty() ? space(random) : String.join(",", members)) + "}";
    }

    private static String array(Random random, List<String> elements) {
        List<String> spaced = elements.stream().map(e -> space(random) + e + space(random)).toList();
        return "[" + (spaced.isEmpty() ? space(random) : String.join(",", spaced)) + "]";
    }

    private static String space(Random random) {
        return SPACE[random.nextInt(SPACE.length)];
    }
}
