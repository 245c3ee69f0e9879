package io.jenkins.plugins.sagemaker.connection;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.sagemaker.engine.aws.ProxySettings;
import jenkins.model.Jenkins;

/** Copies the proxy of Manage Jenkins » System into the engine's proxy settings for every AWS client. */
public final class JenkinsProxy {

    private JenkinsProxy() {
    }

    /** Returns the configured HTTP proxy, or {@code null} when Jenkins connects directly. */
    @CheckForNull
    public static ProxySettings current() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.getName()) == null) {
            return null;
        }
        ProxySettings settings = ProxySettings.of(proxy.getName().trim(), proxy.getPort());
        String user = Util.fixEmptyAndTrim(proxy.getUserName());
        if (user != null) {
            settings = settings.withCredentials(user, Secret.toString(proxy.getSecretPassword()));
        }
        return settings.withNoProxyHosts(proxy.getNoProxyHost());
    }
}
