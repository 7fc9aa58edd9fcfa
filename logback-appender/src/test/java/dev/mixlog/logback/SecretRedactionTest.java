package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No secret ever appears in Logback's status messages: not the token, the service-account secret
 * or the API secret, not their Basic-authentication forms, not when the server echoes them back,
 * and not from a {@code baseUrl} written with {@code user:password@}.
 */
class SecretRedactionTest {
    private static final String TOKEN = "TOKEN-0f9e8d7c6b5a";
    private static final String SA_USER = "mixlog-test.4f1c2d.mp-service-account";
    private static final String SA_SECRET = "SA-SECRET-a1b2c3d4e5";
    private static final String API_SECRET = "API-SECRET-9z8y7x6w";
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every form in which a secret could leak. */
    private static List<String> forbidden(List<String> secrets, String authorization) {
        List<String> forbidden = new ArrayList<>(secrets);
        for (String secret : secrets) {
            forbidden.add(base64(secret + ":"));
            forbidden.add(base64(SA_USER + ":" + secret));
        }
        if (authorization != null) {
            forbidden.add(authorization.substring("Basic ".length()));
        }
        return forbidden;
    }

    private void assertNoStatusContains(List<String> forbidden) {
        for (Status status : logback.statuses()) {
            String text = status.getMessage() + (status.getThrowable() == null ? "" : " " + status.getThrowable());
            for (String secret : forbidden) {
                assertFalse(text.contains(secret), () -> "status message shows '" + secret + "': " + text);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "secrets-token.xml          | TOKEN-0f9e8d7c6b5a                        | check token",
        "secrets-service-account.xml | TOKEN-0f9e8d7c6b5a SA-SECRET-a1b2c3d4e5 | check serviceAccountUsername, serviceAccountSecret and projectId",
        "secrets-api-secret.xml     | API-SECRET-9z8y7x6w                       | check apiSecret",
    })
    void aRefusalThatEchoesTheCredentialsShowsNoneOfThem(String configuration, String configuredSecrets, String check) {
        List<String> secrets = List.of(configuredSecrets.split(" "));
        server.answerWith(request -> Reply.json(401, "{\"error\":\"Invalid credentials: Authorization: "
                + request.header("Authorization") + " / raw " + request.header("Authorization").substring(6)
                + " / secrets " + String.join(", ", secrets) + "\",\"status\":0}"));
        logback = fixture.configure(configuration);

        logback.logger().info(MixpanelMarkers.event("Signed Up"), "signed up with {}", secrets.get(0));

        String error = logback.awaitStatus(Status.ERROR, "Mixpanel refused the credentials");
        assertTrue(error.contains("HTTP 401"), error);
        assertTrue(error.contains(check), () -> "names the setting to check (" + check + "): " + error);
        Await.until(() -> logback.stats().dropped(DropReason.REJECTED) == 1, "the event counted as rejected");
        logback.stop();
        String authorization = server.requests().get(0).header("Authorization");
        assertNoStatusContains(forbidden(secrets, authorization));
        String lastFailure = logback.stats().lastFailure();
        assertTrue(lastFailure.contains("credentials refused") && lastFailure.contains("HTTP 401"), lastFailure);
        for (String secret : forbidden(secrets, authorization)) {
            assertFalse(lastFailure.contains(secret), () -> "the last failure, shown by health checks, shows a secret: " + lastFailure);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "secrets-base-url-userinfo.xml",
        "secrets-base-url-malformed.xml",
        "secrets-base-url-no-scheme.xml",
        "secrets-base-url-slash.xml",
        "secrets-base-url-query.xml",
    })
    void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem(String configuration) {
        logback = fixture.configure(configuration, Map.of());

        assertFalse(logback.appender().isStarted());
        String error = logback.awaitStatus(Status.WARN, "baseUrl");
        assertTrue(error.startsWith("Mixpanel appender not started"), error);
        logback.stop();
        assertNoStatusContains(forbidden(List.of("URLPASS", "hunter2", TOKEN), null));
    }

    /**
     * With {@code ${VARIABLE}} values, Logback itself records {@code value "..." substituted for "${...}"}
     * (an INFO status of Logback's configurator, beyond the appender's reach); no status of the appender's
     * own shows a secret.
     */
    @org.junit.jupiter.api.Test
    void credentialsFromVariablesAreNotShownByTheAppender() {
        server.answerWith(request -> Reply.json(401, "{\"error\":\"bad credentials " + SA_SECRET + " "
                + request.header("Authorization") + "\"}"));
        logback = fixture.configure("secrets-from-variables.xml", Map.of("mockUrl", server.url(),
                "MIXPANEL_SA_USER", SA_USER, "MIXPANEL_SA_SECRET", SA_SECRET, "MIXPANEL_PROJECT_ID", "3141592"));

        logback.logger().info(MixpanelMarkers.event("Signed Up"), "signed up");
        logback.awaitStatus(Status.ERROR, "Mixpanel refused the credentials");
        logback.stop();

        List<String> forbidden = forbidden(List.of(SA_SECRET), null);
        for (Status status : logback.statuses()) {
            if (status.getOrigin() instanceof MixpanelAppender) {
                for (String secret : forbidden) {
                    assertFalse(status.getMessage().contains(secret), () -> "appender status shows a secret: " + status.getMessage());
                }
            }
        }
        assertTrue(logback.statuses().stream().anyMatch(status -> status.getOrigin() instanceof MixpanelAppender),
                "the appender did report");
    }
}
