package dev.mixlog.core.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the HTTP/1.1 replies of one connection: the status line, the headers Mixlog uses and at most
 * a given number of body bytes, the body framed by {@code Content-Length}, by chunks or by the
 * connection's end. A reply head longer than {@link #MAX_HEAD_BYTES}, or malformed, fails with an
 * {@link IOException}; a body longer than the limit is cut there, and the connection is then not
 * reused, so a huge or endless reply costs the limit in memory, not its size.
 */
final class ReplyReader {
    /** Status line and headers together (interim replies included); Mixpanel's take well under 2 KiB. */
    static final int MAX_HEAD_BYTES = 32 * 1024;
    /** Longest chunk-size line of a chunked body. */
    private static final int MAX_CHUNK_LINE_BYTES = 1024;
    /** Mixpanel's replies are short: most fit the first buffer, which grows up to the limit when one does not. */
    private static final int FIRST_BODY_BUFFER = 512;

    private final InputStream in;
    /** Bytes of the current reply read so far, to tell a reply that never began from one cut short. */
    private long received;
    private int headBudget;

    /** @param in the connection's input, buffered (unbuffered for {@link #readHeadOnly}) */
    ReplyReader(InputStream in) {
        this.in = in;
    }

    /** Whether any byte of the reply to the current request has arrived. */
    boolean started() {
        return received > 0;
    }

    /** Bytes that can be read without waiting. */
    int available() throws IOException {
        return in.available();
    }

    /** Forgets the last reply: a new request is going out. */
    void expectReply() {
        received = 0;
    }

    /** Reads the next reply, skipping interim (1xx) ones, keeping at most {@code bodyLimit} bytes of its body. */
    Received read(int bodyLimit) throws IOException {
        received = 0;
        headBudget = MAX_HEAD_BYTES;
        Head head = readHead();
        while (head.status < 200) {
            head = readHead();
        }
        Body body = new Body(bodyLimit);
        boolean complete;
        if (head.status == 204 || head.status == 304) {
            complete = true;
        } else if (head.chunked) {
            complete = readChunks(body);
        } else if (head.contentLength >= 0 && !head.transferEncoded) {
            complete = body.take(head.contentLength);
        } else {
            // framed by the connection's end: read what the limit allows, and the connection is done
            body.takeToEnd();
            complete = false;
        }
        Reply reply = new Reply(head.status, body.text(), head.retryAfter == null ? null : MixpanelTransport.parseRetryAfter(head.retryAfter));
        // a reply framed two ways (Transfer-Encoding and Content-Length) is read, but its connection not trusted again
        boolean framedOnce = !(head.transferEncoded && head.contentLength >= 0);
        return new Received(reply, complete && head.keepAlive && framedOnce);
    }

    /**
     * Reads the head of a reply that has no body here, interim replies skipped: a proxy's answer to
     * {@code CONNECT}. Its status and {@code Retry-After}; read byte by byte, so over the connection's
     * raw input nothing past the head is taken.
     */
    Reply readHeadOnly() throws IOException {
        received = 0;
        headBudget = MAX_HEAD_BYTES;
        Head head = readHead();
        while (head.status < 200) {
            head = readHead();
        }
        return new Reply(head.status, "", head.retryAfter == null ? null : MixpanelTransport.parseRetryAfter(head.retryAfter));
    }

