package dev.mixlog.benchmarks.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A snapshot of the receivers' counters, fetched from {@link ReceiverServer}'s {@code /stats}. */
public final class ReceiverStats {
    private final Properties values;

    private ReceiverStats(Properties values) {
        this.values = values;
    }

    /** Fetches the counters now. */
    public static ReceiverStats fetch(String statsUrl) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(statsUrl).openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            try (InputStream in = connection.getInputStream()) {
                Properties values = new Properties();
                values.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                return new ReceiverStats(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receivers' counters at " + statsUrl, e);
        }
    }

    /** One counter, such as {@code mixpanel.events} or {@code loki.bodyBytes}. */
    public long get(String key) {
        return Long.parseLong(values.getProperty(key, "0"));
    }
}
