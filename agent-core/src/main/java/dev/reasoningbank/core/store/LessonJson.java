package dev.reasoningbank.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Strategy;
import java.util.List;

/**
 * The JSON form of lessons and of a bank document: human-readable, ISO dates and durations, and a
 * schema version. Used by the file store and by export/import.
 */
@Internal
public final class LessonJson {

    /** The version of the bank document this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Reads one lesson from where a document holds it: anything after the lesson in that place is an error, not ignored. */
    private static final ObjectReader LESSON = MAPPER.readerFor(Lesson.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The document a bank file holds.
     *
     * @param schemaVersion the version of this layout
     * @param revision increases with every write
     * @param lessons the lessons
     */
    public record Document(int schemaVersion, long revision, List<Lesson> lessons) {
        public Document {
            lessons = lessons == null ? List.of() : List.copyOf(lessons);
        }
    }

    private LessonJson() {}

    /** A reader of one lesson; built with the mapper, the first time this class is used. */
    static ObjectReader lessonReader() {
        return LESSON;
    }

    /** The mapper, configured for lessons; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Document document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lessons as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The document on one line, as the bank file keeps it (it is read by programs; {@code bank show} and {@code bank export} print it indented). */
    public static byte[] writeCompact(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lessons as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeLessons(List<Lesson> lessons) {
        try {
            return MAPPER.writeValueAsString(lessons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lessons as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static List<Lesson> readLessons(byte[] json) throws JsonProcessingException {
        try {
            return List.of(MAPPER.readValue(json, Lesson[].class));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read from a byte array", e);
        }
    }

    /** A one-line explanation of a JSON problem: where it is and what is wrong, with a hint for strategies. */
    public static String explain(JsonProcessingException e) {
        return explain(e, e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), "");
    }

    /** {@link #explain(JsonProcessingException)} of a part of a document: {@code where} it is, and the path to the part. */
    static String explain(JsonProcessingException e, String where, String pathToPart) {
        String inPart = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String full = inPart.isEmpty() || pathToPart.isEmpty() || inPart.startsWith("[") ? pathToPart + inPart : pathToPart + "." + inPart;
        String path = full.isEmpty() ? "" : " (in " + full + ")";
        if (e instanceof InvalidTypeIdException typeId) {
            return "names an unknown strategy '" + typeId.getTypeId() + "'" + where + path + "; known strategies: "
                    + String.join(", ", Strategy.NAMES);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof IllegalArgumentException || root instanceof NullPointerException
                ? root.getMessage() : e.getOriginalMessage();
        return "is not a valid bank document" + where + path + ": " + what;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
