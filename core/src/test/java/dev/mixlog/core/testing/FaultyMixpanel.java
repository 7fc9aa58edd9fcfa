package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A Mixpanel ingestion server on loopback that injects faults, built on the JDK's {@link HttpServer}
 * so that runs of 100,000 events and more stay cheap. A rule chooses each request's {@link Fault};
 * the server keeps the events it ingested, deduplicated by {@code $insert_id} as Mixpanel does, and
 * how each request arrived and was answered ({@link Arrival}). It can hang (hold every request until
 * released), and go down (close its listening socket: connections are refused) and come back on the
 * same port. Every {@code /import} and {@code /track} body is checked against {@link MixpanelSchema}.
 */
public final class FaultyMixpanel implements AutoCloseable {
    static {
        // the JDK server writes a reply's headers and body apart: without TCP_NODELAY, delayed ACKs cost ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Duration REBIND_BOUND = Duration.ofSeconds(10);
    private static final int MAX_PROBLEMS_KEPT = 100;
    /** How long an endless reply body is written at most, should the client never close. */
    private static final Duration ENDLESS_BODY_BOUND = Duration.ofSeconds(30);

    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-mixpanel");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private volatile HttpServer server;
    private volatile Function<Arrival, Fault> rule = arrival -> Fault.accept();
    private final HoldGate hold = new HoldGate();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Map<String, JsonNode> ingested = new ConcurrentHashMap<>();
    private final AtomicLong ingestions = new AtomicLong();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<String> schemaProblems = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger repliesCutShort = new AtomicInteger();

    private FaultyMixpanel() {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    /** Starts a server on a free loopback port, accepting everything. */
    public static FaultyMixpanel start() {
        return new FaultyMixpanel();
    }

    /** The base URL to configure as {@code baseUrl}. */
    public String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    /** Answers every request from now on as the rule says; it runs on the server's threads, concurrently. */
    public FaultyMixpanel rule(Function<Arrival, Fault> decide) {
        rule = decide;
        return this;
    }

    /** Holds every request from now on, unanswered, until {@link #release()}. */
    public FaultyMixpanel hang() {
        hold.hold();
        return this;
    }

    /** Lets held and later requests be answered. */
    public void release() {
        hold.release();
    }

    /** Closes the listening socket and every connection: from now on connections are refused. */
    public void down() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            running.stop(0);
        }
    }

    /** Listens again, on the same port. */
    public void up() {
        if (server == null) {
            server = bind(port);
        }
    }

