package dev.reasoningbank.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.reasoningbank.core.lesson.Lesson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bank document as its bytes and an index of them: each lesson's id, tool, host it was learned on and
 * place in the bytes.
 * Finding these takes one pass of Jackson's streaming parser, a fraction of the time binding every
 * lesson takes; a tool's lessons are bound when first asked for ({@link #snapshot}).
 *
 * @param schemaVersion the version of the layout
 * @param revision the document's revision
 */
record BankDocument(int schemaVersion, long revision, byte[] json, List<String> ids, List<String> tools, List<@Nullable String> hosts,
        int[] starts, int[] ends) {

    /** A parser factory of its own: finding the lessons needs no data binding, so it does not wait for the mapper to start. */
    private static final JsonFactory PARSERS = new JsonFactory();

    /** Indexes a document; a syntax error, or a lesson without an id or a tool, is reported with where it is. */
    static BankDocument index(byte[] json) throws JsonProcessingException {
        BankDocument scanned = DocumentScanner.scan(json);
        return scanned != null ? scanned : parse(json);
    }

    /** Indexes a document with Jackson's tokenizer, which checks every token and says where one is wrong. */
    static BankDocument parse(byte[] json) throws JsonProcessingException {
        int schemaVersion = 0;
        long revision = 0;
        List<String> ids = new ArrayList<>();
        List<String> tools = new ArrayList<>();
        List<@Nullable String> hosts = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        try (JsonParser p = PARSERS.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a bank document is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "schemaVersion" -> schemaVersion = value == JsonToken.VALUE_NULL ? 0 : p.getIntValue();
                    case "revision" -> revision = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
                    case "lessons" -> {
                        if (value == JsonToken.START_ARRAY) {
                            indexLessons(p, ids, tools, hosts, places);
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw new JsonParseException(p, "lessons is a list of lessons");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read from a byte array", e);
        }
        int[] starts = new int[places.size()];
        int[] ends = new int[places.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = places.get(i)[0];
            ends[i] = places.get(i)[1];
        }
        return new BankDocument(schemaVersion, revision, json, ids, tools, hosts, starts, ends);
    }

    private static void indexLessons(JsonParser p, List<String> ids, List<String> tools, List<@Nullable String> hosts, List<int[]> places)
            throws IOException {
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "lessons[" + ids.size() + "] is not a lesson (a JSON object)");
            }
            int start = (int) p.currentTokenLocation().getByteOffset();
            String id = null;
            String tool = null;
            String host = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else if (field.equals("sharedHost") && value == JsonToken.VALUE_STRING) {
                    host = p.getText();
                } else if (field.equals("trigger") && value == JsonToken.START_OBJECT) {
                    tool = toolOf(p);
                } else {
                    p.skipChildren();
                }
            }
            if (id == null || tool == null) {
                throw new JsonParseException(p, "lessons[" + ids.size() + "] has no " + (id == null ? "id" : "trigger.tool"));
            }
            ids.add(id);
            tools.add(tool);
            hosts.add(host);
            places.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
        }
    }

    private static @Nullable String toolOf(JsonParser trigger) throws IOException {
        String tool = null;
        while (trigger.nextToken() == JsonToken.FIELD_NAME) {
            String field = trigger.currentName();
            if (trigger.nextToken() == JsonToken.VALUE_STRING && field.equals("tool")) {
                tool = trigger.getText();
            } else {
                trigger.skipChildren();
            }
        }
        return tool;
    }

    /**
     * Binds the document's first lesson and forgets it: done on another thread while the document is indexed, so
     * that the mapper has built what it reads lessons with when a tool's lessons are first asked for.
     */
    static void warmUp(byte[] json) {
        BankDocument first = DocumentScanner.scan(json, 1);
        if (first != null && first.ids().size() == 1) {
            try {
                LessonJson.lessonReader().readValue(json, first.starts[0], first.ends[0] - first.starts[0]);
            } catch (IOException | RuntimeException unreadable) {
                // it is read again when its tool is asked for, and named then
            }
        }
    }

    /**
     * The snapshot of this document, each tool's lessons bound when first asked for.
     *
     * @param unreadable what to throw when a lesson cannot be bound (its message says which and why)
     * @throws IllegalArgumentException when two lessons have the same id
     */
    BankSnapshot snapshot(Function<String, RuntimeException> unreadable) {
        Map<String, List<Integer>> placesOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            placesOf.computeIfAbsent(tools.get(i), t -> new ArrayList<>()).add(i);
        }
        return BankSnapshot.toRead(revision, ids, tools, hosts, tool -> source(placesOf.getOrDefault(tool, List.of()), unreadable));
    }

    /** Where in the document a problem found at some place of the lesson starting at {@code start} is: its line and column. */
    private String where(int start, JsonProcessingException e) {
        long at = start + (e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < json.length; i++) {
            if (json[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " at line " + line + ", column " + (at - lineStart + 1);
    }

    private ToolLessons.Source source(List<Integer> places, Function<String, RuntimeException> unreadable) {
        return new ToolLessons.Source() {
            @Override
            public List<Lesson> read() {
                return lessonsAt(places, unreadable);
            }

            @Override
            public byte[] json(int place) {
                int i = places.get(place);
                return java.util.Arrays.copyOfRange(json, starts[i], ends[i]);
            }
        };
    }

    private List<Lesson> lessonsAt(List<Integer> places, Function<String, RuntimeException> unreadable) {
        ObjectReader reader = LessonJson.lessonReader();
        List<Lesson> lessons = new ArrayList<>(places.size());
        for (int i : places) {
            Lesson lesson;
            try {
                lesson = reader.readValue(json, starts[i], ends[i] - starts[i]);
            } catch (JsonProcessingException e) {
                throw unreadable.apply(LessonJson.explain(e, where(starts[i], e), "lessons[" + i + "]"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read from a byte array", e);
            }
            if (!lesson.id().equals(ids.get(i)) || !lesson.trigger().tool().equals(tools.get(i))
                    || !java.util.Objects.equals(lesson.sharedHost(), hosts.get(i))) {
                throw unreadable.apply("lessons[" + i + "] names its id, tool or host twice, with different values");
            }
            lessons.add(lesson);
        }
        return lessons;
    }
}
