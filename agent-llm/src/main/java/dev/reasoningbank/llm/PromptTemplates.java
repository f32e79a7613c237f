package dev.reasoningbank.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates of the LLM reflector, the success reflector, the judge and the lessons block,
 * loaded and validated once at start-up.
 *
 * <p>Each template is a text file {@code <name>.txt} with named placeholders such as
 * {@code {{failure}}}. A template may be split into a {@code [system]} and a {@code [user]} section
 * (each marker on a line of its own): instructions go in the system part, untrusted data in the
 * user part. Templates ship on the classpath under {@code prompts/}; an override directory
 * ({@code --prompts DIR} or {@code RB_PROMPTS_DIR}) replaces them file by file: <b>a template missing
 * from the directory falls back to the classpath one</b>, so a user can experiment with one prompt
 * without copying the others.
 *
 * <p>Loading fails with a {@link PromptTemplateException} naming the file when a template uses a
 * placeholder the code does not provide, lacks the placeholder it needs, or cannot be read.
 * Substituted values are inserted literally: a value that contains {@code {{x}}} is not re-parsed.
 */
public final class PromptTemplates {

    /** The environment variable naming the override directory. */
    public static final String ENV_PROMPTS_DIR = "RB_PROMPTS_DIR";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");
    private static final String SYSTEM_MARKER = "[system]";
    private static final String USER_MARKER = "[user]";

    /** A template the code knows: its name, the placeholders it provides, and the one it requires. */
    public enum Name {
        REFLECT_FAILURE("reflect-failure", "failure",
                "tool", "parameters", "strategies", "transforms", "parameter_sources", "failure", "similar_lessons"),
        REFLECT_SUCCESS("reflect-success", "trajectory",
                "task", "tool", "parameters", "strategies", "transforms", "parameter_sources", "trajectory", "max_lessons"),
        JUDGE("judge", "result", "tool", "arguments", "result"),
        LESSONS_BLOCK("lessons-block", "lessons", "lessons");

        private final String fileName;
        private final String required;
        private final Set<String> provided;

        Name(String fileName, String required, String... provided) {
            this.fileName = fileName;
            this.required = required;
            this.provided = Set.copyOf(List.of(provided));
        }

        /** The file's base name, e.g. {@code reflect-failure}. */
        public String fileName() {
            return fileName;
        }

        /** The placeholders the code provides when it renders this template. */
        public Set<String> provided() {
            return provided;
        }
    }

    /**
     * A loaded template.
     *
     * @param name which template
     * @param source where it was read from, for messages
     * @param system the system part, empty when the template has no sections
     * @param user the user part (the whole text when the template has no sections)
     * @param placeholders the placeholders it uses
     */
    public record Template(Name name, String source, String system, String user, Set<String> placeholders) {}

    /**
     * A rendered prompt.
     *
     * @param system the system message, empty when the template has none
     * @param user the user message (for the lessons block: the whole block)
     */
    public record Rendered(String system, String user) {}

    private final Map<Name, Template> templates;

