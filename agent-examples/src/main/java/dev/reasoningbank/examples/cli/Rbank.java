package dev.reasoningbank.examples.cli;

import dev.reasoningbank.bench.cli.BenchCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rbank}: the ReasoningBank command line — the seed demo and the tools to curate a bank. */
@Command(
        name = "rbank",
        mixinStandardHelpOptions = true,
        version = "rbank 0.1.0",
        description = "ReasoningBank for Java: agents that stop repeating their mistakes.",
        subcommands = {DemoCommand.class, ChatCommand.class, BankCommand.class, BenchCommand.class})
public final class Rbank implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final Map<String, String> env;

    Rbank(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rbank: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command line; returns the exit code (0 success, 1 failure, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new Rbank(env));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("rbank: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }
}
