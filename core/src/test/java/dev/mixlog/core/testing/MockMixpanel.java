package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Mixpanel ingestion server on loopback, built on OkHttp's {@link MockWebServer}. It records every
 * request with its decoded body, answers as Mixpanel does ({@code /import}: {@code num_records_imported};
 * {@code /track}, {@code /engage} and {@code /groups}: {@code {"status":1,"error":null}}), and can be
 * scripted: one-off replies in order ({@link #enqueue}), one-off replies for one path
 * ({@link #enqueue(String, MockResponse)}), a standing rule ({@link #answerWith}), or hanging until
 * released ({@link #hang}).
 */
public final class MockMixpanel implements AutoCloseable {
    /** How one request was received and answered. */
    public static final class Received {
        private final RecordedRequest request;
        private final long atNanos;
        private final int index;
        private volatile int status;
        private volatile JsonNode parsed;

        Received(RecordedRequest request, long atNanos, int index) {
            this.request = request;
            this.atNanos = atNanos;
            this.index = index;
        }

        public RecordedRequest request() { return request; }
        /** {@link System#nanoTime()} when the request reached the server. */
        public long atNanos() { return atNanos; }
        /** 0 for the first request the server received, 1 for the second, ... */
        public int index() { return index; }
        /** The HTTP status answered (0 while hanging). */
        public int status() { return status; }
        public boolean accepted() { return status >= 200 && status < 300; }
        public String path() { return request.getRequestUrl().encodedPath(); }
        public String query(String name) { return request.getRequestUrl().queryParameter(name); }
        public String header(String name) { return request.getHeader(name); }
        /** The body after content decoding (gunzipped when sent gzip). */
        public byte[] decoded() { return Bodies.decoded(request); }
        /** The decoded body as JSON: the array of events (parsed once). */
        public JsonNode body() {
            JsonNode body = parsed;
            if (body == null) {
                body = Bodies.json(request);
                parsed = body;
            }
            return body;
        }

        /** The events of the body, in order. */
        public List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            body().forEach(events::add);
            return events;
        }

        /** The {@code properties.$insert_id} of each event, in order. */
        public List<String> insertIds() {
            List<String> ids = new ArrayList<>();
            body().forEach(event -> ids.add(event.path("properties").path("$insert_id").asText()));
            return ids;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Function<Received, MockResponse>> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<MockResponse>> pathScripts = new ConcurrentHashMap<>();
    private volatile Function<Received, MockResponse> standing = MockMixpanel::ok;
    private final HoldGate hold = new HoldGate();

    private MockMixpanel() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Received entry;
                synchronized (received) {
                    entry = new Received(request, System.nanoTime(), received.size());
                    received.add(entry);
                }
                hold.pass();
                MockResponse response = scripted(entry);
                entry.status = statusOf(response);
                return response;
            }

            @Override
            public void shutdown() {
                release();
            }
        });
    }

    /** Starts a server on the loopback address. */
    public static MockMixpanel start() {
        MockMixpanel mock = new MockMixpanel();
        try {
            mock.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mock;
    }

    /** The base URL to configure as {@code baseUrl}, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    /** Answers the next request (after those already enqueued) with this reply. */
    public MockMixpanel enqueue(Function<Received, MockResponse> reply) {
        script.add(reply);
        return this;
    }

    public MockMixpanel enqueue(MockResponse reply) {
        return enqueue(request -> reply);
    }

    /**
     * Answers the next request to this path (such as {@code /engage}) with this reply, before any
     * reply enqueued for all paths; requests to other paths are not affected.
     */
    public MockMixpanel enqueue(String path, MockResponse reply) {
        pathScripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(reply);
        return this;
    }

    private MockResponse scripted(Received entry) {
        Queue<MockResponse> forPath = pathScripts.get(entry.path());
        MockResponse reply = forPath == null ? null : forPath.poll();
        if (reply != null) {
            return reply;
        }
        Function<Received, MockResponse> next = script.poll();
        return (next != null ? next : standing).apply(entry);
    }

    /** Answers every request not scripted by {@link #enqueue} with this rule (the default: Mixpanel's 200). */
    public MockMixpanel answerWith(Function<Received, MockResponse> rule) {
        standing = rule;
        return this;
    }

    /** Holds every request from now on without answering, until {@link #release()} or close. */
    public MockMixpanel hang() {
        hold.hold();
        return this;
    }

    /** Lets held and later requests be answered. */
    public void release() {
        hold.release();
    }

    /** Every request received so far, in arrival order. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    public int requestCount() {
        return received.size();
    }

    /** The events of every request answered 2xx, in arrival order. */
    public List<JsonNode> acceptedEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (Received request : received) {
            if (request.accepted()) {
                events.addAll(request.events());
            }
        }
        return events;
    }

    /** Every request to this path (such as {@code /engage}) received so far, in arrival order. */
    public List<Received> requestsTo(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The records (events or updates) of every request to this path answered 2xx, in arrival order. */
    public List<JsonNode> acceptedRecords(String path) {
        List<JsonNode> records = new ArrayList<>();
        for (Received request : requestsTo(path)) {
            if (request.accepted()) {
                records.addAll(request.events());
            }
        }
        return records;
    }

    /** Waits until requests to this path answered 2xx carry at least this many records; returns them. */
    public List<JsonNode> awaitAcceptedRecords(String path, int count) {
        Await.until(() -> acceptedRecords(path).size() >= count,
                count + " records accepted on " + path + " (so far " + acceptedRecords(path).size() + ")");
        return acceptedRecords(path);
    }

    /** Waits until requests answered 2xx carry at least this many events; returns them. */
    public List<JsonNode> awaitAcceptedEvents(int count) {
        Await.until(() -> acceptedCount() >= count, count + " events accepted (so far " + acceptedCount() + ")");
        return acceptedEvents();
    }

    /** Waits until at least this many requests have arrived. */
    public void awaitRequests(int count) {
        Await.until(() -> received.size() >= count, count + " requests (so far " + received.size() + ")");
    }

    private int acceptedCount() {
        int count = 0;
        for (Received request : received) {
            if (request.accepted()) {
                count += request.body().size();
            }
        }
        return count;
    }

    /** Mixpanel's success reply for the request's endpoint ({@code verbose=1} form where it has one). */
    public static MockResponse ok(Received request) {
        if (request.path().equals("/track") || request.path().equals("/engage") || request.path().equals("/groups")) {
            return json(200, "{\"status\":1,\"error\":null}");
        }
        return json(200, "{\"code\":200,\"num_records_imported\":" + request.body().size() + ",\"status\":\"OK\"}");
    }

    /** A reply with a JSON body. */
    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static int statusOf(MockResponse response) {
        String[] statusLine = response.getStatus().split(" ");
        return Integer.parseInt(statusLine[1]);
    }

    @Override
    public void close() {
        release();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
