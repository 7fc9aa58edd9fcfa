package dev.mixlog.core.internal.config;


import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code proxy} setting read: the JVM's proxy (the first its {@code ProxySelector} names, so
 * {@code https.proxyHost}, {@code http.proxyHost}, {@code http.nonProxyHosts}, {@code socksProxyHost}
 * and {@code java.net.useSystemProxies}), no proxy at all ({@code none}), or one HTTP proxy given as
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
    /** The user-info as written in the setting (percent-encoded), for {@link #secrets()}; {@code null} without credentials. */
    private final String rawUserInfo;

    private ProxySetting(Kind kind, String host, int port, String user, String password, String rawUserInfo) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.rawUserInfo = rawUserInfo;
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
     * password percent-encoded where they hold {@code @ / : ? #}, {@code %} or spaces).
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
        return new ProxySetting(Kind.GIVEN, host, uri.getPort(), user, password, userInfo);
    }

    /** What no message may show: the user-info as written, the password as written and decoded, and the Basic value. */
    public List<String> secrets() {
        if (rawUserInfo == null) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(rawUserInfo);
        int colon = rawUserInfo.indexOf(':');
        if (colon >= 0 && colon + 1 < rawUserInfo.length()) {
            secrets.add(rawUserInfo.substring(colon + 1));
            secrets.add(password);
        }
        authorization().ifPresent(header -> secrets.add(header.substring("Basic ".length())));
        return secrets;
    }

    /** Percent-decoding of a user or password ({@code +} stays a plus); the text itself when malformed. */
    public static String decode(String text) {
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
