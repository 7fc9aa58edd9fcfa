package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.http.Route;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings as written by users, checked all at once into an immutable configuration. */
class MixlogSettingsTest {

    private static MixlogSettings withToken() {
        return new MixlogSettings().text(Settings.TOKEN, "project-token");
    }

    private static String problemOf(MixlogSettings settings) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, settings::build);
        assertEquals(1, e.problems().size(), () -> "expected one problem, got " + e.problems());
        return e.problems().get(0);
    }

    @Test
    void appliesTheDocumentedDefaults() {
        MixlogConfig config = withToken().build();

        assertEquals(Endpoint.IMPORT, config.endpoint());
        assertEquals(Region.US, config.region());
        assertEquals(URI.create("https://api.mixpanel.com"), config.baseUrl());
        assertEquals(2000, config.maxBatchEvents());
        assertEquals(2 * 1024 * 1024, config.maxBatchBytes());
        assertEquals(Duration.ofSeconds(1), config.flushInterval());
        assertTrue(config.gzip());
        assertEquals(16384, config.ringBufferSize());
        assertEquals(Duration.ofSeconds(10), config.shutdownTimeout());
        assertEquals(4, config.maxInFlight());
        assertEquals(Duration.ofSeconds(2), config.retryInitialBackoff());
        assertEquals(Duration.ofSeconds(60), config.retryMaxBackoff());
        assertEquals(Duration.ofMinutes(10), config.maxRetryTime());
        assertEquals(255, config.maxStringLength());
        assertEquals("distinct_id", config.distinctIdKey());
        assertEquals(Selection.MARKER, config.selection());
        assertTrue(config.shutdownHook());
        assertFalse(config.includeLevel() || config.includeLogger() || config.includeThread()
                || config.includeMessage() || config.includeException());
    }

    @Test
    void readsEveryKindOfValue() {
        MixlogConfig config = withToken()
                .text(Settings.MAX_BATCH_EVENTS, "500").text(Settings.MAX_BATCH_BYTES, "512KiB").text(Settings.FLUSH_INTERVAL, "250ms").text(Settings.GZIP, "false")
                .text(Settings.RING_BUFFER_SIZE, "1024").text(Settings.SHUTDOWN_TIMEOUT, "2s").text(Settings.MAX_IN_FLIGHT, "2").text(Settings.CONNECT_TIMEOUT, "1s")
                .text(Settings.REQUEST_TIMEOUT, "5s").text(Settings.RETRY_INITIAL_BACKOFF, "10ms").text(Settings.RETRY_MAX_BACKOFF, "1min").text(Settings.MAX_RETRY_TIME, "30s")
                .text(Settings.MAX_STRING_LENGTH, "100").text(Settings.DISTINCT_ID_KEY, "userId").text(Settings.SELECTION, "all").text(Settings.INCLUDE_LEVEL, "true")
                .text(Settings.MDC_INCLUDE, "a, b").text(Settings.MDC_INCLUDE, "c").text(Settings.MDC_EXCLUDE, "secret").text(Settings.STATIC_PROPERTY, "env=prod")
                .staticProperty("app", "shop").text(Settings.SHUTDOWN_HOOK, "off").build();

        assertEquals(500, config.maxBatchEvents());
        assertEquals(512 * 1024, config.maxBatchBytes());
        assertEquals(Duration.ofMillis(250), config.flushInterval());
        assertFalse(config.gzip());
        assertEquals(1024, config.ringBufferSize());
        assertEquals(Duration.ofSeconds(2), config.shutdownTimeout());
        assertEquals(2, config.maxInFlight());
        assertEquals(Duration.ofMillis(10), config.retryInitialBackoff());
        assertEquals(Duration.ofMinutes(1), config.retryMaxBackoff());
        assertEquals(100, config.maxStringLength());
        assertEquals("userId", config.distinctIdKey());
        assertEquals(Selection.ALL, config.selection());
        assertTrue(config.includeLevel());
        assertEquals(Set.of("a", "b", "c"), config.get(Settings.MDC_INCLUDE));
        assertEquals(Set.of("secret"), config.get(Settings.MDC_EXCLUDE));
        assertTrue(config.sendsMdcKey("a"));
        assertFalse(config.sendsMdcKey("d"));
        assertEquals(Map.of("env", "prod", "app", "shop"), config.staticProperties());
        assertFalse(config.shutdownHook());
    }

    @ParameterizedTest(name = "region {0} sends to {1}")
    @CsvSource({
        "US, https://api.mixpanel.com",
        "EU, https://api-eu.mixpanel.com",
        "eu, https://api-eu.mixpanel.com",
        "IN, https://api-in.mixpanel.com",
        "India, https://api-in.mixpanel.com",
    })
    void regionChoosesTheIngestionHost(String region, String host) {
        MixlogConfig config = withToken().text(Settings.REGION, region).build();

        assertEquals(URI.create(host), config.baseUrl());
        assertEquals(URI.create(host + "/import?strict=1"), Route.events(config).uri());
    }

    @Test
    void baseUrlWinsOverRegionAndLosesItsTrailingSlash() {
        MixlogConfig config = withToken().text(Settings.REGION, "EU").text(Settings.BASE_URL, "http://127.0.0.1:8080/proxy/").build();

        assertEquals(URI.create("http://127.0.0.1:8080/proxy"), config.baseUrl());
        assertEquals(URI.create("http://127.0.0.1:8080/proxy/import?strict=1"), Route.events(config).uri());
    }

    @Test
    void unknownRegionIsRefused() {
        assertTrue(problemOf(withToken().text(Settings.REGION, "Mars")).startsWith("region must be US, EU or IN, got 'Mars'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"form", "FORM", " Form "})
    void requestFormatFormSendsTrackAndUpdatesAsFormsButNeverImport(String value) {
        MixlogConfig config = withToken().text(Settings.REQUEST_FORMAT, value).build();

        assertEquals(RequestFormat.FORM, config.requestFormat());
        assertTrue(Route.track(config).form());
        assertTrue(Route.updates(config, "/engage").form());
        assertFalse(Route.events(config).form(), "/import takes JSON only");
        assertFalse(Route.track(config).gzip(), "a form is never compressed");
        assertEquals(RequestFormat.JSON, withToken().build().requestFormat());
        assertTrue(problemOf(withToken().text(Settings.REQUEST_FORMAT, "xml")).startsWith("requestFormat must be json or form, got 'xml'"));
    }

    @Test
    void tokenAuthenticatesImportWithTheTokenAsUserName() {
        Credentials credentials = Credentials.of(withToken().build());

        assertEquals(Credentials.ImportAuth.PROJECT_TOKEN, credentials.importAuth());
        assertEquals(Optional.of(basic("project-token:")), credentials.importAuthorization());
        assertEquals(Optional.empty(), credentials.projectId());
    }

    @Test
    void serviceAccountIsPreferredAndCarriesTheProjectId() {
        MixlogConfig config = withToken().text(Settings.SERVICE_ACCOUNT_USERNAME, "sa.user").text(Settings.SERVICE_ACCOUNT_SECRET, "sa-secret")
                .text(Settings.PROJECT_ID, "12345").build();

        assertEquals(Credentials.ImportAuth.SERVICE_ACCOUNT, Credentials.of(config).importAuth());
        assertEquals(Optional.of(basic("sa.user:sa-secret")), Credentials.of(config).importAuthorization());
        assertEquals(URI.create("https://api.mixpanel.com/import?strict=1&project_id=12345"), Route.events(config).uri());
    }

    @Test
    void apiSecretIsTheLastResort() {
        Credentials credentials = Credentials.of(new MixlogSettings().text(Settings.API_SECRET, "api-secret").build());

        assertEquals(Credentials.ImportAuth.API_SECRET, credentials.importAuth());
        assertEquals(Optional.of(basic("api-secret:")), credentials.importAuthorization());
    }

    @Test
    void trackSendsNoAuthorizationAndAsksForVerboseReplies() {
        MixlogConfig config = withToken().text(Settings.ENDPOINT, "track").build();
        Route route = Route.events(config);

        assertEquals(URI.create("https://api.mixpanel.com/track?verbose=1&ip=0"), route.uri());
        assertEquals(Optional.empty(), route.authorization());
        assertFalse(route.strictImport());
    }

    @Test
    void credentialsNeverShowASecret() {
        Credentials credentials = Credentials.of(withToken().text(Settings.SERVICE_ACCOUNT_USERNAME, "sa.user").text(Settings.SERVICE_ACCOUNT_SECRET, "sa-secret")
                .text(Settings.PROJECT_ID, "1").text(Settings.API_SECRET, "api-secret").build());

        String shown = credentials.toString();
        for (String secret : List.of("project-token", "sa-secret", "api-secret", basic("sa.user:sa-secret").substring(6))) {
            assertFalse(shown.contains(secret), shown);
        }
        assertTrue(credentials.secrets().containsAll(List.of("project-token", "sa-secret", "api-secret",
                basic("sa.user:sa-secret").substring("Basic ".length()))));
    }

    @ParameterizedTest(name = "maxBatchEvents={0}")
    @ValueSource(strings = {"0", "5000", "-1"})
    void maxBatchEventsStaysWithinMixpanelsLimit(String value) {
        assertEquals("maxBatchEvents must be a whole number from 1 to 2000, got " + value + ".",
                problemOf(withToken().text(Settings.MAX_BATCH_EVENTS, value)));
    }

    @Test
    void maxBatchBytesStaysWithinMixpanelsLimit() {
        assertTrue(problemOf(withToken().text(Settings.MAX_BATCH_BYTES, "3MiB")).startsWith("maxBatchBytes must be from 1024 to 2097152 bytes"));
        assertTrue(problemOf(withToken().text(Settings.MAX_BATCH_BYTES, "lots")).startsWith("maxBatchBytes must be a size such as 512KiB or 2MiB"));
    }

    @Test
    void ringBufferSizeMustBeAPowerOfTwo() {
        assertTrue(problemOf(withToken().text(Settings.RING_BUFFER_SIZE, "1000")).startsWith("ringBufferSize must be a power of two"));
    }

    @Test
    void durationsThatDoNotParseSayWhatIsExpected() {
        assertEquals("flushInterval must be a duration such as 500ms, 2s or 1min, got 'abc'.",
                problemOf(withToken().text(Settings.FLUSH_INTERVAL, "abc")));
    }

    @Test
    void backoffsMustBeOrdered() {
        assertTrue(problemOf(withToken().text(Settings.RETRY_INITIAL_BACKOFF, "2s").text(Settings.RETRY_MAX_BACKOFF, "1s"))
                .startsWith("retryMaxBackoff (PT1S) must not be shorter than retryInitialBackoff (PT2S)"));
    }

    @Test
    void trackWithoutTokenIsRefused() {
        assertTrue(problemOf(new MixlogSettings().text(Settings.ENDPOINT, "track").text(Settings.SERVICE_ACCOUNT_USERNAME, "u")
                .text(Settings.SERVICE_ACCOUNT_SECRET, "s").text(Settings.PROJECT_ID, "1")).startsWith("endpoint=track needs the project token"));
    }

    @Test
    void noCredentialsIsNotAProblemButAMissingState() {
        MixlogConfig config = new MixlogSettings().build();
        String missing = Credentials.of(config).missing().orElseThrow();
        assertTrue(missing.startsWith("no token or service account is set. Set token (the project token)"), missing);
    }

    @Test
    void anUndefinedReferenceAloneMeansMissingAndIsNamed() {
        for (String unresolved : List.of("MIXPANEL_TOKEN_IS_UNDEFINED", "${env:MIXPANEL_TOKEN}", "${MIXPANEL_TOKEN}")) {
            MixlogConfig config = new MixlogSettings().text(Settings.TOKEN, unresolved).build();
            String missing = Credentials.of(config).missing().orElseThrow();
            assertTrue(missing.startsWith("token refers to ${"), missing);
            assertTrue(missing.contains("MIXPANEL_TOKEN}, which is not defined"), missing);
            assertTrue(missing.contains("define the environment variable, system property or Spring property"), missing);
        }
        assertTrue(new MixlogSettings().text(Settings.TOKEN, "  ").build().missingCredentials().isPresent(), "an empty token");
    }

    @Test
    void anUndefinedReferenceBesideOtherCredentialsIsAProblem() {
        String problem = problemOf(new MixlogSettings().text(Settings.SERVICE_ACCOUNT_USERNAME, "u").text(Settings.SERVICE_ACCOUNT_SECRET, "SA_SECRET_IS_UNDEFINED")
                .text(Settings.PROJECT_ID, "1"));
        assertTrue(problem.startsWith("serviceAccountSecret refers to ${SA_SECRET}, which is not defined"), problem);
    }

    @Test
    void partialServiceAccountNamesWhatIsMissing() {
        assertEquals("a service account needs serviceAccountUsername, serviceAccountSecret and projectId; "
                + "missing: serviceAccountSecret, projectId.", problemOf(new MixlogSettings().text(Settings.SERVICE_ACCOUNT_USERNAME, "u")));
    }

    @Test
    void projectIdMustBeNumeric() {
        assertTrue(problemOf(withToken().text(Settings.SERVICE_ACCOUNT_USERNAME, "u").text(Settings.SERVICE_ACCOUNT_SECRET, "s").text(Settings.PROJECT_ID, "my-project"))
                .startsWith("projectId must be the numeric project id"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MixlogSettings()
                .text(Settings.MAX_BATCH_EVENTS, "5000").text(Settings.RING_BUFFER_SIZE, "1000").text(Settings.FLUSH_INTERVAL, "abc").text(Settings.TOKEN, "t").text(Settings.PROJECT_ID, "1").build());

        assertEquals(4, e.problems().size(), e.problems()::toString);
        assertTrue(e.getMessage().startsWith("Mixpanel appender not started, 4 settings to fix:"), e.getMessage());
        for (String setting : List.of("maxBatchEvents", "ringBufferSize", "flushInterval", "projectId")) {
            assertTrue(e.getMessage().contains(setting), () -> setting + " missing from " + e.getMessage());
        }
    }

    @Test
    void badStaticPropertyIsRefused() {
        String problem = problemOf(withToken().text(Settings.STATIC_PROPERTY, "env"));
        assertTrue(problem.startsWith("a static property needs a name and a value"), problem);
        assertTrue(problem.contains("<staticProperty>env=prod</staticProperty>"), problem);
    }

    @Test
    void staticPropertyNameMayNotContainEqualsButValueMay() {
        MixlogConfig config = withToken().staticProperty("query", "a=b").text(Settings.STATIC_PROPERTY, "k=v=w").build();
        assertEquals("a=b", config.staticProperties().get("query"));
        assertEquals("v=w", config.staticProperties().get("k"));
    }


    @ParameterizedTest(name = "baseUrl {0}")
    @ValueSource(strings = {
        "https://sa.user:hunter2pass@api.mixpanel.com",
        "https://sa.user:hunter2pass@api mixpanel.com",
        "sa.user:hunter2pass@api.mixpanel.com",
        "ftp://sa.user:hunter2pass@api.mixpanel.com",
        "https://sa.user:hunter2/pass@api.mixpanel.com",
        "https://api.mixpanel.com/?password=hunter2pass",
    })
    void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem(String url) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> withToken().text(Settings.BASE_URL, url).build());

        assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
