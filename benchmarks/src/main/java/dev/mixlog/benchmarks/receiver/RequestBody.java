package dev.mixlog.benchmarks.receiver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A request body read for counting: the decoded stream to parse, and how many bytes (body and
 * header) came over the wire.
 */
final class RequestBody implements AutoCloseable {
    private final Counting raw;
    private final InputStream decoded;
    private final long headerBytes;

    RequestBody(HttpExchange exchange) throws IOException {
        this.raw = new Counting(exchange.getRequestBody());
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        this.decoded = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw;
        this.headerBytes = headerBytes(exchange);
    }

    /** The body, decompressed when it was sent with {@code Content-Encoding: gzip}. */
    InputStream decoded() {
        return decoded;
    }

    /** Reads what is left, unread, and returns the body's size on the wire. */
    long drainAndCount() throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
        return raw.count;
    }

    long headerBytes() {
        return headerBytes;
    }

    @Override
    public void close() throws IOException {
        decoded.close();
    }

    /** Request line and header lines as HTTP/1.1 puts them on the wire. */
    private static long headerBytes(HttpExchange exchange) {
        long bytes = exchange.getRequestMethod().length() + 1 + exchange.getRequestURI().toString().length() + 1
                + exchange.getProtocol().length() + 2;
        Headers headers = exchange.getRequestHeaders();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return bytes + 2;
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
