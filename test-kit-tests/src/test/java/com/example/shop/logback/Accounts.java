package com.example.shop.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/** The code under test: a service that logs its analytics through SLF4J and Logback. */
class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");

    void signUp(String userId, String plan, int seats) {
        MDC.put("distinct_id", userId);
        try {
            log.atInfo().addMarker(SIGNED_UP)
                    .addKeyValue("plan", plan)
                    .addKeyValue("seats", seats)
                    .addKeyValue("trial", true)
                    .addKeyValue("price", 9.5)
                    .addKeyValue("features", List.of("sso", "audit"))
                    .log("user {} signed up", userId);
            log.atInfo().addMarker(MixpanelMarkers.profileSet())
                    .addKeyValue("plan", plan)
                    .log("profile of {}", userId);
        } finally {
            MDC.remove("distinct_id");
        }
    }

    void joinCompany(String userId, String company, String name) {
        MDC.put("distinct_id", userId);
        try {
            log.atInfo().addMarker(MixpanelMarkers.groupSet("company"))
                    .addKeyValue("company", company)
                    .addKeyValue("name", name)
                    .log("{} joined {}", userId, company);
            log.atInfo().addMarker(MixpanelMarkers.profileUnion())
                    .addKeyValue("companies", List.of(company))
                    .log("{} joined {}", userId, company);
        } finally {
            MDC.remove("distinct_id");
        }
    }

    /** A bug: the profile update names nobody (no distinct_id anywhere). */
    void forgetTheUser(String plan) {
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", plan).log("plan changed");
    }

    void logOnly(String userId) {
        log.info("user {} looked at the pricing page", userId);
    }
}
