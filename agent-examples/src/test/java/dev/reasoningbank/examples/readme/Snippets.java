package dev.reasoningbank.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Code snippets of the README and the tagged regions of test sources they must equal. */
final class Snippets {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");

    private Snippets() {}

    /** The lines between {@code // tag::NAME[]} and {@code // end::NAME[]}, their common indentation removed. */
    static String tagged(String source, String name) {
        String start = "// tag::" + name + "[]";
        String end = "// end::" + name + "[]";
        int from = source.indexOf(start);
        int to = source.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no region tagged '" + name + "'");
        }
        String region = source.substring(source.indexOf('\n', from) + 1, source.lastIndexOf('\n', to));
        return region.stripIndent() + "\n";
    }

    /** The README's java code blocks. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
