package com.example.shop.spring;

import dev.mixlog.slf4j.MixpanelMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Service;

/** The code under test: it logs its analytics through SLF4J, on Logback or on Log4j2. */
@Service
public class SignUps {
    private static final Logger log = LoggerFactory.getLogger(SignUps.class);
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");

    /** The user goes under distinct_id, the key Mixlog reads by default. */
    public void signUp(String userId, String plan) {
        log.atInfo().addMarker(SIGNED_UP).addKeyValue("distinct_id", userId).addKeyValue("plan", plan).log("user signed up");
    }

    /** The user goes under "user", which a service reads with mixlog.distinct-id-key=user. */
    public void signUpUnderUserKey(String userId, String plan) {
        log.atInfo().addMarker(SIGNED_UP).addKeyValue("user", userId).addKeyValue("plan", plan).log("user signed up");
    }
}
