package dev.mixlog.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A {@code CONNECT} tunnel through an HTTP proxy: the request, then the proxy's reply head, read
 * byte by byte so that nothing past it (the server's side of the TLS handshake) is taken. A 407,
 * 408, 429 or 5xx ends the connection as a {@link ProxyRefusal} carrying the proxy's status, to be
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
        String head = readHead(socket.getInputStream());
        int status = status(head);
        if (status >= 200 && status <= 299) {
            return;
        }
        String statusLine = head.substring(0, head.indexOf('\r'));
        if (status == 407 || status == 408 || status == 429 || status >= 500) {
            // what these mean is the same from a proxy: credentials to fix, or a wait (Retry-After honoured)
            throw new ProxyRefusal(new Reply(status, "from the proxy: " + statusLine, retryAfter(head)));
        }
        // the proxy's own policy (403 for a host it does not allow, 400, 404, ...): not Mixpanel's answer; retried
        throw new IOException("the proxy refused the tunnel to " + authority + ": " + statusLine);
    }

    private static java.time.Duration retryAfter(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Retry-After")) {
                return MixpanelTransport.parseRetryAfter(line.substring(colon + 1));
            }
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(128);
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the proxy closed the connection before answering CONNECT");
            }
            if (head.size() == ReplyReader.MAX_HEAD_BYTES) {
                throw new IOException("the proxy's answer to CONNECT is longer than " + ReplyReader.MAX_HEAD_BYTES + " bytes");
            }
            head.write(next);
            matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String head) throws IOException {
        // HTTP/1.1 200 Connection established
        if (head.startsWith("HTTP/1.") && head.length() >= 12 && head.charAt(8) == ' ') {
            try {
                return Integer.parseInt(head.substring(9, 12));
            } catch (NumberFormatException notAStatus) {
                // reported below
            }
        }
        String line = head.split("\r", 2)[0];
        throw new IOException("the proxy answered CONNECT with something other than HTTP: "
                + (line.length() > 100 ? line.substring(0, 100) + "..." : line));
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
