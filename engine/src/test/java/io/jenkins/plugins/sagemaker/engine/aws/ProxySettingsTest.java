package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void noProxyHostsSplitLikeJenkins() {
        ProxySettings proxy = ProxySettings.of("proxy.example.com", 3128)
                .withNoProxyHosts("localhost|*.internal.example.com, 10.*\n  169.254.169.254\r\n\n");

        assertThat(proxy.noProxyHosts())
                .containsExactly("localhost", "*.internal.example.com", "10.*", "169.254.169.254");
    }

    @Test
    void wildcardMatchesAnyCharacters() {
        String regex = ProxySettings.toHostRegex("*.Internal.example.com");

        assertThat("build.internal.example.com").matches(regex);
        assertThat("internal.example.com").doesNotMatch(regex);
        assertThat("build.internal.example.org").doesNotMatch(regex);
    }

    @Test
    void dotsMatchOnlyDots() {
        String regex = ProxySettings.toHostRegex("127.0.0.1");

        assertThat("127.0.0.1").matches(regex);
        assertThat("127x0x0x1").doesNotMatch(regex);
    }

    @Test
    void toStringHidesPassword() {
        ProxySettings proxy = ProxySettings.of("proxy.example.com", 3128).withCredentials("builder", "s3cr3t-proxy-password");

        assertThat(proxy.toString()).doesNotContain("s3cr3t-proxy-password");
        assertThat(proxy.toString()).contains("builder");
    }

    @Test
    void blankUsernameMeansNoAuthentication() {
        ProxySettings proxy = ProxySettings.of("proxy.example.com", 3128).withCredentials(" ", "ignored");

        assertThat(proxy.username()).isNull();
        assertThat(proxy.password()).isNull();
    }

    @Test
    void invalidPortIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxySettings.of("proxy.example.com", 0))
                .withMessageContaining("Proxy port 0");
    }
}
