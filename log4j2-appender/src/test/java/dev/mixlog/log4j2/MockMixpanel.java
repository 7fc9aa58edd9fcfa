package dev.mixlog.log4j2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Await;
import dev.mixlog.core.testing.Bodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A loopback Mixpanel that accepts every {@code /import} request and keeps it, and publishes its URL
 * as the system property {@code mockUrl} that the test configurations use as {@code baseUrl}.
 */
final class MockMixpanel implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private MockMixpanel(boolean answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                if (!answer) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                }
                return new MockResponse().setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"code\":200,\"num_records_imported\":1,\"status\":\"OK\"}");
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("mockUrl", server.url("/").toString());
    }

    /** A server that answers 200 to every request. */
    static MockMixpanel start() {
        return new MockMixpanel(true);
    }

    /** A server that takes requests and never answers them. */
    static MockMixpanel silent() {
        return new MockMixpanel(false);
    }

    /** The server's URL as the appender holds it: without a trailing slash. */
    URI url() {
        return URI.create(server.url("/").toString().replaceAll("/$", ""));
    }

    List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** Each request's decoded body (a JSON array of events). */
    List<JsonNode> bodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest request : requests) {
            bodies.add(Bodies.json(request));
        }
        return bodies;
    }

    /** Every event received, in request order. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode body : bodies()) {
            body.forEach(events::add);
        }
        return events;
    }

    /** The single event received under this name. */
    JsonNode event(String name) {
        JsonNode found = null;
        for (JsonNode event : events()) {
            if (name.equals(event.path("event").asText())) {
                if (found != null) {
                    throw new AssertionError("more than one event named " + name + ": " + events());
                }
                found = event;
            }
        }
        if (found == null) {
            throw new AssertionError("no event named " + name + " among " + events());
        }
        return found;
    }

    void awaitEvents(int count) {
        Await.until(() -> events().size() >= count, count + " events at the loopback server");
    }

    void awaitRequests(int count) {
        Await.until(() -> requests.size() >= count, count + " requests at the loopback server");
    }

    @Override
    public void close() throws IOException {
        System.clearProperty("mockUrl");
        server.shutdown();
    }
}
