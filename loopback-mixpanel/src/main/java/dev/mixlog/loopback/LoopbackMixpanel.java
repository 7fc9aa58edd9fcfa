package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A Mixpanel ingestion server on the loopback interface, for tests, demos and benchmarks. It serves
 * {@code /import}, {@code /track}, {@code /engage} and {@code /groups}; decodes each request (gunzip,
 * JSON), checks it against Mixpanel's published rules ({@link IngestionRules}; see
 * {@link Request#violations()}), and answers as Mixpanel does. It keeps every request and the events
 * it ingested, deduplicated by {@code $insert_id}; by default it ingests only what Mixpanel would. Replies can be scripted: one-off replies in order
 * ({@link #enqueue(Reply)}), for one path ({@link #enqueue(String, Reply)}), or a standing rule
 * ({@link #answerWith}); it can hang (hold every request until released) and go down and come back up
 * on the same port. Built on the JDK's HTTP server, so runs of 100,000 events stay cheap.
 * <pre>{@code
 * try (LoopbackMixpanel mixpanel = LoopbackMixpanel.start()) {
 *     // set the appender's baseUrl to mixpanel.url(), log, flush
 *     List<JsonNode> events = mixpanel.awaitAcceptedEvents(3);
 * }
 * }</pre>
 */
public final class LoopbackMixpanel implements AutoCloseable {
    static {
        // the JDK server writes a reply's headers and body apart: without TCP_NODELAY, delayed ACKs cost ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The JSON reader the server parses bodies with; tests may use it too. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REBIND_BOUND = Duration.ofSeconds(10);

    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-mixpanel");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private volatile HttpServer server;
    private final Ledger ledger = new Ledger();
    private final HoldGate hold = new HoldGate();
    private final Script script = new Script();

    private LoopbackMixpanel() {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    /** Starts a server on a free loopback port, accepting everything. */
    public static LoopbackMixpanel start() {
        return new LoopbackMixpanel();
    }

    /** The base URL to configure as {@code baseUrl}, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    /** Answers the next request (after those already enqueued) with this reply. */
    public LoopbackMixpanel enqueue(Reply reply) {
        return enqueue(request -> reply);
    }

    /** Answers the next request (after those already enqueued) as this function says. */
    public LoopbackMixpanel enqueue(Function<Request, Reply> reply) {
        script.next(reply);
        return this;
    }

    /** Answers the next request to this path (such as {@code /engage}) with this reply, before any enqueued for all paths. */
    public LoopbackMixpanel enqueue(String path, Reply reply) {
        script.nextOn(path, reply);
        return this;
    }

    /**
     * Answers every request not scripted by {@code enqueue} as the rule says. The default,
     * {@link Reply#asMixpanelWould}, answers from what {@link IngestionRules} finds in the request, as
     * Mixpanel would: valid records are ingested, invalid ones refused. The rule runs on the server's
     * threads, concurrently.
     */
    public LoopbackMixpanel answerWith(Function<Request, Reply> rule) {
        script.standing(rule);
        return this;
    }

    /** Holds every request from now on, unanswered, until {@link #release()} or close. */
    public LoopbackMixpanel hang() {
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
                Await.pause();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        ledger.started();
        boolean inFlight = true;
        try {
            Request request = RequestReader.read(exchange, ledger);
            hold.passQuietly();
            Reply reply = script.replyTo(request);
            ledger.ingest(request, reply);
            ledger.ended();
            inFlight = false;
            request.answered(reply, System.nanoTime());
            if (!ReplyWriter.write(exchange, request, reply)) {
                ledger.cutShort();
            }
        } finally {
            if (inFlight) {
                ledger.ended();
            }
            exchange.close();
        }
    }

    /** Every request received so far, in arrival order. */
    public List<Request> requests() { return ledger.requests(); }
    public int requestCount() { return ledger.requestCount(); }
    /** The most requests the server was handling at once. */
    public int maxConcurrentRequests() { return ledger.maxConcurrentRequests(); }
    /** Replies with a generated body that the client closed the connection on before the body ended. */
    public int repliesCutShort() { return ledger.repliesCutShort(); }
    /** Distinct records ingested (events deduplicated by {@code $insert_id}). */
    public int ingestedCount() { return ledger.ingestedCount(); }
    /** The records ingested, one per {@code $insert_id}. */
    public Collection<JsonNode> ingestedEvents() { return ledger.ingestedRecords(); }
    /** Events ingested again after an earlier ingestion of the same {@code $insert_id} (resent, then deduplicated). */
    public long duplicatesIngested() { return ledger.duplicatesIngested(); }
    /** The {@code $insert_id}s refused in strict-mode 400 replies. */
    public Set<String> refusedInsertIds() { return ledger.refusedInsertIds(); }

    /** Every request to this path (such as {@code /engage}) received so far, in arrival order. */
    public List<Request> requestsTo(String path) { return ledger.requestsTo(path); }
    /** The records of every request received, answered or not, in arrival order. */
    public List<JsonNode> records() { return ledger.records(null, false); }
    /** The one event received under this name; fails when there is none, or more than one. */
    public JsonNode event(String name) { return ledger.event(name); }
    /** The events of every request answered 2xx, in arrival order. */
    public List<JsonNode> acceptedEvents() { return ledger.records(null, true); }
    /** The records (events or updates) of every request to this path answered 2xx, in arrival order. */
    public List<JsonNode> acceptedRecords(String path) { return ledger.records(path, true); }
    /** Every violation of Mixpanel's rules found in the requests so far, each prefixed with its request. */
    public List<String> violations() { return ledger.violations(); }

    /** Waits until requests answered 2xx carry at least this many records; returns the accepted events. */
    public List<JsonNode> awaitAcceptedEvents(int count) {
        Await.until(Await.DEFAULT, () -> acceptedEvents().size() >= count,
                () -> count + " events accepted (so far " + acceptedEvents().size() + ")");
        return acceptedEvents();
    }

    /** Waits until requests to this path answered 2xx carry at least this many records; returns them. */
    public List<JsonNode> awaitAcceptedRecords(String path, int count) {
        Await.until(Await.DEFAULT, () -> acceptedRecords(path).size() >= count,
                () -> count + " records accepted on " + path + " (so far " + acceptedRecords(path).size() + ")");
        return acceptedRecords(path);
    }

    /** Waits until at least this many requests have arrived. */
    public void awaitRequests(int count) {
        Await.until(Await.DEFAULT, () -> requestCount() >= count, () -> count + " requests (so far " + requestCount() + ")");
    }

    /** Waits until this many distinct records have been ingested. */
    public void awaitIngested(int count, Duration bound) {
        Await.until(bound, () -> ingestedCount() >= count, () -> count + " events ingested (so far " + ingestedCount() + ")");
    }

    /** Releases held requests, closes the listening socket and every connection, and ends the server's threads. */
    @Override
    public void close() {
        release();
        down();
        handlers.shutdownNow();
    }
}
