package dev.mixlog.examples.receiver;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Decodes a request body as sent ({@code Content-Encoding: gzip} or none) into its JSON bytes. */
final class WireBody {
    private WireBody() {
    }

    static byte[] decode(Headers headers, byte[] wire) throws Refusal {
        String encoding = headers.getFirst("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return wire;
        }
        if (!encoding.trim().equalsIgnoreCase("gzip")) {
            throw new Refusal(415, "unsupported Content-Encoding '" + encoding + "': send gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Refusal(400, "the body is not valid gzip: " + e.getMessage());
        }
    }
}
