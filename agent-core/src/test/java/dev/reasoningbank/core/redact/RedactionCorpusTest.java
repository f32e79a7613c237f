package dev.reasoningbank.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redaction against a corpus it was not written with: 412 secrets of gitleaks rule families (synthetic
 * values matching the rules' own regular expressions) inside realistic error texts, and 430 ordinary API
 * error texts, CLI output and lesson sentences that must stay as they are. Split by family and by API;
 * each held-out half was written by someone who had not read the redactor.
 *
 * <p>First measures of each held-out half, before anything was changed for it (each was then read to fix
 * what it found, and joined dev when the next one came): 3/46 leaked and 1/40 altered; 0/60 and 6/70;
 * 3/70 and 13/74; 7/76 and 17/89; 4/118 and 25/117; 9/116 and 25/115 (the sixth, below, not yet read). Recall holds near the bar on unseen text; precision
 * does not: each new half finds ordinary values read as secrets (placeholders, masks, digests, ARNs,
 * stack frames, cursors, S3 keys, escaped line breaks), so the held-out precision bar (2 %) has never been
 * met at a first measure.
 */
class RedactionCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Score(int total, int missed, List<String> misses) {
        double rate() {
            return total == 0 ? 0 : (double) missed / total;
        }
    }

    static JsonNode load(String name) throws IOException {
        try (InputStream in = RedactionCorpusTest.class.getResourceAsStream("/redaction/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Secrets any part of which survives redaction. */
    static Score leaks(String file) throws IOException {
        List<String> misses = new ArrayList<>();
        JsonNode entries = load(file);
        for (JsonNode e : entries) {
            String redacted = Redactor.standard().redact(e.get("text").asText());
            List<String> parts = new ArrayList<>();
            parts.add(e.get("secret").asText());
            e.path("parts").forEach(p -> parts.add(p.asText()));
            if (parts.stream().anyMatch(redacted::contains)) {
                misses.add(e.get("id").asText());
            }
        }
        return new Score(entries.size(), misses.size(), misses);
    }

    /** Benign texts redaction changed. */
    static Score mangled(String file) throws IOException {
        List<String> misses = new ArrayList<>();
        JsonNode entries = load(file);
        for (JsonNode e : entries) {
            String text = e.get("text").asText();
            if (!Redactor.standard().redact(text).equals(text)) {
                misses.add(e.get("id").asText());
            }
        }
        return new Score(entries.size(), misses.size(), misses);
    }

    @Test
    void measures_recall_and_precision_on_both_halves() throws IOException {
        Score devLeaks = leaks("secrets-dev.json");
        Score heldOutLeaks = leaks("secrets-held-out.json");
        Score devMangled = mangled("benign-dev.json");
        Score heldOutMangled = mangled("benign-held-out.json");
        System.out.printf("redaction: secrets leaked dev %d/%d %s, held-out %d/%d %s; benign altered dev %d/%d %s, held-out %d/%d %s%n",
                devLeaks.missed(), devLeaks.total(), devLeaks.misses(), heldOutLeaks.missed(), heldOutLeaks.total(), heldOutLeaks.misses(),
                devMangled.missed(), devMangled.total(), devMangled.misses(), heldOutMangled.missed(), heldOutMangled.total(), heldOutMangled.misses());
        assertThat(devLeaks.total() + heldOutLeaks.total()).isGreaterThanOrEqualTo(60);
        assertThat(devMangled.total() + heldOutMangled.total()).isGreaterThanOrEqualTo(60);
        // the dev half meets the bar: at least 98 % of secrets redacted, at most 2 % of ordinary texts altered
        assertThat(devLeaks.rate()).as("dev secrets leaked: %s", devLeaks.misses()).isLessThanOrEqualTo(0.02);
        assertThat(devMangled.rate()).as("dev texts altered: %s", devMangled.misses()).isLessThanOrEqualTo(0.02);
        // the current held-out half since it was read: 2 leaks (a token cut in two by a log line's prefix, a SIM PIN sent
        // in an AT command) and 4 altered: an AWS signature header whose credential and signature are placeholders,
        // key=settings.JWT_PUBLIC_KEY (a reference in code), and, since a review showed that a mask or an ellipsis must never
        // shelter a real key, a truncated token after "token:" and a webhook URL whose path is a row of X (redacted: safer)
        assertThat(heldOutLeaks.missed()).as("held-out secrets leaked: %s", heldOutLeaks.misses()).isLessThanOrEqualTo(2);
        assertThat(heldOutMangled.missed()).as("held-out texts altered: %s", heldOutMangled.misses()).isLessThanOrEqualTo(4);
    }

    /**
     * The sixth half, written by someone who had not read the redactor, measured once and not yet read: its
     * first measure (9 of 116 secrets leaked, 25 of 115 ordinary texts altered) is the bound, so that nothing
     * done before it is read makes it worse. It becomes the held-out half when the next one comes.
     */
    @Test
    void the_next_half_is_no_worse_than_its_first_measure() throws IOException {
        Score leaks = leaks("secrets-next.json");
        Score mangled = mangled("benign-next.json");
        System.out.printf("redaction, next half: secrets leaked %d/%d %s; benign altered %d/%d %s%n",
                leaks.missed(), leaks.total(), leaks.misses(), mangled.missed(), mangled.total(), mangled.misses());
        assertThat(leaks.total()).isEqualTo(116);
        assertThat(mangled.total()).isEqualTo(115);
        assertThat(leaks.missed()).as("next-half secrets leaked: %s", leaks.misses()).isLessThanOrEqualTo(9);
        assertThat(mangled.missed()).as("next-half texts altered: %s", mangled.misses()).isLessThanOrEqualTo(25);
    }
}
