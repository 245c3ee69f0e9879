package io.jenkins.plugins.sagemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.sagemaker.engine.upload.agent.FileListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The Jenkins plugin bundles the engine jar and its agents send engine classes back to the controller,
 * whose remoting class filter rejects classes from a bundled jar without the whitelist entry. The
 * runner's tests see the packaged engine jar in a reactor build, so the entry is checked here.
 */
class EngineJarManifestTest {

    @Test
    void engineJarIsWhitelistedForRemoting() throws Exception {
        Path location = Path.of(FileListing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), "engine classes come from " + location + ", not from its jar");
        try (JarFile jar = new JarFile(location.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Jenkins-ClassFilter-Whitelisted"))
                    .as("manifest of %s", location)
                    .isEqualTo("true");
        }
    }
}
