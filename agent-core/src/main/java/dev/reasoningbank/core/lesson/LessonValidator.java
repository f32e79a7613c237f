package dev.reasoningbank.core.lesson;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a lesson is safe to store and to act on: no secret in any field, action fields that
 * are plain names or values (no URLs with credentials, no commands), and parameters that exist on the
 * tool. Returns every problem found, so a model can be asked to fix them all at once.
 */
@Internal
public final class LessonValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:/@+-]{1,200}");
    static final Pattern COMMAND = Pattern.compile("[;|&`$<>\\\\]|\\.\\./");

    private LessonValidator() {}

    /**
     * The problems of the lesson; empty when it is valid.
     *
     * @param toolParameters the tool's parameter names, or an empty list when they are not known
     */
    public static List<String> problems(Lesson lesson, List<String> toolParameters) {
        return problems(lesson, toolParameters, false);
    }

    /**
     * The problems of a lesson whose title, description and content were just redacted, so they are not
     * searched for secrets again; empty when it is valid.
     */
    public static List<String> problemsOfRedacted(Lesson lesson) {
        return problems(lesson, List.of(), true);
    }

    private static List<String> problems(Lesson lesson, List<String> toolParameters, boolean textsRedacted) {
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(lesson.id()).matches()) {
            problems.add("id must be 1-64 letters, digits or _.:- but was '" + cut(lesson.id()) + "'");
        }
        noControlCharacters(problems, "title", lesson.title().replace('\n', '\u0000'));
        noControlCharacters(problems, "description", lesson.description());
        noControlCharacters(problems, "content", lesson.content());
        if (!textsRedacted) {
            noSecret(problems, "title", lesson.title());
            noSecret(problems, "description", lesson.description());
            noSecret(problems, "content", lesson.content());
        }
        for (ArgumentCondition condition : lesson.trigger().conditions()) {
            knownParameter(problems, "trigger condition", condition.parameter(), toolParameters);
        }
        problems.addAll(lesson.strategy().problems(toolParameters));
        return problems;
    }

    private static void noControlCharacters(List<String> problems, String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' || c == '\u2028' || c == '\u2029') {
                problems.add(field + " must not hold control characters (found U+" + String.format("%04X", (int) c) + ")");
                return;
            }
        }
    }

    static void noSecret(List<String> problems, String field, String text) {
        if (text != null && !Redactor.standard().redact(text).equals(text)) {
            problems.add(field + " must not hold a secret value (found something that looks like a key, token or password)");
        }
    }

    static void knownParameter(List<String> problems, String field, String parameter, List<String> toolParameters) {
        if (!toolParameters.isEmpty() && !toolParameters.contains(parameter)) {
            problems.add(field + " names '" + cut(parameter) + "', which is not a parameter of the tool; parameters are " + toolParameters);
        }
    }

    static void name(List<String> problems, String field, String name) {
        if (!NAME.matcher(name).matches()) {
            problems.add(field + " must be a plain name (letters, digits, _.:-) but was '" + cut(name) + "'");
        }
    }

    static void value(List<String> problems, String field, String value) {
        if (!VALUE.matcher(value).matches() || COMMAND.matcher(value).find() || value.contains("://") && value.contains("@")) {
            problems.add(field + " must be a plain host, path or value (no spaces, commands or credentials) but was '" + cut(value) + "'");
        }
        noSecret(problems, field, value);
    }

    static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
