package dev.mixlog.test;

import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Mixpanel ingestion server on loopback, for integration tests over real HTTP: point an appender's
 * {@code baseUrl} at {@link #url()}. It checks every request against Mixpanel's published rules
 * (authentication, batch and size limits, required fields, the form of each update), answers as
 * Mixpanel does (strict {@code /import} replies included), keeps what it accepted per endpoint, and
 * misbehaves on request (429 with {@code Retry-After}, 5xx, 413, a hang) for tests of retry
 * expectations. The project's own tests use the same server ({@link #server()}).
 * <pre>{@code
 * try (LocalMixpanel mixpanel = LocalMixpanel.start()) {
 *     System.setProperty("mixpanelUrl", mixpanel.url());   // <baseUrl>${mixpanelUrl}</baseUrl>
 *     ...
 *     assertEquals("Signed Up", mixpanel.awaitEvents(1).get(0).name());
 *     assertEquals(List.of(), mixpanel.violations());
 * }
 * }</pre>
 */
public final class LocalMixpanel implements AutoCloseable {
    private final LoopbackMixpanel server;

    private LocalMixpanel(LoopbackMixpanel server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static LocalMixpanel start() {
        return new LocalMixpanel(LoopbackMixpanel.start());
    }

    /** The base URL to configure, such as {@code http://127.0.0.1:40123}. */
    public String url() {
        return server.url();
    }

    /** The events accepted on {@code /import} and {@code /track}, in the order received per endpoint. */
    public List<RecordedEvent> events() {
        List<RecordedEvent> events = new ArrayList<>();
        for (String endpoint : List.of("/import", "/track")) {
            server.acceptedRecords(endpoint).forEach(record -> events.add(new RecordedEvent(endpoint, record)));
        }
        return List.copyOf(events);
    }

    /** Waits (up to 30 seconds) until this many distinct events were accepted, and returns them. */
    public List<RecordedEvent> awaitEvents(int count) {
        server.awaitAcceptedEvents(count);
        return events();
    }

    /** The profile updates accepted on {@code /engage}. */
    public List<RecordedUpdate> profileUpdates() {
        return updates("/engage");
    }

    /** The group updates accepted on {@code /groups}. */
    public List<RecordedUpdate> groupUpdates() {
        return updates("/groups");
    }

    /** Where requests broke Mixpanel's rules, one sentence each; empty when every request kept them. */
    public List<String> violations() {
        return server.violations();
    }

    /** How many requests arrived. */
    public int requestCount() {
        return server.requestCount();
    }

    /** Answers the next request with 429 and {@code Retry-After: <seconds>}, ingesting nothing. */
    public LocalMixpanel rateLimitNext(int seconds) {
        server.enqueue(Reply.rateLimited(seconds));
        return this;
    }

    /** Answers the next request with this status (a 5xx, say) and a Mixpanel-style error body, ingesting nothing. */
    public LocalMixpanel failNext(int status) {
        server.enqueue(Reply.refuse(status, "{\"error\":\"failure injected by LocalMixpanel\",\"status\":0}"));
        return this;
    }

    /** Answers the next request with 413, as Mixpanel does for a request over its size limit. */
    public LocalMixpanel refuseNextAsTooLarge() {
        return failNext(413);
    }

    /** Holds every request without an answer until {@link #release()}. */
    public LocalMixpanel hang() {
        server.hang();
        return this;
    }

    /** Answers the requests held by {@link #hang()}, and those to come, again. */
    public void release() {
        server.release();
    }

    /** Decides every answer from now on: {@code Reply::asMixpanelWould} is the default. */
    public LocalMixpanel answerWith(Function<Request, Reply> rule) {
        server.answerWith(rule);
        return this;
    }

    /** The server underneath, for what this class does not cover: every request as received, scripted replies, outages. */
    public LoopbackMixpanel server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private List<RecordedUpdate> updates(String endpoint) {
        return server.acceptedRecords(endpoint).stream().map(record -> new RecordedUpdate(endpoint, record))
                .collect(Collectors.toUnmodifiableList());
    }
}
