package dev.reasoningbank.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import dev.reasoningbank.core.lesson.ErrorKind;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.lesson.Provenance;
import dev.reasoningbank.core.lesson.Strategy;
import dev.reasoningbank.core.lesson.Trigger;
import dev.reasoningbank.core.retrieve.RetrievalQuery;
import dev.reasoningbank.core.retrieve.ScoredLesson;
import dev.reasoningbank.core.store.BankSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingLessonRetrieverTest {

    private static EmbeddingModel minilm;

    private final Lesson dates = lesson("Send dates as yyyy-MM-dd", "The booking API rejects dates such as 03/04/2026; "
            + "format the date argument as ISO yyyy-MM-dd before calling.", "book", ErrorKind.VALIDATION);
    private final Lesson rooms = lesson("Ask for fewer rooms", "The booking API allows at most 4 rooms per request; "
            + "split larger group bookings.", "book", ErrorKind.VALIDATION);
    private final Lesson otherTool = lesson("Weather dates are ISO", "The weather tool wants ISO dates.", "weather", ErrorKind.VALIDATION);

    @BeforeAll
    static void load() {
        minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Test
    void should_rank_the_semantically_related_lesson_first_and_never_return_another_tools_lesson() {
        // given
        EmbeddingLessonRetriever retriever = new EmbeddingLessonRetriever(minilm);
        BankSnapshot snapshot = new BankSnapshot(1, List.of(rooms, dates, otherTool));

        // when
        List<ScoredLesson> found = retriever.retrieve(
                RetrievalQuery.forCall("book", Map.of("date", "12/05/2026"), "the check-in day format was refused by the hotel API"),
                snapshot, 3, 0.0);

        // then
        assertThat(found).extracting(s -> s.lesson().id()).containsExactly(dates.id(), rooms.id());
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void should_leave_out_lessons_below_the_floor() {
        // given
        EmbeddingLessonRetriever retriever = new EmbeddingLessonRetriever(minilm);
        BankSnapshot snapshot = new BankSnapshot(1, List.of(rooms, dates));
        RetrievalQuery query = RetrievalQuery.forCall("book", Map.of(), "invalid date format in the booking request");
        double datesScore = retriever.retrieve(query, snapshot, 3, 0.0).get(0).score();

        // when
        List<ScoredLesson> found = retriever.retrieve(query, snapshot, 3, datesScore - 0.01);

        // then
        assertThat(found).extracting(s -> s.lesson().id()).containsExactly(dates.id());
    }

    @Test
    void should_never_return_a_lesson_whose_conditions_the_call_does_not_meet() {
        // given
        Lesson hostDown = lesson("Skip the old host", "api-old is down.", "book", ErrorKind.HOST_DOWN).toBuilder()
                .id(null).trigger(Trigger.of("book", ErrorKind.HOST_DOWN, "", ArgumentCondition.host("url", "api-old.example"))).build();
        EmbeddingLessonRetriever retriever = new EmbeddingLessonRetriever(minilm);
        BankSnapshot snapshot = new BankSnapshot(1, List.of(hostDown));

        // when
        List<ScoredLesson> otherHost = retriever.retrieve(RetrievalQuery.forCall("book", Map.of("url", "https://api-new.example/x"), "the old host is down"), snapshot, 3, 0.0);
        List<ScoredLesson> sameHost = retriever.retrieve(RetrievalQuery.forCall("book", Map.of("url", "https://api-old.example/x"), ""), snapshot, 3, 0.3);

        // then
        assertThat(otherHost).isEmpty();
        assertThat(sameHost).singleElement().extracting(ScoredLesson::score).isEqualTo(0.6);
    }

    @Test
    void should_embed_each_lesson_once_across_retrievals() {
        // given
        CountingModel counting = new CountingModel(minilm);
        EmbeddingLessonRetriever retriever = new EmbeddingLessonRetriever(counting);
        BankSnapshot snapshot = new BankSnapshot(1, List.of(rooms, dates));

        // when
        retriever.retrieve(RetrievalQuery.forCall("book", Map.of(), "date refused"), snapshot, 1, 0.0);
        int afterFirst = counting.calls.get();
        retriever.retrieve(RetrievalQuery.forCall("book", Map.of(), "date refused"), snapshot, 1, 0.0);
        retriever.retrieve(RetrievalQuery.forCall("book", Map.of(), "too many rooms"), snapshot, 1, 0.0);

        // then: two lessons and one query the first time; one new query after that
        assertThat(afterFirst).isEqualTo(3);
        assertThat(counting.calls.get()).isEqualTo(4);
        assertThat(retriever.cachedLessonEmbeddings()).isEqualTo(2);
    }

    private static Lesson lesson(String title, String content, String tool, ErrorKind kind) {
        return Lesson.builder().title(title).description("").content(content)
                .trigger(Trigger.of(tool, kind, title.toLowerCase(java.util.Locale.ROOT)))
                .strategy(new Strategy.Advice()).provenance(new Provenance("test", "", Instant.EPOCH)).build();
    }

    /** Counts the texts it embeds. */
    private static final class CountingModel implements EmbeddingModel {
        final AtomicInteger calls = new AtomicInteger();
        final EmbeddingModel delegate;

        CountingModel(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            calls.addAndGet(segments.size());
            return delegate.embedAll(segments);
        }
    }
}