    private PromptTemplates(Map<Name, Template> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The templates shipped on the classpath. */
    public static PromptTemplates classpath() {
        return load(null);
    }

    /**
     * The templates of {@code directoryOrNull} where it has them, the classpath ones otherwise ({@code null}: all of them).
     *
     * @throws PromptTemplateException when the directory does not exist or a template is invalid
     */
    public static PromptTemplates load(@Nullable Path directoryOrNull) {
        Optional<Path> directory = Optional.ofNullable(directoryOrNull);
        directory.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new PromptTemplateException("prompts directory " + dir.toAbsolutePath()
                        + " does not exist or is not a directory (set by --prompts or " + ENV_PROMPTS_DIR + ")");
            }
            rejectUnknownTemplates(dir);
        });
        Map<Name, Template> loaded = new LinkedHashMap<>();
        for (Name name : Name.values()) {
            Optional<Path> file = directory.map(dir -> dir.resolve(name.fileName() + ".txt")).filter(Files::isRegularFile);
            String source = file.map(f -> f.toAbsolutePath().toString()).orElse("classpath:prompts/" + name.fileName() + ".txt");
            String text = file.isPresent() ? read(file.get()) : readClasspath(name);
            loaded.put(name, parse(name, source, text));
        }
        return new PromptTemplates(loaded);
    }

    /** A {@code .txt} file that names no template is a typo that would silently leave the built-in one in use. */
    private static void rejectUnknownTemplates(Path dir) {
        java.util.Set<String> known = java.util.Arrays.stream(Name.values()).map(n -> n.fileName() + ".txt")
                .collect(java.util.stream.Collectors.toSet());
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> unknown = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") && !known.contains(n)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new PromptTemplateException("prompts directory " + dir.toAbsolutePath() + " has " + unknown
                        + ", which is no template; the templates are " + known.stream().sorted().toList()
                        + " (a template left out falls back to the built-in one)");
            }
        } catch (java.io.IOException e) {
            throw new PromptTemplateException("prompts directory " + dir.toAbsolutePath() + " cannot be listed: " + e.getMessage());
        }
    }

    /** The templates from the {@code --prompts} directory if given, else from {@code RB_PROMPTS_DIR}, else the classpath. */
    public static PromptTemplates fromEnvironment(Map<String, String> env, @Nullable Path promptsDir) {
        Optional<Path> dir = Optional.ofNullable(promptsDir).or(() -> Optional.ofNullable(env.get(ENV_PROMPTS_DIR))
                .filter(s -> !s.isBlank()).map(Path::of));
        return load(dir.orElse(null));
    }

    public Template template(Name name) {
        return Objects.requireNonNull(templates.get(name), () -> "no template " + name + ": every template is loaded at start-up");
    }

    /**
     * Renders a template. {@code values} must hold a value for every placeholder the template uses and
     * no name the template does not know.
     *
     * @throws PromptTemplateException naming the placeholder that has no value or is unknown
     */
    public Rendered render(Name name, Map<String, String> values) {
        Template template = template(name);
        for (String key : values.keySet()) {
            if (!name.provided().contains(key)) {
                throw new PromptTemplateException("template '" + name.fileName() + "' has no placeholder {{" + key
                        + "}}; its placeholders are " + sorted(name.provided()));
            }
        }
        for (String used : template.placeholders()) {
            if (values.get(used) == null) {
                throw new PromptTemplateException("no value for placeholder {{" + used + "}} of template '"
                        + name.fileName() + "' (" + template.source() + ")");
            }
        }
        return new Rendered(substitute(template.system(), values), substitute(template.user(), values));
    }

    private static Template parse(Name name, String source, String text) {
        String normalized = text.replace("\r\n", "\n");
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(normalized);
        while (m.find()) {
            used.add(m.group(1));
        }
        List<String> unknown = new ArrayList<>();
        for (String placeholder : used) {
            if (!name.provided().contains(placeholder)) {
                unknown.add("{{" + placeholder + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new PromptTemplateException("template '" + name.fileName() + "' (" + source + ") uses " + String.join(", ", unknown)
                    + ", which the code does not provide; available placeholders: " + sorted(name.provided()));
        }
        if (!used.contains(name.required)) {
            throw new PromptTemplateException("template '" + name.fileName() + "' (" + source + ") must use the placeholder {{"
                    + name.required + "}}");
        }
        String system = "";
        String user = normalized;
        int systemAt = markerLine(normalized, SYSTEM_MARKER);
        int userAt = markerLine(normalized, USER_MARKER);
        if (systemAt >= 0 || userAt >= 0) {
            if (systemAt < 0 || userAt < 0 || userAt < systemAt) {
                throw new PromptTemplateException("template '" + name.fileName() + "' (" + source + ") must have a "
                        + SYSTEM_MARKER + " line followed by a " + USER_MARKER + " line, or neither");
            }
            system = normalized.substring(systemAt + SYSTEM_MARKER.length(), userAt).strip();
            user = normalized.substring(userAt + USER_MARKER.length()).strip();
        } else {
            user = normalized.strip();
        }
        return new Template(name, source, system, user, Set.copyOf(used));
    }

    private static int markerLine(String text, String marker) {
        if (text.startsWith(marker + "\n")) {
            return 0;
        }
        int at = text.indexOf("\n" + marker + "\n");
        return at < 0 ? -1 : at + 1;
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PromptTemplateException("cannot read prompt template " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String readClasspath(Name name) {
        String resource = "prompts/" + name.fileName() + ".txt";
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new PromptTemplateException("prompt template " + resource + " is missing from the classpath; "
                        + "the agent-llm jar is incomplete (it packages the prompts/ folder)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().map(n -> "{{" + n + "}}").toList();
    }
}
