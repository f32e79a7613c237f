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
 * A corpus of error responses, split by API into {@code <track>/dev.json} (rules may be shaped on it) and
 * {@code <track>/held-out.json} (collected by someone who did not read the rules, and never read while writing
 * them). Two tracks: {@value #REAL_ERRORS}, responses as public APIs document them, and {@value #FRAMEWORK_ERRORS},
 * responses as the web frameworks APIs are built on render them by default (each framework counts as one API).
 */
public record Corpus(String track, List<CorpusEntry> entries) {

    public static final String REAL_ERRORS = "real-errors";
    public static final String FRAMEWORK_ERRORS = "framework-errors";
    public static final List<String> TRACKS = List.of(REAL_ERRORS, FRAMEWORK_ERRORS);

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Corpus {
        requireKnown(track);
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

    /** Both halves of the documented responses of public APIs, from the classpath. */
    public static Corpus load() {
        return load(REAL_ERRORS);
    }

    /** Both halves of a track's corpus, from the classpath. */
    public static Corpus load(String track) {
        requireKnown(track);
        List<CorpusEntry> all = new ArrayList<>(read(track + "/dev.json"));
        all.addAll(read(track + "/held-out.json"));
        return new Corpus(track, all);
    }

    private static void requireKnown(String track) {
        if (!TRACKS.contains(track)) {
            throw new IllegalArgumentException("no corpus for track '" + track + "'; corpora: " + String.join(", ", TRACKS));
        }
    }

    @Override
    public String toString() {
        return track + " (" + entries.size() + " responses)";
    }

    /** Whether its responses are web frameworks' defaults rather than public APIs' documented ones. */
    public boolean ofFrameworks() {
        return track.equals(FRAMEWORK_ERRORS);
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
