package dev.mixlog.core.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A {@code CONNECT} tunnel through an HTTP proxy: the request, then the proxy's reply head, read
 * byte by byte ({@link ReplyReader#readHeadOnly}) so that nothing past it (the server's side of the
 * TLS handshake) is taken. A 407, 408, 429 or 5xx ends the connection as a {@link ProxyRefusal} carrying the proxy's status, to be
 * classified as a server's would be; any other refusal (the proxy's policy) is a failed request.
 */
final class Tunnel {
    private Tunnel() {
    }

    /**
     * @param authority the target as {@code host:port} ({@code [v6]:port})
     * @param authorization the {@code Proxy-Authorization} value, or {@code null}
     */
    static void open(Socket socket, String authority, String authorization) throws IOException {
        StringBuilder request = new StringBuilder(160).append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\nUser-Agent: ").append(MixpanelTransport.USER_AGENT);
        if (authorization != null) {
            request.append("\r\nProxy-Authorization: ").append(authorization);
        }
        request.append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Reply answer = new ReplyReader(socket.getInputStream()).readHeadOnly();
        int status = answer.status();
        if (status >= 200 && status <= 299) {
            return;
        }
        if (status == 407 || status == 408 || status == 429 || status >= 500) {
            // what these mean is the same from a proxy: credentials to fix, or a wait (Retry-After honoured)
            throw new ProxyRefusal(new Reply(status, "from the proxy", answer.retryAfter().orElse(null)));
        }
        // the proxy's own policy (403 for a host it does not allow, 400, 404, ...): not Mixpanel's answer; retried
        throw new IOException("the proxy refused the tunnel to " + authority + ": HTTP " + status);
    }

    /** The proxy refused the tunnel with a status that means the same from a proxy as from a server (407, 429, 502, ...). */
    static final class ProxyRefusal extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        ProxyRefusal(Reply reply) {
            super("the proxy refused the tunnel: HTTP " + reply.status());
            this.reply = reply;
        }

        Reply reply() {
            return reply;
        }
    }
}
