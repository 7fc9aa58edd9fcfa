package dev.mixlog.core.internal.config;


import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code proxy} setting read: the JVM's proxy (its {@code ProxySelector}, so
 * {@code https.proxyHost}, {@code http.proxyHost}, {@code http.nonProxyHosts} and
 * {@code java.net.useSystemProxies}), no proxy at all ({@code none}), or one HTTP proxy given as
 * {@code http://[user:password@]host:port}, whose credentials go out as Basic
 * {@code Proxy-Authorization}. The credentials never appear in {@link #toString()}.
 */
public final class ProxySetting {
    /** What the setting accepts, for messages. */
    public static final String EXPECTED = "http://[user:password@]host:port, or none";

    private static final ProxySetting JVM = new ProxySetting(Kind.JVM, null, -1, null, null, null);
    private static final ProxySetting NONE = new ProxySetting(Kind.NONE, null, -1, null, null, null);

    /** Where connections go. */
    public enum Kind {
        /** As the JVM's {@code ProxySelector} chooses for each Mixpanel URL (the default). */
        JVM,
        /** Straight to Mixpanel's host, whatever the JVM's proxy properties say. */
        NONE,
        /** Through the one HTTP proxy given. */
        GIVEN
    }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    /** The setting's text, for {@link #secrets()}; {@code null} unless {@link Kind#GIVEN}. */
    private final String text;

    private ProxySetting(Kind kind, String host, int port, String user, String password, String text) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.text = text;
    }

    /** The default: the JVM's proxy configuration. */
    public static ProxySetting jvm() {
        return JVM;
    }

    /** The {@code proxy} setting's text as a checked configuration holds it: {@code null} for the JVM's proxy. */
    public static ProxySetting of(String settingText) {
        return settingText == null ? JVM : parse(settingText);
    }

    public Kind kind() {
        return kind;
    }

    /** The given proxy's host; {@code null} unless {@link Kind#GIVEN}. */
    public String host() {
        return host;
    }

    /** The given proxy's port; {@code -1} unless {@link Kind#GIVEN}. */
    public int port() {
        return port;
    }

    /** The {@code Proxy-Authorization} header's value (Basic), when credentials are given. */
    public Optional<String> authorization() {
        if (user == null) {
            return Optional.empty();
        }
        String pair = user + ":" + (password == null ? "" : password);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether credentials are given. */
    public boolean hasCredentials() {
        return user != null;
    }

    /**
     * Reads the setting's text: {@code none}, or {@code http://[user:password@]host:port} (user and
     * password percent-encoded where they hold {@code :}, {@code @} or {@code /}).
     *
     * @throws IllegalArgumentException saying what is wrong, without the text (it may hold credentials)
     */
    public static ProxySetting parse(String text) {
        if (text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a URL");
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the connection to the proxy is plain http; https to Mixpanel goes through it in a CONNECT tunnel");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("the scheme http, a host and a port (1 to 65535) are needed; "
                    + "percent-encode @ / : ? # % and spaces in the user and password");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("no path or query");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                throw new IllegalArgumentException("a user name is needed before the password");
            }
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxySetting(Kind.GIVEN, host, uri.getPort(), user, password, text.trim());
    }

    /** What of the setting's text is secret: the text itself, and its user and password as given and decoded. */
    public static List<String> secretParts(String text) {
        List<String> parts = new ArrayList<>();
        parts.add(text);
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            // user:password sits between the scheme's "//" (only a scheme at the very start counts) and the last '@'
            java.util.regex.Matcher scheme = SCHEME.matcher(text);
            int from = scheme.lookingAt() && scheme.end() <= at ? scheme.end() : 0;
            String userInfo = text.substring(from, at);
            parts.add(userInfo);
            int colon = userInfo.indexOf(':');
            if (colon >= 0 && colon + 1 < userInfo.length()) {
                String password = userInfo.substring(colon + 1);
                parts.add(password);
                parts.add(decode(password));
            }
        }
        return parts;
    }

    /** What no message may show: the setting's text and its parts, and the {@code Proxy-Authorization} value. */
    public List<String> secrets() {
        if (text == null) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>(secretParts(text));
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        authorization().ifPresent(header -> secrets.add(header.substring("Basic ".length())));
        return secrets;
    }

    /** A URL's scheme and its "//", at the start of a text. */
    static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The setting as a message shows it: credentials hidden. */
    @Override
    public String toString() {
        switch (kind) {
            case JVM: return "the JVM's proxy";
            case NONE: return "none";
            default: return "http://" + (user != null ? "***@" : "") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
