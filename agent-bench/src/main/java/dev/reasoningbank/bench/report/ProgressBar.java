package dev.reasoningbank.bench.report;

import dev.reasoningbank.bench.run.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on the terminal's error stream, redrawn only when it changes. */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private String last = "";

    public ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(String policy, int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " tasks  policy " + policy;
        if (!line.equals(last)) {
            err.print("\r" + line);
            err.flush();
            last = line;
        }
        if (done == total) {
            err.println();
            err.flush();
        }
    }
}
