package dev.reasoningbank.core.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds a bank document's lessons, and each one's id, tool and host, in one pass over its bytes: a
 * cold JVM does this about four times faster than Jackson's tokenizer, which opening a large bank waits for.
 * It reads only what a well-formed document written by any JSON writer holds; on anything else
 * (an escaped name or value, a number that is not an integer, a byte out of place) it gives up and
 * {@link BankDocument#index} asks Jackson, which names the problem.
 * Inside a lesson it checks no more than brackets and strings: binding the lesson checks the rest.
 */
final class DocumentScanner {

    /** Thrown to give up: nothing this scanner finds is reported from here. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private static final byte[] ID = bytes("id");
    private static final byte[] SHARED_HOST = bytes("sharedHost");
    private static final byte[] TRIGGER = bytes("trigger");
    private static final byte[] TOOL = bytes("tool");

    private final byte[] json;
    /** How many lessons to find at most. */
    private final int limit;
    /** Where the scan is. */
    private int at;
    /** Where the last name {@link #nameLength} read ends. */
    private int nameEnd;
    /** The strings {@link #sharedString} read, each by where it first was (never 0: a document opens with a brace) and its length. */
    private final String[] shared = new String[4096];
    private final int[] sharedAt = new int[4096];
    private final int[] sharedLength = new int[4096];
    private int sharedCount;

    private DocumentScanner(byte[] json, int limit) {
        this.json = json;
        this.limit = limit;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** The document's index, or {@code null} when Jackson is to read it. */
    static @Nullable BankDocument scan(byte[] json) {
        return scan(json, Integer.MAX_VALUE);
    }

    /** The index of the document's first {@code limit} lessons (and of what comes before them), or {@code null}. */
    static @Nullable BankDocument scan(byte[] json, int limit) {
        try {
            return new DocumentScanner(json, limit).document();
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private BankDocument document() throws GiveUp {
        int schemaVersion = 0;
        long revision = 0;
        List<String> ids = new ArrayList<>();
        List<String> tools = new ArrayList<>();
        List<@Nullable String> hosts = new ArrayList<>();
        IntList starts = new IntList();
        IntList ends = new IntList();
        expect('{');
        if (!closes('}')) {
            do {
                String field = name();
                switch (field) {
                    case "schemaVersion" -> {
                        long version = integerOrNull();
                        if (version != (int) version) {
                            throw GIVE_UP;
                        }
                        schemaVersion = (int) version;
                    }
                    case "revision" -> revision = integerOrNull();
                    case "lessons" -> {
                        if (!literal("null")) {
                            expect('[');
                            if (!closes(']')) {
                                do {
                                    lesson(ids, tools, hosts, starts, ends);
                                    if (ids.size() == limit) {
                                        return new BankDocument(schemaVersion, revision, json, ids, tools, hosts, starts.toArray(), ends.toArray());
                                    }
                                } while (separates(']'));
                            }
                        }
                    }
                    default -> skipValue();
                }
            } while (separates('}'));
        }
        return new BankDocument(schemaVersion, revision, json, ids, tools, hosts, starts.toArray(), ends.toArray());
    }

    private void lesson(List<String> ids, List<String> tools, List<@Nullable String> hosts, IntList starts, IntList ends) throws GiveUp {
        skipSpace();
        starts.add(at);
        expect('{');
        String id = null;
        String tool = null;
        String host = null;
        if (!closes('}')) {
            do {
                int name = nameLength();
                skipSpace();
                if (json[at] == '"' && named(name, ID)) {
                    id = string();
                } else if (json[at] == '"' && named(name, SHARED_HOST)) {
                    host = sharedString();
                } else if (json[at] == '{' && named(name, TRIGGER)) {
                    tool = toolOf();
                } else {
                    skipValue();
                }
            } while (separates('}'));
        }
        if (id == null || tool == null) {
            throw GIVE_UP;
        }
        ids.add(id);
        tools.add(tool);
        hosts.add(host);
        ends.add(at);
    }

    private @Nullable String toolOf() throws GiveUp {
        expect('{');
        String tool = null;
        if (!closes('}')) {
            do {
                int name = nameLength();
                skipSpace();
                if (json[at] == '"' && named(name, TOOL)) {
                    tool = sharedString();
                } else {
                    skipValue();
                }
            } while (separates('}'));
        }
        return tool;
    }

    /** A member's name and the colon after it. */
    private String name() throws GiveUp {
        skipSpace();
        String name = string();
        expect(':');
        return name;
    }

    /** Reads a member's name and the colon after it, and returns the name's length in bytes; {@link #named} tells which it is. */
    private int nameLength() throws GiveUp {
        skipSpace();
        int start = at + 1;
        int end = skipPlainString();
        expect(':');
        nameEnd = end;
        return end - start;
    }

    /** Whether the name {@link #nameLength} just read, {@code length} bytes long, is {@code name}. */
    private boolean named(int length, byte[] name) {
        if (length != name.length) {
            return false;
        }
        int start = nameEnd - length;
        for (int i = 0; i < length; i++) {
            if (json[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** A string without escapes (one with any is left to Jackson); {@code at} is on its opening quote. */
    private String string() throws GiveUp {
        int start = at + 1;
        int end = skipPlainString();
        return new String(json, start, end - start, StandardCharsets.UTF_8);
    }

    /** Moves past a string without escapes ({@code at} on its opening quote) and returns where its content ends; one with any is left to Jackson. */
    private int skipPlainString() throws GiveUp {
        if (json[at] != '"') {
            throw GIVE_UP;
        }
        int end = at + 1;
        for (byte b = json[end]; b != '"'; b = json[++end]) {
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                throw GIVE_UP;
            }
        }
        at = end + 1;
        return end;
    }

    /**
     * A string many lessons hold (a tool, a host) as one instance per value: a bank of a million lessons and a
     * hundred tools holds a hundred tool names, and grouping lessons by tool compares them by identity.
     */
    private String sharedString() throws GiveUp {
        int start = at + 1;
        int end = skipPlainString();
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + json[i];
        }
        int mask = shared.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int place = sharedAt[slot];
            if (place == 0) {
                String value = new String(json, start, end - start, StandardCharsets.UTF_8);
                if (sharedCount < shared.length / 2) {
                    shared[slot] = value;
                    sharedAt[slot] = start;
                    sharedLength[slot] = end - start;
                    sharedCount++;
                }
                return value;
            }
            if (sharedLength[slot] == end - start && java.util.Arrays.equals(json, place, place + end - start, json, start, end)) {
                return shared[slot];
            }
        }
    }

    private long integerOrNull() throws GiveUp {
        skipSpace();
        if (literal("null")) {
            return 0;
        }
        int start = at;
        if (json[at] == '-') {
            at++;
        }
        long value = 0;
        while (json[at] >= '0' && json[at] <= '9' && at - start < 18) {
            value = value * 10 + (json[at++] - '0');
        }
        if (at == start || json[start] == '-' && at == start + 1 || json[at] == '.' || json[at] == 'e' || json[at] == 'E'
                || json[at] >= '0' && json[at] <= '9') {
            throw GIVE_UP;
        }
        return json[start] == '-' ? -value : value;
    }

    /** Skips one value; inside an object or array, only strings and brackets are looked at. */
    private void skipValue() throws GiveUp {
        skipSpace();
        byte b = json[at];
        if (b == '"') {
            skipString();
        } else if (b == '{' || b == '[') {
            byte[] bytes = json;
            int i = at;
            int depth = 0;
            do {
                b = bytes[i++];
                if (b == '"') {
                    for (b = bytes[i++]; b != '"'; b = bytes[i++]) {
                        if (b == '\\') {
                            i++;
                        }
                    }
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                }
            } while (depth > 0);
            at = i;
        } else {
            int start = at;
            while (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                b = json[++at];
            }
            if (at == start) {
                throw GIVE_UP;
            }
        }
    }

    private void skipString() {
        byte[] bytes = json;
        int i = at + 1;
        for (byte b = bytes[i++]; b != '"'; b = bytes[i++]) {
            if (b == '\\') {
                i++;
            }
        }
        at = i;
    }

    private boolean literal(String word) {
        skipSpace();
        for (int i = 0; i < word.length(); i++) {
            if (json[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    /** Whether the next byte closes the value being read (consumed if so). */
    private boolean closes(char close) {
        skipSpace();
        if (json[at] == close) {
            at++;
            return true;
        }
        return false;
    }

    /** After a member or element: true on a comma, false on {@code close}; anything else gives up. */
    private boolean separates(char close) throws GiveUp {
        skipSpace();
        byte b = json[at++];
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw GIVE_UP;
    }

    private void expect(char c) throws GiveUp {
        skipSpace();
        if (json[at++] != c) {
            throw GIVE_UP;
        }
    }

    private void skipSpace() {
        while (at < json.length) {
            byte b = json[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            at++;
        }
    }

    /** A growing list of ints without boxing. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
