package dev.reasoningbank.bench.run;

/** Hears how far the run is; the command line draws a progress bar with it. */
public interface ProgressListener {

    ProgressListener SILENT = (policy, done, total) -> {};

    /** {@code done} of {@code total} tasks of all policies are finished; {@code policy} is running. */
    void onProgress(String policy, int done, int total);
}
