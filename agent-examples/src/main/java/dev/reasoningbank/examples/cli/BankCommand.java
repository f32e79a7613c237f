package dev.reasoningbank.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reasoningbank.core.bank.InvalidLessonException;
import dev.reasoningbank.core.bank.MemorizeResult;
import dev.reasoningbank.core.bank.ReasoningBank;
import dev.reasoningbank.core.lesson.Lesson;
import dev.reasoningbank.core.store.JsonFileLessonStore;
import java.util.Map;
import dev.reasoningbank.postgres.PostgresLessonStore;
import dev.reasoningbank.core.store.LessonStore;
import dev.reasoningbank.core.store.LessonJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rbank bank ...}: see and curate what the agent learned. */
@Command(name = "bank", mixinStandardHelpOptions = true,
        description = "See and curate the lessons in a bank.",
        subcommands = {BankCommand.ListLessons.class, BankCommand.Show.class, BankCommand.Retire.class, BankCommand.Trust.class,
                BankCommand.Export.class, BankCommand.Import.class, BankCommand.Copy.class})
final class BankCommand implements Callable<Integer> {

    @ParentCommand
    Rbank rbank;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rbank bank: a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** Options every bank subcommand shares. */
    abstract static class BankSubcommand implements Callable<Integer> {
        @ParentCommand
        BankCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--bank", paramLabel = "FILE|JDBC-URL",
                description = "the bank file, or a PostgreSQL bank (jdbc:postgresql://host/db; user and password from PGUSER and "
                        + "PGPASSWORD, the bank's name from RB_PG_BANK, default 'default'); default: $RB_BANK or ~/.reasoningbank/bank.json")
        String bank;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        ReasoningBank open() {
            return ReasoningBank.builder().store(store(bank)).build();
        }

