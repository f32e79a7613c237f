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
 * Redaction against a corpus it was not written with: 1,982 secrets of gitleaks rule families (synthetic
 * values matching the rules' own regular expressions) and generic forms inside realistic error texts, and
 * 1,983 ordinary API error texts, CLI output and lesson sentences that must stay as they are. Split by family
 * and by API; each held-out half was written by someone who had not read the redactor.
 *
 * <p>First measures of each held-out half, before anything was changed for it (each but the last was then read
 * to fix what it found, and joined dev when the next one came): 3/46 leaked and 1/40 altered; 0/60 and 6/70;
 * 3/70 and 13/74; 7/76 and 17/89; 4/118 and 25/117; 9/116 and 25/115; 7/117 and 17/116; 8/124 and 2/123;
 * 9/123 and 8/121; 8/96 and 5/99; 9/108 and 13/108; 4/106 and 9/108; 5/110 and 5/107; 2/109 and 3/107; 5/114 and 13/114;
 * 2/114 and 14/110; 11/114 and 17/112; 6/106 and 17/117; 2/113 and 1/96 (the current one, left unread, so its figures are a true
 * held-out measure). Recall at a first measure has ranged from 90 to 100 % (the last three: 90.4, 94.3, 98.2 %), and precision has
 * met the 2 % bar twice (the last three altered 15.2, 14.5, 1.0 %): each half brings secrets in a form not seen before and ordinary values
 * read as secrets.
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
        // the current held-out half (the nineteenth) was not read: these are its first measure, kept as floors
        assertThat(heldOutLeaks.missed()).as("held-out secrets leaked: %s", heldOutLeaks.misses()).isLessThanOrEqualTo(2);
        assertThat(heldOutMangled.missed()).as("held-out texts altered: %s", heldOutMangled.misses()).isLessThanOrEqualTo(1);
    }
}
