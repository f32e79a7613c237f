package dev.reasoningbank.bench.realerrors;

/**
 * What one policy did with one documented failure over all passes.
 *
 * @param id the corpus entry
 * @param api the API that documents it
 * @param failureClass the kind of failure, shared across APIs
 * @param fixType the corpus' fix ({@code none}: the strategy vocabulary cannot express it)
 * @param tool how the tool talks HTTP (the JDK client's message, or Spring's own exception)
 * @param tasks tasks of this entry (one per pass)
 * @param succeeded tasks that succeeded
 * @param failedCalls calls that failed
 * @param failuresBeforeLearned failed calls in the entry's first task
 * @param repeatedMistakes failed calls whose failure signature had already occurred (server-state kinds never count)
 * @param wrongFixes calls the server accepted with a changed meaning
 * @param learned the fix is expressible, every later task succeeded on its first attempt, with no repeated mistake and no wrong fix
 * @param failsNoCall the documented error, replayed as documented, fails no call (answered with 200 in a body the plain tool returns
 *     as a result and the default judge accepts): no policy can be measured on it
 * @param lesson what the policy's memory holds for it at the end (strategy type), or {@code -}
 */
public record EntryResult(
        String id, String api, String failureClass, String fixType, String tool, int tasks, int succeeded, int failedCalls,
        int failuresBeforeLearned, int repeatedMistakes, int wrongFixes, boolean learned, boolean failsNoCall, String lesson) {

    public boolean expressible() {
        return !CorpusEntry.Fix.NONE.equals(fixType);
    }
}
