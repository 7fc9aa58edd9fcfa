package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.ProxySetting;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code proxy} setting: the JVM's proxy by default, {@code none}, or one HTTP proxy with Basic
 * credentials (percent-encoded in the URL); a bad value is named without its credentials, and the
 * credentials are among the secrets an appender blanks out of its framework's output.
 */
class ProxySettingTest {
    private static MixlogSettings withProxy(String text) {
        return new MixlogSettings().text(Settings.TOKEN, "project-token").text(Settings.PROXY, text);
    }

    @Test
    void theDefaultIsTheJvmsProxy() {
        MixlogConfig config = new MixlogSettings().text(Settings.TOKEN, "project-token").build();
        assertEquals(ProxySetting.Kind.JVM, ProxySetting.of(config.get(Settings.PROXY)).kind());
    }

    @Test
    void noneBypassesEveryProxy() {
        assertEquals(ProxySetting.Kind.NONE, ProxySetting.of(withProxy(" None ").build().get(Settings.PROXY)).kind());
    }

    @Test
    void aProxyWithCredentialsSendsThemAsBasicAndNeverShowsThem() {
        ProxySetting proxy = ProxySetting.of(withProxy("http://analytics:p%40ss%3Aw%2Frd@proxy.corp.example:3128").build().get(Settings.PROXY));
        assertEquals(ProxySetting.Kind.GIVEN, proxy.kind());
        assertEquals("proxy.corp.example", proxy.host());
        assertEquals(3128, proxy.port());
        String expected = Base64.getEncoder().encodeToString("analytics:p@ss:w/rd".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + expected, proxy.authorization().orElseThrow());
        assertEquals("http://***@proxy.corp.example:3128", proxy.toString());
        assertFalse(ProxySetting.of(withProxy("http://[::1]:8080").build().get(Settings.PROXY)).hasCredentials());
    }

    @Test
    void badValuesAreNamedWithoutTheirCredentials() {
        for (String bad : List.of("https://user:Secret-9@proxy:3128", "proxy.corp:3128", "http://user:Secret-9@proxy.corp",
                "http://user:Secret-9@proxy.corp:3128/path", "socks://proxy:1080", "http://:Secret-9@proxy:3128",
                "http://user:Secret-9@proxy.corp:70000", "http://user:Sec@ret-9/x@proxy.corp:3128", "user:Secret-9//x@proxy.corp:3128")) {
            InvalidConfigException problem = assertThrows(InvalidConfigException.class, () -> withProxy(bad).build(), bad);
            assertTrue(problem.getMessage().contains("proxy must be http://[user:password@]host:port, or none"), problem.getMessage());
            assertFalse(problem.getMessage().contains("Secret-9") || problem.getMessage().contains("Sec@"), problem.getMessage());
        }
    }

    @Test
    void theProxysSecretsIncludeItsProxyAuthorizationValue() {
        ProxySetting proxy = ProxySetting.of("http://analytics:p%40ss@proxy.corp.example:3128");
        String basic = proxy.authorization().orElseThrow().substring("Basic ".length());
        assertTrue(proxy.secrets().containsAll(List.of("p@ss", "p%40ss", basic)), proxy.secrets().toString());
        assertEquals(List.of(), ProxySetting.jvm().secrets());
    }

    @Test
    void theCredentialsAreSecretsAsGivenAndDecoded() {
        List<String> secrets = withProxy("http://analytics:p%40ss@proxy.corp.example:3128").secretValues();
        assertTrue(secrets.containsAll(List.of("http://analytics:p%40ss@proxy.corp.example:3128", "analytics:p%40ss", "p%40ss", "p@ss")),
                secrets.toString());
        assertTrue(Settings.PROXY.isSecret());
    }
}
