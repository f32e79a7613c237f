package dev.reasoningbank.bench.realerrors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.tool.ToolCall;
import dev.reasoningbank.core.tool.ToolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both corpora as collected (public APIs' documented errors, web frameworks' defaults), and what core understands of every response in them. */
class CorpusTest {

    private static final Corpus CORPUS = Corpus.load();

    static List<Corpus> corpora() {
        return Corpus.TRACKS.stream().map(Corpus::load).toList();
    }

    @Test
    void holds_at_least_60_responses_of_12_apis_split_by_api_with_their_sources() {
        assertThat(CORPUS.entries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CORPUS.apis()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(CORPUS.split(CorpusEntry.DEV)).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CORPUS.split(CorpusEntry.HELD_OUT)).hasSizeGreaterThanOrEqualTo(30);
        for (CorpusEntry e : CORPUS.entries()) {
            assertThat(e.source()).as(e.id()).containsPattern("https?://\\S+|\\S+/\\S+");
            assertThat(e.response().status()).as(e.id()).isBetween(200, 599);
            assertThat(e.tool()).as(e.id()).isNotBlank();
        }
        Corpus frameworks = Corpus.load(Corpus.FRAMEWORK_ERRORS);
        assertThat(frameworks.apis()).as("frameworks").hasSizeGreaterThanOrEqualTo(10);
        assertThat(frameworks.split(CorpusEntry.HELD_OUT)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(frameworks.entries()).allSatisfy(e -> assertThat(e.source()).as(e.id()).containsPattern("https?://\\S+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_fix_names_what_the_replay_server_checks(Corpus corpus) {
        for (CorpusEntry e : corpus.entries()) {
            CorpusEntry.Fix fix = e.fix();
            switch (fix.type()) {
                case "clamp" -> assertThat(fix.max()).as(e.id()).isNotNull();
                case "case" -> assertThat(fix.expected()).as(e.id()).isNotBlank();
                case "date-format" -> assertThat(fix.pattern() + fix.intended()).as(e.id()).doesNotContain("null");
                case "successor", "default" -> assertThat(fix.value()).as(e.id()).isNotBlank();
                case "credential" -> assertThat(e.arguments()).as(e.id()).containsKey(fix.parameter());
                case "none" -> assertThat(fix.reason()).as(e.id()).isNotBlank();
                default -> assertThat(fix.type()).as(e.id()).isEqualTo("retry");
            }
            if (!fix.type().equals("retry") && !fix.type().equals("none")) {
                assertThat(e.parameters()).as(e.id()).contains(fix.parameter());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_servers_message_is_read_apart_from_its_wrapping_for_every_dev_response_and_nearly_every_held_out_one(Corpus corpus) {
        List<String> dev = corpus.split(CorpusEntry.DEV).stream().filter(e -> !readApart(e)).map(CorpusEntry::id).toList();
        assertThat(dev).as("dev responses whose message keeps its wrapping").isEmpty();
        // the rules are shaped on dev only: a held-out response is measured, never read, so only the share is checked (and no id is shown)
        List<CorpusEntry> heldOut = corpus.split(CorpusEntry.HELD_OUT);
        long read = heldOut.stream().filter(CorpusTest::readApart).count();
        assertThat(read).as("held-out responses whose message is read apart from its wrapping, of " + heldOut.size())
                .isGreaterThanOrEqualTo(Math.round(heldOut.size() * 0.9));
    }

    /** Whether the message core reads from the body holds the server's words, without a JSON key and its value or XML markup. */
    private static boolean readApart(CorpusEntry e) {
        if (e.response().body().isBlank()) {
            return true;
        }
        String message = failure(e, e.response().body()).message();
        // a JSON key with its value left in; a quoted name in prose ("constraint "pk": Key (k)=…") is the server's words
        return !message.isBlank() && !message.contains("{\"") && !Pattern.compile("\"\\w+\"\\s*:\\s*([\"{\\[\\d]|true|false|null)").matcher(message).find()
                && !message.contains("<Error>") && !message.contains("</");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void two_different_server_messages_never_share_a_signature_in_dev_and_nearly_never_in_the_held_out_half(Corpus corpus) {
        Map<String, CorpusEntry> firstBySignature = new HashMap<>();
        List<String> devClashes = new ArrayList<>();
        long heldOutClashes = 0;
        for (CorpusEntry e : corpus.entries()) {
            Failure failure = failure(e, e.response().body());
            CorpusEntry earlier = firstBySignature.putIfAbsent(failure.signature(), e);
            if (earlier != null && !words(e).equals(words(earlier))) {
                if (e.split().equals(CorpusEntry.DEV) && earlier.split().equals(CorpusEntry.DEV)) {
                    devClashes.add(e.id() + " shares the signature '" + failure.signature() + "' with " + earlier.id() + ", a message of other words");
                } else {
                    heldOutClashes++;
                }
            }
        }
        assertThat(devClashes).isEmpty();
        // the rules are shaped on dev only: a clash that involves a held-out response is counted, never shown
        int heldOut = corpus.split(CorpusEntry.HELD_OUT).size();
        assertThat(heldOutClashes).as("held-out responses that share a signature with a message of other words, of " + heldOut)
                .isLessThanOrEqualTo(heldOut / 20);
        assertThat(firstBySignature).hasSizeGreaterThan(corpus.entries().size() * 3 / 4);
    }

    private static String words(CorpusEntry e) {
        Failure failure = failure(e, e.response().body());
        return words(failure.errorCode() + " " + failure.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_same_message_with_other_values_always_shares_its_signature(Corpus corpus) {
        for (CorpusEntry e : corpus.entries()) {
            String body = e.response().body();
            String otherValues = withOtherValues(body);
            assertThat(failure(e, otherValues).signature()).as("%s: %s", e.id(), otherValues)
                    .isEqualTo(failure(e, body).signature());
        }
    }

    /** The response as the tool of the track throws it. */
    private static Failure failure(CorpusEntry e, String body) {
        CorpusEntry.Response r = e.response();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        Throwable error = r.status() >= 400 ? ToolException.response(r.status(), headers, body, "api.example.com")
                : new IllegalStateException(e.tool() + " answered with an error: " + body);
        return Failure.of(new ToolCall(e.id(), e.arguments()), error);
    }

    /**
     * The distinct words of a message, in any order: a code that repeats the message ("missing_scope: missing scope") says nothing new, and a
     * path or a URL is a value ("Cannot GET /api/user" and "Cannot GET /api/server-info" say one thing of two endpoints).
     */
    private static String words(String text) {
        return Pattern.compile("[A-Za-z]{3,}").matcher(text.replaceAll("\\S*://\\S*|\"[^\"]*\"|'[^']*'|\\S*\\d\\S*|(?<!\\S)/\\S+", " ")).results()
                .map(m -> m.group().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().collect(Collectors.joining(" "));
    }

    /**
     * Every number a different number, every id a different id: what a second occurrence of the same error looks like.
     * A number in a name ({@code ISO-8601}, {@code UTF-8}) or in an HTML character reference ({@code &#39;}) is no value.
     */
    private static String withOtherValues(String body) {
        Matcher number = Pattern.compile("(?<![A-Za-z_\\d])(?<![A-Za-z]-)(?<!&#)\\d{1,12}(?![A-Za-z_\\d])").matcher(body);
        StringBuilder out = new StringBuilder();
        while (number.find()) {
            String n = number.group();
            long value = Long.parseLong(n);
            String other = String.valueOf((value + 7) % (long) Math.pow(10, n.length()));
            if (n.charAt(0) != '0' && other.length() < n.length()) {
                other = String.valueOf(value - 7); // 997 is not 004: a number keeps its length without a leading zero (JSON has none)
            }
            number.appendReplacement(out, "0".repeat(Math.max(0, n.length() - other.length())) + other);
        }
        number.appendTail(out);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void a_credential_the_server_rejected_is_sent_as_a_valid_one_by_no_other_call_of_its_tool(Corpus corpus) {
        // the bank rightly replaces a key it has seen rejected when the same tool sends it again: a call that sends that key
        // and fails for another reason would count the replacement as a wrong fix
        Map<String, String> rejected = new HashMap<>();
        corpus.entries().stream().filter(e -> e.fix().type().equals("credential"))
                .forEach(e -> rejected.put(e.tool() + " " + e.fix().parameter() + "=" + e.arguments().get(e.fix().parameter()), e.id()));
        long reused = corpus.entries().stream().filter(e -> !e.fix().type().equals("credential"))
                .filter(e -> e.arguments().entrySet().stream().anyMatch(a -> rejected.containsKey(e.tool() + " " + a.getKey() + "=" + a.getValue())))
                .count();
        assertThat(reused).as("calls that send a credential another entry of their tool documents as rejected").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_halves_share_no_api(Corpus corpus) {
        Set<String> dev = corpus.split(CorpusEntry.DEV).stream().map(CorpusEntry::api).collect(Collectors.toSet());
        assertThat(corpus.split(CorpusEntry.HELD_OUT)).noneMatch(e -> dev.contains(e.api()));
    }
}
