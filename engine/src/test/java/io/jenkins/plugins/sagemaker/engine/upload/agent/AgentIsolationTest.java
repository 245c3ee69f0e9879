package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the agent half free of the AWS SDK, so that no SDK class and no credential is needed where
 * the workspace is. Class files name every class they use in their constant pool, as
 * {@code software/amazon/awssdk/...}, so a byte search finds any use, also through fully qualified
 * names that an import check would miss.
 */
class AgentIsolationTest {

    private static final String SDK_PACKAGE = "software/amazon/awssdk";

    @Test
    void agentClassesUseNoSdk() throws Exception {
        List<Path> classes = classFiles(classesFolder().resolve("io/jenkins/plugins/sagemaker/engine/upload/agent"));

        assertThat(classes).extracting(path -> path.getFileName().toString())
                .contains("LocalWorkspaceAgent.class", "HttpTransfers.class", "WorkspacePaths.class");
        for (Path file : classes) {
            assertThat(mentionsSdk(file)).as("%s refers to the AWS SDK", file.getFileName()).isFalse();
        }
    }

    @Test
    void agentSourcesImportNoSdk() throws IOException {
        Path sources = Path.of("src/main/java/io/jenkins/plugins/sagemaker/engine/upload/agent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file)).as("%s", file).doesNotContain("software.amazon.awssdk");
        }
    }

    @Test
    void searchFindsSdkInControllerClass() throws Exception {
        Path presigning = classesFolder().resolve("io/jenkins/plugins/sagemaker/engine/upload/Presigning.class");

        assertThat(mentionsSdk(presigning)).isTrue();
    }

    private static Path classesFolder() throws URISyntaxException {
        return Path.of(LocalWorkspaceAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(".class")).toList();
        }
    }

    private static boolean mentionsSdk(Path classFile) throws IOException {
        // Constant pool strings are modified UTF-8, which equals ISO-8859-1 for these ASCII names.
        return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(SDK_PACKAGE);
    }
}