    private HttpServer bind(int onPort) {
        long deadline = System.nanoTime() + REBIND_BOUND.toNanos();
        while (true) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 256);
                created.setExecutor(handlers);
                created.createContext("/", this::handle);
                created.start();
                return created;
            } catch (BindException stillInUse) {
                if (System.nanoTime() - deadline > 0) {
                    throw new UncheckedIOException(stillInUse);
                }
                sleepBriefly();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean inFlightCounted = true;
        try {
            Arrival arrival = receive(exchange);
            awaitRelease();
            Fault fault = rule.apply(arrival);
            ingest(arrival, fault);
            inFlight.decrementAndGet();
            inFlightCounted = false;
            arrival.answered(fault, System.nanoTime());
            respond(exchange, arrival, fault);
        } finally {
            if (inFlightCounted) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    private Arrival receive(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        byte[] decoded = gzip ? gunzip(raw) : raw;
        String path = exchange.getRequestURI().getPath();
        List<JsonNode> events = new ArrayList<>();
        try {
            JsonNode body = Bodies.JSON.readTree(decoded);
            body.forEach(events::add);
            if (path.equals("/import") || path.equals("/track")) {
                List<String> problems = path.equals("/track") ? MixpanelSchema.trackBody(body) : MixpanelSchema.importBody(body);
                problems.stream().limit(Math.max(0, MAX_PROBLEMS_KEPT - schemaProblems.size())).forEach(schemaProblems::add);
            }
        } catch (IOException notJson) {
            schemaProblems.add("body is not JSON: " + notJson.getMessage());
        }
        synchronized (arrivals) {
            Arrival arrival = new Arrival(arrivals.size(), path, System.nanoTime(),
                    exchange.getRequestHeaders().getFirst("Authorization"), decoded.length, events);
            arrivals.add(arrival);
            return arrival;
        }
    }

    private void awaitRelease() {
        try {
            hold.pass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ingest(Arrival arrival, Fault fault) {
        List<JsonNode> events = arrival.events();
        for (int i = 0; i < events.size(); i++) {
            boolean refusedHere = fault.ingest == Fault.Ingest.NONE
                    || (fault.ingest == Fault.Ingest.ALL_BUT_REFUSED && fault.refused.contains(i));
            if (refusedHere) {
                if (fault.ingest == Fault.Ingest.ALL_BUT_REFUSED) {
                    refused.add(Arrival.insertId(events.get(i)));
                }
                continue;
            }
            ingestions.incrementAndGet();
            ingested.putIfAbsent(Arrival.insertId(events.get(i)), events.get(i));
        }
    }

    private void respond(HttpExchange exchange, Arrival arrival, Fault fault) throws IOException {
        if (fault.dropConnection) {
            return;
        }
        String body = fault.body != null ? fault.body : defaultBody(arrival, fault);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        fault.headers.forEach(exchange.getResponseHeaders()::set);
        if (fault.streamedBytes == Fault.STALLS) {
            stall(exchange, fault, bytes);
            return;
        }
        if (fault.streamedBytes > 0) {
            streamHugeBody(exchange, fault, bytes);
            return;
        }
        exchange.sendResponseHeaders(fault.status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Writes the headers and the body's first bytes, then nothing, until the server closes (or {@link #ENDLESS_BODY_BOUND}). */
    private static void stall(HttpExchange exchange, Fault fault, byte[] start) throws IOException {
        exchange.sendResponseHeaders(fault.status, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(start);
        out.flush();
        try {
            Thread.sleep(ENDLESS_BODY_BOUND.toMillis());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the body's start, then generated bytes from one small chunk, until the count or, for an
     * endless body, until the client closes the connection (or {@link #ENDLESS_BODY_BOUND} passes).
     */
    private void streamHugeBody(HttpExchange exchange, Fault fault, byte[] start) throws IOException {
        boolean endless = fault.streamedBytes == Long.MAX_VALUE;
        exchange.sendResponseHeaders(fault.status, endless ? 0 : start.length + fault.streamedBytes);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long giveUpAt = System.nanoTime() + ENDLESS_BODY_BOUND.toNanos();
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start);
            for (long left = fault.streamedBytes; left > 0 && System.nanoTime() - giveUpAt < 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException closedByClient) {
            // the client read what it wanted and closed the connection
            repliesCutShort.incrementAndGet();
        }
    }

    private static String defaultBody(Arrival arrival, Fault fault) {
        if (fault.status == 400) {
            StringBuilder records = new StringBuilder();
            for (int index : fault.refused) {
                records.append(records.length() == 0 ? "" : ",").append("{\"index\":").append(index)
                        .append(",\"$insert_id\":\"").append(Arrival.insertId(arrival.events().get(index)))
                        .append("\",\"field\":\"properties.valid\",\"message\":\"'properties.valid' must not be false\"}");
            }
            return "{\"code\":400,\"error\":\"some data points in the request failed validation\",\"failed_records\":["
                    + records + "],\"num_records_imported\":" + (arrival.events().size() - fault.refused.size())
                    + ",\"status\":\"Bad Request\"}";
        }
        if (arrival.path().equals("/import")) {
            return "{\"code\":200,\"num_records_imported\":" + arrival.events().size() + ",\"status\":\"OK\"}";
        }
        return "{\"status\":1,\"error\":null}";
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    /** Every request so far, in arrival order. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Replies with a generated body that the client closed the connection on before the body ended. */
    public int repliesCutShort() {
        return repliesCutShort.get();
    }

    public int requestCount() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    /** The most requests the server was handling at once. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Distinct events ingested, deduplicated by {@code $insert_id}. */
    public int ingestedCount() {
        return ingested.size();
    }

    /** The events ingested, one per {@code $insert_id}. */
    public Collection<JsonNode> ingestedEvents() {
        return ingested.values();
    }

    /** Events ingested again after an earlier ingestion of the same {@code $insert_id} (resent, then deduplicated). */
    public long duplicatesIngested() {
        return ingestions.get() - ingested.size();
    }

    /** The {@code $insert_id}s refused in strict-mode 400 replies. */
    public Set<String> refusedInsertIds() {
        return Set.copyOf(refused);
    }

    /** Problems found by {@link MixpanelSchema} in the bodies received (the first hundred). */
    public List<String> schemaProblems() {
        return List.copyOf(schemaProblems);
    }

    /** Waits until this many distinct events have been ingested. */
    public void awaitIngested(int count, Duration bound) {
        Await.until(bound, () -> ingested.size() >= count, () -> count + " events ingested (so far " + ingested.size() + ")");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        down();
        handlers.shutdownNow();
    }
}
