package dev.mixlog.core;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.http.Route;

/** The separately batched streams one appender sends: events, profile updates, group updates, identity events. */
enum Destination {
    EVENTS, PROFILES, GROUPS, IDENTITY;

    Route route(MixlogConfig config) {
        switch (this) {
            case PROFILES: return Route.updates(config, "/engage");
            case GROUPS: return Route.updates(config, "/groups");
            case IDENTITY: return Route.track(config);
            default: return Route.events(config);
        }
    }
}
