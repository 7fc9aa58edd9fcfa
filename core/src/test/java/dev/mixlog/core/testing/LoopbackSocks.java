package dev.mixlog.core.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SOCKS5 proxy on loopback (no authentication, {@code CONNECT} only) that sends whatever host a
 * client names to one loopback server, and records the names: a client that resolves nothing itself
 * names the host, not an address.
 */
public final class LoopbackSocks implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<String> hostsNamed = Collections.synchronizedList(new ArrayList<>());

    public LoopbackSocks(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-socks");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The host of every {@code CONNECT}, as the client named it ({@code api.mixpanel.invalid:443}). */
    public List<String> hostsNamed() {
        synchronized (hostsNamed) {
            return new ArrayList<>(hostsNamed);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread handler = new Thread(() -> handle(client), "loopback-socks-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; Socket server = new Socket()) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) {
                return;
            }
            in.readNBytes(in.readUnsignedByte());
            out.write(new byte[] {5, 0});
            out.flush();
            byte[] request = in.readNBytes(4);
            if (request.length < 4 || request[1] != 1) {
                return;
            }
            String host;
            if (request[3] == 3) {
                host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.ISO_8859_1);
            } else {
                host = InetAddress.getByAddress(in.readNBytes(request[3] == 1 ? 4 : 16)).getHostAddress();
            }
            int port = in.readUnsignedShort();
            hostsNamed.add(host + ":" + port);
            server.connect(target, 10_000);
            out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
            out.flush();
            InputStream fromServer = server.getInputStream();
            Thread back = new Thread(() -> {
                try {
                    fromServer.transferTo(out);
                    client.shutdownOutput();
                } catch (IOException ended) {
                    // either side went away
                }
            }, "loopback-socks-pipe");
            back.setDaemon(true);
            back.start();
            in.transferTo(server.getOutputStream());
            back.join(10_000);
        } catch (IOException | InterruptedException ended) {
            // the connection ends
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
