package dev.mixlog.logback;

import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.RedeployCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redeploying a web application that bundles Logback and Mixlog frees it: 20 deployments, each in a
 * class loader of its own whose parent is the platform loader, configured from XML, logging to a
 * loopback endpoint and stopped, on JDK 17 and on JDK 25 (see {@link RedeployCheck}).
 */
class RedeployTest {
    /** What the web application bundles: Logback, SLF4J, Mixlog and its dependencies, and the test's own classes. */
    private static final List<String> BUNDLED = List.of("logback-classic", "logback-core", "slf4j-api", "disruptor",
            "jackson-core", "mixlog-core-", Path.of("core", "target", "classes").toString(),
            "mixlog-slf4j-", Path.of("slf4j", "target", "classes").toString(),
            Path.of("logback-appender", "target", "classes").toString(),
            Path.of("logback-appender", "target", "test-classes").toString());

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aRedeployedWebApplicationIsCollected(int jdk) throws Exception {
        String figures = RedeployCheck.assertFreed(jdk, RedeployedWebApp.class.getName(), "redeploy.xml",
                "redeploy-control.xml", BUNDLED, List.of());
        Figures.report("redeploy (Logback), JDK " + jdk, figures);
    }
}
