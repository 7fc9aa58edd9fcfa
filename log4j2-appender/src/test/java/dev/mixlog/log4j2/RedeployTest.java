package dev.mixlog.log4j2;

import dev.mixlog.core.testing.Figures;
import dev.mixlog.core.testing.RedeployCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redeploying a web application that bundles Log4j2 and Mixlog frees it: 20 deployments, each in a
 * class loader of its own, started with {@code Configurator.initialize} and ended with
 * {@code Configurator.shutdown} in web-application mode ({@code log4j2.isWebapp=true}, as in a servlet
 * container), on JDK 17 and on JDK 25 (see {@link RedeployCheck}).
 */
class RedeployTest {
    /** What the web application bundles: Log4j2, Mixlog and its dependencies, and the test's own classes. */
    private static final List<String> BUNDLED = List.of("log4j-api", "log4j-core", "disruptor", "jackson-core",
            "mixlog-core-", Path.of("core", "target", "classes").toString(),
            Path.of("log4j2-appender", "target", "classes").toString(),
            Path.of("log4j2-appender", "target", "test-classes").toString());

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aRedeployedWebApplicationIsCollected(int jdk) throws Exception {
        String figures = RedeployCheck.assertFreed(jdk, RedeployedLog4j2App.class.getName(), "log4j2-redeploy.xml",
                "log4j2-redeploy-control.xml", BUNDLED, List.of("-Dlog4j2.isWebapp=true"));
        Figures.report("redeploy (Log4j2), JDK " + jdk, figures);
    }
}
