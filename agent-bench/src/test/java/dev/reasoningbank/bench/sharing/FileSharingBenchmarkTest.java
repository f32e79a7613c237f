package dev.reasoningbank.bench.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-sharing measurement, small: real worker processes on one bank file, every acknowledged lesson kept. */
class FileSharingBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void one_and_two_processes_memorize_into_one_bank_file_and_lose_nothing() throws Exception {
        FileSharingBenchmark.Result result = FileSharingBenchmark.run(folder, 50, 2, 20, 1);

        assertThat(result.oneProcess().heldAfter()).containsExactly(50 + 2 * 20);
        assertThat(result.twoProcesses().heldAfter()).containsExactly(50 + 2 * 2 * 20);
        assertThat(result.nothingLost()).isTrue();
        assertThat(result.oneProcess().median()).isPositive();
        assertThat(result.twoProcesses().median()).isPositive();
        // measured and reported; no upper bound here: a process's processor time comes in clock ticks (10 ms) and includes its JIT
        // and GC threads, so over a round of a few milliseconds on a busy machine the ratio can exceed the number of cores
        assertThat(result.oneProcess().medianCoresBusy()).as("the workers' processor time over the round's").isPositive();
        assertThat(folder.toFile().list()).as("the banks are removed after each round").isEmpty();
    }
}
