package dev.mixlog.core.internal.http;

import java.io.IOException;
import java.net.Socket;

/**
 * Ends one exchange from another thread. Blocking socket I/O ignores interrupts, so cancelling closes
 * the exchange's socket: whatever the sender waits on (connecting, the TLS handshake, writing the
 * request, reading the reply) fails at once with an {@link IOException}. Closing a TCP socket never
 * waits for the thread using it, so the consumer thread may cancel without risk of blocking. A host
 * name being resolved is not ended: like every JDK client, Mixlog leaves that to the resolver.
 */
public final class Cancellation {
    private Socket socket;
    private boolean cancelled;

    /** Called by the transport as the exchange starts using a socket; false when cancelled already. */
    synchronized boolean attach(Socket socket) {
        if (cancelled) {
            return false;
        }
        this.socket = socket;
        return true;
    }

    /** Called by the transport as the exchange stops using its socket. */
    synchronized void detach() {
        socket = null;
    }

    /** Whether {@link #cancel} was called. */
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * Ends the exchange now, or, before it starts, keeps it from starting. The socket is closed under
     * the lock, so once the exchange has let go of it ({@link #detach}) no late cancel can close it
     * under the next exchange that reuses the connection.
     */
    public synchronized void cancel() {
        cancelled = true;
        Connection.closeQuietly(socket);
        socket = null;
    }
}
