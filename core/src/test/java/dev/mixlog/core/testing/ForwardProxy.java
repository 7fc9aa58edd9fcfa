package dev.mixlog.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forward HTTP proxy on loopback, as a corporate network has one, that sends whatever host a
 * request names to one loopback server: {@code CONNECT host:port} opens a tunnel to it, and an
 * absolute-form request ({@code POST http://host/path}) is passed on to it in origin form, with
 * {@code Connection: close}, and the connection closed after the reply (as many proxies do). With
 * {@link #requireCredentials}, a request without the right Basic {@code Proxy-Authorization} gets a
 * 407. {@link #connectAnswer} makes {@code CONNECT} fail (502; 429 with {@code Retry-After: 7}; 403 as a proxy's policy) or hang. No byte leaves the machine.
 */
public final class ForwardProxy implements AutoCloseable {
    /** A host no resolver knows ({@code .invalid} is reserved): a service reaches it only through the proxy. */
    public static final String UNRESOLVABLE_HOST = "api.mixpanel.invalid";

    /** How the proxy answers {@code CONNECT}. */
    public enum ConnectAnswer { TUNNEL, BAD_GATEWAY, FORBIDDEN, TOO_MANY_REQUESTS, HANG }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Thread acceptor;
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedForCredentials = new AtomicInteger();
    private volatile String expectedAuthorization;
    private volatile ConnectAnswer connectAnswer = ConnectAnswer.TUNNEL;
    private volatile boolean closed;

    private ForwardProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "forward-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that sends every request to the loopback server at this port. */
    public static ForwardProxy to(int targetPort) throws IOException {
        return new ForwardProxy(targetPort);
    }

    /** From now on, requests need this Basic {@code Proxy-Authorization}; others get a 407. */
    public ForwardProxy requireCredentials(String user, String password) {
        String pair = user + ":" + password;
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** How {@code CONNECT} is answered from now on. */
    public ForwardProxy connectAnswer(ConnectAnswer answer) {
        connectAnswer = answer;
        return this;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}, without credentials. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The request line of every request the proxy read ({@code CONNECT api.mixpanel.invalid:443 HTTP/1.1}, ...). */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return new ArrayList<>(requestLines);
        }
    }

    /** The {@code Proxy-Authorization} of every request read, {@code ""} where there was none. */
    public List<String> authorizations() {
        synchronized (authorizations) {
            return new ArrayList<>(authorizations);
        }
    }

    /** How many requests got a 407. */
    public int refusedForCredentials() {
        return refusedForCredentials.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "forward-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            String authorization = header(head, "proxy-authorization");
            authorizations.add(authorization == null ? "" : authorization);
            String expected = expectedAuthorization;
            if (expected != null && !expected.equals(authorization)) {
                refusedForCredentials.incrementAndGet();
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (requestLine.startsWith("CONNECT ")) {
                tunnel(client, in, out);
            } else {
                forward(head, requestLine, in, out);
            }
        } catch (IOException ended) {
            // the client or the server went away: the connection ends
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out) throws IOException {
        switch (connectAnswer) {
            case BAD_GATEWAY:
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            case TOO_MANY_REQUESTS:
                out.write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            case FORBIDDEN:
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            case HANG:
                while (in.read() >= 0) {
                    // says nothing until the client gives up
                }
                return;
            default:
                try (Socket server = new Socket()) {
                    open.add(server);
                    server.connect(target, 10_000);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipe(server.getInputStream(), out, client);
                    in.transferTo(server.getOutputStream());
                } finally {
                    client.shutdownOutput();
                }
        }
    }

    /** An absolute-form request, passed on in origin form with its body; the reply copied back, then the connection closed. */
    private void forward(String head, String requestLine, InputStream in, OutputStream out) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[1].toLowerCase(Locale.ROOT).startsWith("http://")) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        int pathStart = parts[1].indexOf('/', "http://".length());
        String path = pathStart < 0 ? "/" : parts[1].substring(pathStart);
        StringBuilder rewritten = new StringBuilder(parts[0]).append(' ').append(path).append(' ').append(parts[2]).append("\r\n");
        for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            if (!line.isEmpty() && !name.equals("proxy-authorization") && !name.equals("connection")) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        String length = header(head, "content-length");
        try (Socket server = new Socket()) {
            open.add(server);
            server.connect(target, 10_000);
            OutputStream upstream = server.getOutputStream();
            upstream.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.write(in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim())));
            upstream.flush();
            server.getInputStream().transferTo(out);
            out.flush();
        }
    }

    /** Copies from one side to the other on a thread of its own, until the source ends. */
    private static void pipe(InputStream from, OutputStream to, Socket toSocket) {
        Thread copier = new Thread(() -> {
            try {
                from.transferTo(to);
                toSocket.shutdownOutput();
            } catch (IOException ended) {
                // either side went away
            }
        }, "forward-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    /** The request head up to its blank line, or {@code null} when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
