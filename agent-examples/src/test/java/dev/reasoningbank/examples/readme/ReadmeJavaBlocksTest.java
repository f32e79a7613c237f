package dev.reasoningbank.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java block of the README is a region a test (of any module) compiles and runs: none is a hand-copied twin. */
class ReadmeJavaBlocksTest {

    @Test
    void every_java_block_of_the_readme_is_a_tagged_region_of_a_test() throws IOException {
        List<String> regions = new ArrayList<>();
        // the tests that run README blocks, in any module's test sources
        List<Path> testSources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).forEach(testSources::add);
        }
        for (Path root : testSources) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    Matcher tag = Pattern.compile("// tag::([a-z0-9-]+)\\[\\]").matcher(text);
                    while (tag.find()) {
                        regions.add(Snippets.tagged(text, tag.group(1)));
                    }
                }
            }
        }
        List<String> blocks = Snippets.javaBlocks(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8));
        assertThat(blocks).isNotEmpty();
        assertThat(regions).containsAll(blocks);
    }
}