        /** A file bank, or a PostgreSQL one for a {@code jdbc:postgresql:} URL. */
        LessonStore store(String where) {
            Map<String, String> env = parent.rbank.env;
            if (where != null && where.startsWith("jdbc:")) {
                return PostgresLessonStore.open(where, env.get("PGUSER"), env.get("PGPASSWORD"), env.getOrDefault("RB_PG_BANK", "default"));
            }
            return JsonFileLessonStore.open(BankFiles.orDefault(where == null ? null : Path.of(where), env));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Lesson find(ReasoningBank memory, String id) {
            return memory.lesson(id).orElseThrow(() -> new IllegalArgumentException(
                    "no lesson '" + id + "' in " + memory.store().describe() + "; `rbank bank list` shows the ids"));
        }

        /** Changes one lesson's status by hand and says what happened: retire, trust. */
        int change(String id, String done, java.util.function.BiFunction<ReasoningBank, String, java.util.Optional<Lesson>> change)
                throws JsonProcessingException {
            try (ReasoningBank memory = open()) {
                find(memory, id);
                Lesson changed = change.apply(memory, id).orElseThrow();
                out().println(json ? compact(changed) : done + " " + id + ": " + changed.title());
            }
            return 0;
        }

        static String compact(Object value) throws JsonProcessingException {
            return LessonJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the lessons: id, status, strategy, title, stats.")
    static final class ListLessons extends BankSubcommand {
        @Override
        public Integer call() throws Exception {
            try (ReasoningBank memory = open()) {
                List<Lesson> lessons = memory.lessons();
                if (json) {
                    ArrayNode array = LessonJson.mapper().createArrayNode();
                    for (Lesson l : lessons) {
                        ObjectNode node = array.addObject();
                        node.put("id", l.id()).put("title", l.title()).put("strategy", l.strategy().type())
                                .put("status", l.status().name()).put("tool", l.trigger().tool())
                                .put("errorKind", l.trigger().errorKind().name());
                        node.set("stats", LessonJson.mapper().valueToTree(l.stats()));
                        node.put("expiresAt", l.expiresAt() == null ? null : l.expiresAt().toString());
                        node.put("supersededBy", l.supersededBy());
                        node.put("refinement", l.refinement());
                    }
                    out().println(compact(array));
                } else if (lessons.isEmpty()) {
                    out().println("No lessons in " + memory.store().describe() + " yet. `rbank demo` learns some.");
                } else {
                    int width = Math.max(13, lessons.stream().mapToInt(l -> l.id().length()).max().orElse(13));
                    String row = "%-" + width + "s %-10s %-16s %-9s %s%n";
                    out().printf(row, "ID", "STATUS", "STRATEGY", "USED", "TITLE (FROM)");
                    for (Lesson l : lessons) {
                        // the history: what replaced a lesson that did not work, or was retired
                        String history = l.supersededBy() == null ? "" : "  -> " + l.supersededBy();
                        out().printf(row, l.id(), l.status(), l.strategy().type(),
                                l.stats().helped() + "+/" + l.stats().hurt() + "-", l.title() + " (" + l.provenance().reflector() + ")" + history);
                    }
                    out().println(lessons.size() + " lesson" + (lessons.size() == 1 ? "" : "s") + " in " + memory.store().describe());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one lesson in full.")
    static final class Show extends BankSubcommand {
        @Parameters(paramLabel = "ID", description = "the lesson's id")
        String id;

        @Override
        public Integer call() throws Exception {
            try (ReasoningBank memory = open()) {
                Lesson lesson = find(memory, id);
                out().println(json ? compact(lesson) : LessonJson.mapper().writeValueAsString(lesson));
            }
            return 0;
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire a lesson: it is kept but no longer used.")
    static final class Retire extends BankSubcommand {
        @Parameters(paramLabel = "ID", description = "the lesson's id")
        String id;

        @Override
        public Integer call() throws Exception {
            return change(id, "Retired", (memory, lesson) -> memory.retire(lesson, "retired by hand"));
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Trust a lesson you have checked (a model's or an imported one starts as a candidate).")
    static final class Trust extends BankSubcommand {
        @Parameters(paramLabel = "ID", description = "the lesson's id")
        String id;

        @Override
        public Integer call() throws Exception {
            return change(id, "Trusted", ReasoningBank::trust);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every lesson to FILE as a JSON array.")
    static final class Export extends BankSubcommand {
        @Parameters(paramLabel = "FILE", description = "where to write the lessons")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (ReasoningBank memory = open()) {
                List<Lesson> lessons = memory.lessons();
                Files.writeString(file, LessonJson.writeLessons(lessons));
                out().println(json ? compact(java.util.Map.of("exported", lessons.size(), "file", file.toString()))
                        : "Exported " + lessons.size() + " lessons to " + file);
            }
            return 0;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy every lesson of the bank, as it is (status and counters included), into TARGET: a bank file or a "
                    + "PostgreSQL bank (jdbc:postgresql://...), in one transaction.")
    static final class Copy extends BankSubcommand {
        @Parameters(paramLabel = "FILE|JDBC-URL", description = "the bank to copy into; lessons with the same id are replaced")
        String target;

        @Override
        public Integer call() throws Exception {
            try (LessonStore from = store(bank); LessonStore to = store(target)) {
                List<Lesson> lessons = from.snapshot().lessons();
                to.update(set -> {
                    lessons.forEach(set::put);
                    return null;
                });
                out().println(json ? compact(Map.of("copied", lessons.size(), "from", from.describe(), "to", to.describe()))
                        : "Copied " + lessons.size() + " lessons from " + from.describe() + " to " + to.describe());
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the lessons of FILE (a JSON array from export); a lesson with a known trigger is merged.")
    static final class Import extends BankSubcommand {
        @Parameters(paramLabel = "FILE", description = "a JSON array of lessons")
        Path file;

        @picocli.CommandLine.Option(names = "--trust", description = "keep the lessons' trusted status (default: they start as candidates)")
        boolean trust;

        @Override
        public Integer call() throws Exception {
            List<Lesson> lessons;
            try {
                lessons = LessonJson.readLessons(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("cannot import: " + file + " does not exist");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot import " + file + ": it " + LessonJson.explain(e) + "; nothing was imported");
            }
            // imported lessons are untrusted text: they start as candidates unless the user vouches for them
            List<Lesson> incoming = lessons.stream()
                    .map(l -> trust || !l.isActive() ? l : l.withStatus(dev.reasoningbank.core.lesson.LessonStatus.CANDIDATE))
                    .toList();
            List<MemorizeResult> results;
            try (ReasoningBank memory = open()) {
                results = memory.memorizeAll(incoming);
            } catch (InvalidLessonException invalid) {
                throw new IllegalArgumentException("cannot import " + file + ": " + invalid.problems().size() + " problem(s): "
                        + String.join("; ", invalid.problems()) + "; nothing was imported");
            }
            int added = (int) results.stream().filter(MemorizeResult::created).count();
            int merged = results.size() - added;
            out().println(json ? compact(java.util.Map.of("added", added, "merged", merged))
                    : "Imported " + lessons.size() + " lessons from " + file + ": " + added + " added, " + merged + " merged");
            return 0;
        }
    }
}
