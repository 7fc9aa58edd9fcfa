package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link LoopbackMixpanel} received and kept: every request in arrival order, and the events
 * it ingested, deduplicated by {@code $insert_id} as Mixpanel does.
 */
final class Ledger {
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, JsonNode> ingested = new ConcurrentHashMap<>();
    private final AtomicLong ingestions = new AtomicLong();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger repliesCutShort = new AtomicInteger();

    /** Numbers and keeps a request as it arrives. */
    Request add(RequestFactory factory) {
        synchronized (requests) {
            Request request = factory.create(requests.size());
            requests.add(request);
            return request;
        }
    }

    /** Makes the request that arrives with the next index. */
    interface RequestFactory {
        Request create(int index);
    }

    void ingest(Request request, Reply reply) {
        List<JsonNode> records = request.records();
        List<JsonNode> taken = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            boolean refusedHere = reply.ingest == Reply.Ingest.NONE
                    || (reply.ingest == Reply.Ingest.ALL_BUT_REFUSED && reply.refused.contains(i));
            if (refusedHere) {
                if (reply.ingest == Reply.Ingest.ALL_BUT_REFUSED) {
                    refused.add(Request.insertId(records.get(i)));
                }
                continue;
            }
            ingestions.incrementAndGet();
            taken.add(records.get(i));
            ingested.putIfAbsent(key(request, records.get(i)), records.get(i));
        }
        request.ingested(taken);
    }

    /** Events deduplicate by {@code $insert_id}; updates, which have none, never do. */
    private String key(Request request, JsonNode record) {
        String insertId = Request.insertId(record);
        return insertId.isEmpty() ? request.path() + "#" + request.index() + "#" + System.identityHashCode(record) : insertId;
    }

    void started() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void ended() {
        inFlight.decrementAndGet();
    }

    void cutShort() {
        repliesCutShort.incrementAndGet();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    int maxConcurrentRequests() { return maxInFlight.get(); }
    int repliesCutShort() { return repliesCutShort.get(); }
    int ingestedCount() { return ingested.size(); }
    Collection<JsonNode> ingestedRecords() { return List.copyOf(ingested.values()); }
    long duplicatesIngested() { return ingestions.get() - ingested.size(); }
    Set<String> refusedInsertIds() { return Set.copyOf(refused); }

    List<Request> requestsTo(String path) {
        List<Request> matching = new ArrayList<>();
        for (Request request : requests()) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The records of the requests to the path (any, for {@code null}), of those answered 2xx only if asked. */
    List<JsonNode> records(String path, boolean acceptedOnly) {
        List<JsonNode> records = new ArrayList<>();
        for (Request request : requests()) {
            if ((path == null || request.path().equals(path)) && (!acceptedOnly || request.accepted())) {
                records.addAll(request.records());
            }
        }
        return records;
    }

    List<String> violations() {
        List<String> all = new ArrayList<>();
        for (Request request : requests()) {
            request.violations().forEach(violation -> all.add(request.path() + " #" + request.index() + ": " + violation));
        }
        return all;
    }

    JsonNode event(String name) {
        JsonNode found = null;
        List<JsonNode> all = records(null, false);
        for (JsonNode record : all) {
            if (name.equals(record.path("event").asText())) {
                if (found != null) {
                    throw new AssertionError("more than one event named " + name + ": " + all);
                }
                found = record;
            }
        }
        if (found == null) {
            throw new AssertionError("no event named " + name + " among " + all);
        }
        return found;
    }
}