    private Head readHead() throws IOException {
        String statusLine = readHeadLine();
        // HTTP/1.1 200 OK
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' '
                || !isDigits(statusLine, 9, 12)) {
            throw new IOException("not an HTTP/1.x reply (status line of " + statusLine.length() + " characters)");
        }
        Head head = new Head(Integer.parseInt(statusLine.substring(9, 12)), statusLine.charAt(7) == '1');
        for (String line = readHeadLine(); !line.isEmpty(); line = readHeadLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                head.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            // a line without a name (folded, or malformed) carries nothing Mixlog reads
        }
        return head;
    }

    /** Reads a chunked body; true when it ended within the limit (last chunk and trailers read). */
    private boolean readChunks(Body body) throws IOException {
        while (true) {
            String sizeLine = readLine(MAX_CHUNK_LINE_BYTES, "chunk size line");
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException notHex) {
                throw new IOException("malformed chunk size in the reply body");
            }
            if (size < 0) {
                throw new IOException("malformed chunk size in the reply body");
            }
            if (size == 0) {
                while (!readHeadLine().isEmpty()) {
                    // trailers carry nothing Mixlog reads
                }
                return true;
            }
            if (!body.take(size)) {
                return false;
            }
            if (!readLine(MAX_CHUNK_LINE_BYTES, "chunk end").isEmpty()) {
                throw new IOException("malformed chunk end in the reply body");
            }
        }
    }

    /** A line of the reply head (or trailers), counted against {@link #MAX_HEAD_BYTES}. */
    private String readHeadLine() throws IOException {
        String line = readLine(headBudget, "reply head");
        headBudget -= line.length() + 2;
        return line;
    }

    /** One line without its CR LF, of at most {@code max} bytes, read as ISO-8859-1. */
    private String readLine(int max, String what) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(received == 0 ? "connection closed before any reply"
                        : "connection closed in the middle of the " + what);
            }
            received++;
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() > max) {
                throw new IOException(what + " longer than " + max + " bytes");
            }
            line.append((char) b);
        }
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A reply, and whether its connection may carry the next request. */
    static final class Received {
        private final Reply reply;
        private final boolean reusable;

        Received(Reply reply, boolean reusable) {
            this.reply = reply;
            this.reusable = reusable;
        }

        Reply reply() {
            return reply;
        }

        /** True when the body was read to its end and neither side asked to close. */
        boolean reusable() {
            return reusable;
        }
    }

    /** What a reply head says about its body and its connection. */
    private static final class Head {
        final int status;
        long contentLength = -1;
        boolean chunked;
        /** Whether a {@code Transfer-Encoding} header came (chunked or not). */
        boolean transferEncoded;
        /** HTTP/1.1 keeps the connection unless told to close; 1.0 closes it. */
        boolean keepAlive;
        String retryAfter;

        Head(int status, boolean http11) {
            this.status = status;
            this.keepAlive = http11;
        }

        void header(String name, String value) throws IOException {
            if (name.equalsIgnoreCase("Content-Length")) {
                // at most 18 digits: no overflow, and far beyond any body Mixlog keeps
                long length = !value.isEmpty() && value.length() <= 18 && isDigits(value, 0, value.length())
                        ? Long.parseLong(value) : -1;
                if (length < 0 || (contentLength >= 0 && length != contentLength)) {
                    throw new IOException("malformed Content-Length in the reply");
                }
                contentLength = length;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                // chunked when it is the last coding; any other framing is read to the connection's end
                transferEncoded = true;
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                if (value.toLowerCase(Locale.ROOT).contains("close")) {
                    keepAlive = false;
                }
            } else if (name.equalsIgnoreCase("Retry-After")) {
                retryAfter = value;
            }
        }
    }

    /** The body bytes kept, up to the limit. */
    private final class Body {
        private final int limit;
        private byte[] bytes;
        private int size;

        Body(int limit) {
            this.limit = limit;
            this.bytes = new byte[Math.min(limit, FIRST_BODY_BUFFER)];
        }

        /** Reads until the connection's end, or the limit. */
        void takeToEnd() throws IOException {
            while (size < limit) {
                ensure(size + 1);
                int got = in.read(bytes, size, bytes.length - size);
                if (got < 0) {
                    return;
                }
                received += got;
                size += got;
            }
        }

        /** Reads {@code count} bytes into the body; false (having read up to the limit) when they do not fit. */
        boolean take(long count) throws IOException {
            long fits = Math.min(count, limit - size);
            ensure((int) (size + fits));
            int left = (int) fits;
            while (left > 0) {
                int got = in.read(bytes, size, left);
                if (got < 0) {
                    throw new EOFException("connection closed in the middle of the reply body");
                }
                received += got;
                size += got;
                left -= got;
            }
            return fits == count;
        }

        private void ensure(int capacity) {
            if (capacity > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(capacity, 2 * bytes.length)));
            }
        }

        String text() {
            return new String(bytes, 0, size, StandardCharsets.UTF_8);
        }
    }
}
