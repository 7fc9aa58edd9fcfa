package com.example.shop.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each run of these classes logs through the backend it is set up for (Surefire's shop.backend), not the other. */
class LoggingBackendTest {
    @Test
    void slf4jRunsOnTheExpectedBackend() {
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        String backend = factory.startsWith("ch.qos.logback.") ? "logback" : factory.startsWith("org.apache.logging.") ? "log4j2" : factory;
        assertEquals(System.getProperty("shop.backend"), backend);
    }
}
