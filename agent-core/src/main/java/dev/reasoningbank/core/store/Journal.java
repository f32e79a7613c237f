package dev.reasoningbank.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reasoningbank.core.lesson.Lesson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a bank's journal: one JSON object per change, {@code {"revision":N,"put":[...],
 * "remove":[...],"crc32":"1a2b3c4d"}}, whose checksum is taken over the line with the checksum's
 * digits as zeros. A line whose checksum does not match was torn by a writer that died.
 */
final class Journal {

    private static final byte[] CRC_FIELD = ",\"crc32\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_DIGITS = 8;

    /** One change: the lessons put and the ids removed at a revision. */
    record Entry(long revision, List<Lesson> put, Set<String> remove) {}

    private Journal() {}

    /** The line of a change, with its checksum and a newline. */
    static byte[] line(long revision, Collection<Lesson> put, Collection<String> remove) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("revision", revision);
        change.put("put", put);
        change.put("remove", remove);
        change.put("crc32", "0".repeat(CRC_DIGITS));
        byte[] json = LessonJson.writeCompact(change);
        String crc = String.format("%08x", crcOf(json, 0, json.length));
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        byte[] digits = crc.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, line, json.length - 2 - CRC_DIGITS, CRC_DIGITS);
        line[json.length] = '\n';
        return line;
    }

    /**
     * The change on {@code bytes[start, end)} (without its newline), or {@code null} when the line is torn.
     *
     * @throws IllegalStateException when the line is intact but cannot be read (a newer version wrote it)
     */
    static @Nullable Entry read(byte[] bytes, int start, int end) {
        int crcAt = end - 2 - CRC_DIGITS;
        if (crcAt - CRC_FIELD.length < start || bytes[end - 1] != '}' || bytes[end - 2] != '"') {
            return null;
        }
        for (int i = 0; i < CRC_FIELD.length; i++) {
            if (bytes[crcAt - CRC_FIELD.length + i] != CRC_FIELD[i]) {
                return null;
            }
        }
        String stated = new String(bytes, crcAt, CRC_DIGITS, StandardCharsets.US_ASCII);
        byte[] zeroed = java.util.Arrays.copyOfRange(bytes, start, end);
        java.util.Arrays.fill(zeroed, crcAt - start, crcAt - start + CRC_DIGITS, (byte) '0');
        if (!stated.equals(String.format("%08x", crcOf(zeroed, 0, zeroed.length)))) {
            return null;
        }
        try {
            JsonNode change = LessonJson.mapper().readTree(zeroed);
            List<Lesson> put = new ArrayList<>();
            for (JsonNode lesson : change.path("put")) {
                put.add(LessonJson.mapper().treeToValue(lesson, Lesson.class));
            }
            Set<String> remove = new LinkedHashSet<>();
            change.path("remove").forEach(id -> remove.add(id.asText()));
            if (!change.path("revision").canConvertToLong() || change.path("revision").asLong() < 1) {
                throw new IllegalStateException("a line has no revision");
            }
            return new Entry(change.path("revision").asLong(), put, remove);
        } catch (IOException | IllegalArgumentException unreadable) {
            // intact (its checksum matches) but not readable here: a newer version wrote it; never cut it off
            throw new IllegalStateException(unreadable.getMessage(), unreadable);
        }
    }

    private static long crcOf(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return crc.getValue();
    }
}
