package dev.mixlog.core.internal.http;

import dev.mixlog.core.internal.config.ProxySetting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * How a request reaches Mixpanel's host: straight, through an HTTP proxy ({@code https} in a
 * {@code CONNECT} tunnel, {@code http} as absolute-form requests, with Basic
 * {@code Proxy-Authorization} when the {@code proxy} setting gives credentials), or through a SOCKS
 * proxy the JVM names. Fixed by the {@code proxy} setting when it is given, else chosen per request
 * by the JVM's {@link ProxySelector}.
 */
final class Egress {
    enum Kind { DIRECT, HTTP_PROXY, SOCKS_PROXY }

    private static final Egress DIRECT = new Egress(Kind.DIRECT, null, null, "");

    private final Kind kind;
    /** The proxy's address, unresolved until connected; {@code null} for {@link Kind#DIRECT}. */
    private final InetSocketAddress proxy;
    private final String authorization;
    private final String key;

    private Egress(Kind kind, InetSocketAddress proxy, String authorization, String key) {
        this.kind = kind;
        this.proxy = proxy;
        this.authorization = authorization;
        this.key = key;
    }

    /**
     * The way every request takes when the {@code proxy} setting fixes it (a given proxy, or
     * {@code none}), made once; {@code null} when the JVM's {@link ProxySelector} chooses per request.
     */
    static Egress fixedBy(ProxySetting setting) {
        switch (setting.kind()) {
            case NONE:
                return DIRECT;
            case GIVEN:
                return httpProxy(InetSocketAddress.createUnresolved(setting.host(), setting.port()),
                        setting.authorization().orElse(null));
            default:
                return null;
        }
    }

    /**
     * The way the JVM's {@link ProxySelector} chooses for this URI: the first proxy it names.
     *
     * @throws IOException when the selector fails (a request that cannot go is retried)
     */
    static Egress chosenByTheJvm(URI uri) throws IOException {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return DIRECT;
        }
        List<Proxy> proxies;
        try {
            proxies = selector.select(uri);
        } catch (RuntimeException e) {
            throw new IOException("the JVM's ProxySelector (" + selector.getClass().getName() + ") failed: " + e, e);
        }
        if (proxies == null || proxies.isEmpty()) {
            return DIRECT;
        }
        Proxy first = proxies.get(0);
        SocketAddress address = first.address();
        if (first.type() == Proxy.Type.DIRECT || !(address instanceof InetSocketAddress)) {
            return DIRECT;
        }
        InetSocketAddress at = (InetSocketAddress) address;
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved(at.getHostString(), at.getPort());
        if (first.type() == Proxy.Type.SOCKS) {
            return new Egress(Kind.SOCKS_PROXY, unresolved, null, " via socks " + unresolved.getHostString() + ":" + unresolved.getPort());
        }
        return httpProxy(unresolved, null);
    }

    private static Egress httpProxy(InetSocketAddress proxy, String authorization) {
        return new Egress(Kind.HTTP_PROXY, proxy, authorization, " via " + proxy.getHostString() + ":" + proxy.getPort());
    }

    Kind kind() {
        return kind;
    }

    /** The proxy's host and port, unresolved. */
    InetSocketAddress proxy() {
        return proxy;
    }

    /** Whether requests for plain {@code http} go to the proxy in absolute form, with its authorization. */
    boolean absoluteForm(URI uri) {
        return kind == Kind.HTTP_PROXY && !Connection.isTls(uri);
    }

    /** The {@code Proxy-Authorization} value, or {@code null}. */
    String authorization() {
        return authorization;
    }

    /** What, besides the origin, a kept connection must match to be reused: the proxy it goes through. */
    String key() {
        return key;
    }
}
