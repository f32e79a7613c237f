package dev.reasoningbank.llm;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.Lesson;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders retrieved lessons with the {@code lessons-block} template: a clearly delimited block of
 * data (never instructions) to place in a model's system message before it chooses a tool call.
 */
@Internal
public final class LessonsBlock {

    private final PromptTemplates templates;

    public LessonsBlock(PromptTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates must not be null");
    }

    /** The block for {@code lessons}, or an empty string when there are none. */
    public String render(List<Lesson> lessons) {
        if (lessons.isEmpty()) {
            return "";
        }
        return templates.render(PromptTemplates.Name.LESSONS_BLOCK, Map.of("lessons", PromptData.lessons(lessons))).user();
    }

    /**
     * The block for as many of {@code lessons} (most relevant first) as fit in {@code tokenBudget}
     * estimated tokens; the block's fixed frame (about 110 tokens) is not counted.
     */
    public String render(List<Lesson> lessons, int tokenBudget) {
        List<Lesson> fitting = new java.util.ArrayList<>();
        int used = 0;
        for (Lesson lesson : lessons) {
            int tokens = estimatedTokens(PromptData.lesson(lesson));
            if (used + tokens > tokenBudget) {
                break;
            }
            fitting.add(lesson);
            used += tokens;
        }
        return render(fitting);
    }

    /** Tokens of {@code text} as most tokenizers count English and JSON: about four characters each. */
    public static int estimatedTokens(String text) {
        return (text.length() + 3) / 4;
    }

    /** The first line of the block as rendered, to find and replace a block already in a message. */
    public String openingLine() {
        String text = templates.template(PromptTemplates.Name.LESSONS_BLOCK).user();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The last line of the block as rendered. */
    public String closingLine() {
        String text = templates.template(PromptTemplates.Name.LESSONS_BLOCK).user();
        int newline = text.lastIndexOf('\n');
        return newline < 0 ? text : text.substring(newline + 1);
    }
}
