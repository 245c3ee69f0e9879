package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The emulator follows the public API contract, so its main code must not use the AWS SDK's classes. */
class MainCodeDependencyTest {

    @Test
    void mainCodeImportsNoAwsSdk() throws IOException {
        Path mainSources = Path.of("src/main/java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(mainSources)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(MainCodeDependencyTest::mentionsAwsSdk)
                    .toList();
        }

        assertThat(Files.isDirectory(mainSources)).isTrue();
        assertThat(offenders).isEmpty();
    }

    private static boolean mentionsAwsSdk(Path file) {
        try {
            return Files.readString(file).contains("software.amazon.awssdk");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
