package dev.mixlog.core.internal;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.http.Route;

/**
 * The kinds of record one appender sends, each batched on its own and posted to its own
 * {@link Route}: events, profile updates, group updates, {@code $identify} events.
 */
public enum RecordKind {
    EVENTS, PROFILES, GROUPS, IDENTITY;

    public Route route(MixlogConfig config) {
        switch (this) {
            case PROFILES: return Route.updates(config, "/engage");
            case GROUPS: return Route.updates(config, "/groups");
            case IDENTITY: return Route.track(config);
            default: return Route.events(config);
        }
    }
}
