package dev.mixlog.core.internal.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to Mixpanel's host, over TLS for {@code https}, used by one sender at a time
 * and kept open between requests while the server allows it. The TCP socket is kept beneath the TLS
 * one: closing it ends any read or write in progress at once, which closing a TLS socket does not
 * promise while another thread writes to it.
 */
final class Connection {
    private static final int INPUT_BUFFER_BYTES = 8 * 1024;

    private final String origin;
    private final Socket socket;
    private final OutputStream out;
    private final ReplyReader replies;
    private long idleSince;

    private Connection(String origin, Socket socket, InputStream in, OutputStream out) {
        this.origin = origin;
        this.socket = socket;
        this.out = out;
        this.replies = new ReplyReader(new BufferedInputStream(in, INPUT_BUFFER_BYTES));
    }

    /**
     * Connects to the URI's host the egress's way (straight, through an HTTP proxy's tunnel for
     * {@code https} or to the proxy itself for {@code http}, or through a SOCKS proxy), within
     * {@code connectTimeout}; each read, the proxy's answer to {@code CONNECT} too, then waits at most
     * {@code readTimeoutMillis}. {@code tls} is {@code null} for plain {@code http}. TLS runs inside
     * the tunnel, with SNI and host-name verification against Mixpanel's host, never the proxy's.
     *
     * @throws Tunnel.ProxyRefusal when the proxy refuses the tunnel (its status: 407, 502, ...)
     */
    static Connection open(URI uri, Egress egress, Duration connectTimeout, int readTimeoutMillis, SSLSocketFactory tls,
                           Cancellation cancellation) throws IOException {
        String host = connectHost(uri);
        int port = port(uri);
        Socket socket = egress.kind() == Egress.Kind.SOCKS_PROXY
                ? new Socket(new Proxy(Proxy.Type.SOCKS, egress.proxy())) : new Socket(Proxy.NO_PROXY);
        if (!cancellation.attach(socket)) {
            closeQuietly(socket);
            throw new SocketException("exchange cancelled");
        }
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            socket.connect(address(egress, host, port), millis(connectTimeout));
            String origin = origin(uri) + egress.key();
            if (tls == null) {
                return new Connection(origin, socket, socket.getInputStream(), socket.getOutputStream());
            }
            if (egress.kind() == Egress.Kind.HTTP_PROXY) {
                Tunnel.open(socket, uri.getHost() + ":" + port, egress.authorization());
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            return new Connection(origin, socket, secure.getInputStream(), secure.getOutputStream());
        } catch (IOException | RuntimeException | Error failed) {
            closeQuietly(socket);
            throw failed;
        } finally {
            cancellation.detach();
        }
    }

    /** Where the TCP connection goes: the host (resolved here), the HTTP proxy, or the host named to the SOCKS proxy. */
    private static InetSocketAddress address(Egress egress, String host, int port) {
        switch (egress.kind()) {
            case HTTP_PROXY:
                return new InetSocketAddress(egress.proxy().getHostString(), egress.proxy().getPort());
            case SOCKS_PROXY:
                return InetSocketAddress.createUnresolved(host, port);
            default:
                return new InetSocketAddress(host, port);
        }
    }

    /** Writes one request (its head, then its body) and reads the reply, keeping at most {@code replyLimit} body bytes. */
    ReplyReader.Received exchange(byte[] head, byte[] body, int replyLimit, Cancellation cancellation) throws IOException {
        if (!cancellation.attach(socket)) {
            throw new SocketException("exchange cancelled");
        }
        try {
            replies.expectReply();
            out.write(head);
            out.write(body);
            out.flush();
            return replies.read(replyLimit);
        } finally {
            cancellation.detach();
        }
    }

    /** Whether any byte of the reply to the current request has arrived. */
    boolean replyStarted() {
        return replies.started();
    }

    /**
     * Whether bytes arrived while the connection was idle (a server's 408 before it closes one): they
     * answer no request, so the connection is not reused.
     */
    boolean hasUnsolicitedBytes() {
        try {
            return replies.available() > 0;
        } catch (IOException closed) {
            return true;
        }
    }

    /** Scheme, host and port, and the proxy gone through: the connections a request may use. */
    String origin() {
        return origin;
    }

    long idleSince() {
        return idleSince;
    }

    void idleSince(long nanos) {
        idleSince = nanos;
    }

    /** Closes the TCP socket, without the TLS goodbye (which could wait on a server that reads nothing). */
    void close() {
        closeQuietly(socket);
    }

    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
    }

    /** The {@code Host} header: the port only when it is not the scheme's own. */
    static String hostHeader(URI uri) {
        return uri.getPort() == -1 || uri.getPort() == defaultPort(uri) ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    static boolean isTls(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? defaultPort(uri) : uri.getPort();
    }

    private static int defaultPort(URI uri) {
        return isTls(uri) ? 443 : 80;
    }

    /** The host to connect to: an IPv6 literal without its brackets. */
    private static String connectHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
