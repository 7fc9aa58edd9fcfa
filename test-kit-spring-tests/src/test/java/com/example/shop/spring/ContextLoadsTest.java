package com.example.shop.spring;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test start.spring.io generates, with no recorder and no token, first in the suite: it starts the
 * context that {@link TokenlessTest} then takes from Spring's cache, where the starter attached no
 * appender (there was no token and no recorder).
 */
@SpringBootTest(properties = "mixlog.static-properties.app=shop")
@Order(0)
class ContextLoadsTest {
    @Autowired
    SignUps signUps;

    @Test
    void contextLoads() {
        assertNotNull(signUps);
    }
}
