package dev.reasoningbank.bench.realerrors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The corpus of documented error responses, split by API: {@code real-errors/dev.json} (rules may be
 * shaped on it) and {@code real-errors/held-out.json} (written from the APIs' documentation by someone
 * who did not read the rules, and never read while writing them).
 */
public record Corpus(List<CorpusEntry> entries) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Corpus {
        entries = List.copyOf(entries);
        Set<String> ids = new HashSet<>();
        for (CorpusEntry e : entries) {
            if (!ids.add(e.id())) {
                throw new IllegalStateException("corpus entry id '" + e.id() + "' appears twice");
            }
            if (!CorpusEntry.Fix.TYPES.contains(e.fix().type())) {
                throw new IllegalStateException("corpus entry '" + e.id() + "' has fix type '" + e.fix().type() + "'; known: " + CorpusEntry.Fix.TYPES);
            }
            if (!CorpusEntry.DEV.equals(e.split()) && !CorpusEntry.HELD_OUT.equals(e.split())) {
                throw new IllegalStateException("corpus entry '" + e.id() + "' has split '" + e.split() + "'; known: dev, heldOut");
            }
        }
        Set<String> devApis = apis(entries, CorpusEntry.DEV);
        Set<String> shared = new TreeSet<>(apis(entries, CorpusEntry.HELD_OUT));
        shared.retainAll(devApis);
        if (!shared.isEmpty()) {
            throw new IllegalStateException("the corpus is split by API, but " + shared + " are in both halves");
        }
    }

    /** Both halves, from the classpath. */
    public static Corpus load() {
        List<CorpusEntry> all = new ArrayList<>(read("real-errors/dev.json"));
        all.addAll(read("real-errors/held-out.json"));
        return new Corpus(all);
    }

    public List<CorpusEntry> split(String name) {
        return entries.stream().filter(e -> e.split().equals(name)).toList();
    }

    public Set<String> apis() {
        Set<String> apis = new LinkedHashSet<>();
        entries.forEach(e -> apis.add(e.api()));
        return apis;
    }

    private static Set<String> apis(List<CorpusEntry> entries, String split) {
        Set<String> apis = new HashSet<>();
        entries.stream().filter(e -> e.split().equals(split)).forEach(e -> apis.add(e.api()));
        return apis;
    }

    private static List<CorpusEntry> read(String resource) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the corpus file " + resource + " is not on the class path");
            }
            return JSON.readValue(in, new TypeReference<List<CorpusEntry>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus file " + resource + ": " + e.getMessage(), e);
        }
    }
}
