package dev.mixlog.core.internal.http;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Connections kept open between requests, the most recently used first, so a light load keeps
 * reusing one connection and the others age out. A connection idle for longer than the limit, or
 * to another origin, is closed when met instead of reused: servers close idle connections after a
 * while, and a request on one they have closed fails.
 */
final class IdleConnections {
    private final long maxIdleNanos;
    private final Deque<Connection> connections = new ArrayDeque<>();
    private boolean closed;

    IdleConnections(long maxIdleNanos) {
        this.maxIdleNanos = maxIdleNanos;
    }

    /** A kept connection to the origin, or {@code null} when there is none young enough. */
    synchronized Connection take(String origin, long nowNanos) {
        closeExpired(nowNanos);
        Connection connection;
        while ((connection = connections.pollFirst()) != null) {
            if (connection.origin().equals(origin)) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    /** Closes the connections idle too long: the oldest, at the back. */
    private void closeExpired(long nowNanos) {
        Connection oldest;
        while ((oldest = connections.peekLast()) != null && nowNanos - oldest.idleSince() >= maxIdleNanos) {
            connections.pollLast().close();
        }
    }

    /** Keeps a connection whose exchange ended cleanly; after {@link #closeAll} it is closed instead. */
    synchronized void put(Connection connection, long nowNanos) {
        if (closed) {
            connection.close();
            return;
        }
        connection.idleSince(nowNanos);
        connections.addFirst(connection);
        closeExpired(nowNanos);
    }

    synchronized void closeAll() {
        closed = true;
        for (Connection connection : connections) {
            connection.close();
        }
        connections.clear();
    }
}
