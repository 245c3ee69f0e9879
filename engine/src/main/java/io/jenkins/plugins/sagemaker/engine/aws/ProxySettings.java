package io.jenkins.plugins.sagemaker.engine.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP proxy for every AWS client: host, port, optional basic-auth user and the hosts reached
 * without the proxy. Immutable; {@link #toString()} never shows the password.
 */
public final class ProxySettings {

    /** Separators Jenkins accepts between no-proxy host patterns: line breaks, '|', ',' and blanks. */
    private static final Pattern NO_PROXY_SEPARATORS = Pattern.compile("[\\s|,]+");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<String> noProxyHosts;

    private ProxySettings(String host, int port, String username, String password, List<String> noProxyHosts) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.noProxyHosts = noProxyHosts;
    }

    /**
     * Creates proxy settings without authentication.
     *
     * @param host proxy host name or address, not blank
     * @param port proxy port, 1 to 65535
     */
    public static ProxySettings of(String host, int port) {
        return new ProxySettings(checkHost(host), checkPort(port), null, null, List.of());
    }

    /** Returns a copy that authenticates at the proxy with HTTP basic authentication. */
    public ProxySettings withCredentials(String username, String password) {
        if (username == null || username.isBlank()) {
            return new ProxySettings(host, port, null, null, noProxyHosts);
        }
        return new ProxySettings(host, port, username, password == null ? "" : password, noProxyHosts);
    }

    /**
     * Returns a copy with the hosts that bypass the proxy, written as Jenkins writes them: one
     * pattern per line or separated by '|' or ',', with '*' matching any characters.
     */
    public ProxySettings withNoProxyHosts(String patterns) {
        return new ProxySettings(host, port, username, password, parseNoProxyHosts(patterns));
    }

    /** Splits a Jenkins no-proxy host list into its patterns, dropping empty entries. */
    public static List<String> parseNoProxyHosts(String patterns) {
        if (patterns == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String pattern : NO_PROXY_SEPARATORS.split(patterns.trim())) {
            if (!pattern.isEmpty()) {
                result.add(pattern);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Converts a wildcard pattern such as {@code *.example.com} into the regular expression that the
     * SDK's Apache client matches against the lower-case target host name.
     */
    static String toHostRegex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        String lowerCase = wildcard.toLowerCase(java.util.Locale.ROOT);
        int start = 0;
        int star;
        while ((star = lowerCase.indexOf('*', start)) >= 0) {
            if (star > start) {
                regex.append(Pattern.quote(lowerCase.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < lowerCase.length()) {
            regex.append(Pattern.quote(lowerCase.substring(start)));
        }
        return regex.toString();
    }

    /** Regular expressions for {@code ProxyConfiguration.nonProxyHosts}, one per pattern. */
    Set<String> nonProxyHostRegexes() {
        Set<String> regexes = new LinkedHashSet<>();
        for (String pattern : noProxyHosts) {
            regexes.add(toHostRegex(pattern));
        }
        return regexes;
    }

    URI endpoint() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The proxy user, or {@code null} when the proxy needs no authentication. */
    public String username() {
        return username;
    }

    /** The proxy password, or {@code null} when the proxy needs no authentication. */
    public String password() {
        return password;
    }

    public List<String> noProxyHosts() {
        return noProxyHosts;
    }

    private static String checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Proxy host is missing; set the host name of the HTTP proxy or configure no proxy.");
        }
        return host.trim();
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Proxy port " + port + " is invalid; use a port from 1 to 65535.");
        }
        return port;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ProxySettings)) {
            return false;
        }
        ProxySettings that = (ProxySettings) other;
        return port == that.port
                && host.equals(that.host)
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password)
                && noProxyHosts.equals(that.noProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, noProxyHosts);
    }

    @Override
    public String toString() {
        return "ProxySettings{host=" + host + ", port=" + port
                + (username == null ? "" : ", username=" + username + ", password=****")
                + ", noProxyHosts=" + noProxyHosts + "}";
    }
}
