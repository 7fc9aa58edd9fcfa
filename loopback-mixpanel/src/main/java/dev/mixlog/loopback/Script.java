package dev.mixlog.loopback;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** Which reply the next request gets: one scripted for its path, else the next scripted, else the standing rule. */
final class Script {
    private final Queue<Function<Request, Reply>> next = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Reply>> nextOnPath = new ConcurrentHashMap<>();
    private volatile Function<Request, Reply> standing = Reply::asMixpanelWould;

    void next(Function<Request, Reply> reply) {
        next.add(reply);
    }

    void nextOn(String path, Reply reply) {
        nextOnPath.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(reply);
    }

    void standing(Function<Request, Reply> rule) {
        standing = rule;
    }

    Reply replyTo(Request request) {
        Queue<Reply> forPath = nextOnPath.get(request.path());
        Reply scripted = forPath == null ? null : forPath.poll();
        if (scripted != null) {
            return scripted;
        }
        Function<Request, Reply> scriptedRule = next.poll();
        return (scriptedRule != null ? scriptedRule : standing).apply(request);
    }
}
