package dev.mixlog.core.testing;

import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM of its own by the appenders' redeploy tests: deploys a web application (a logging
 * framework, Mixlog and a class of the test's with a static {@code deploy(String mockUrl, String
 * configuration, int events)} returning the events delivered, all in a {@link URLClassLoader} whose
 * parent is the platform class loader, as a servlet container loads a web application) again and
 * again, each time on a container thread whose context class loader is the application's, drops it,
 * and prints how many of its class loaders the garbage collector freed and the Metaspace used.
 */
public final class RedeployScenario {
    /** Events each deployment logs. */
    public static final int EVENTS = 50;
    private static final long COLLECT_BOUND_NANOS = 30_000_000_000L;

    private RedeployScenario() {
    }

    /**
     * Arguments: the web application's class, its configuration, the number of rounds, and what it
     * bundles: comma-separated parts of class-path entries (jar names, build folders).
     */
    public static void main(String[] args) throws Exception {
        String webappClass = args[0];
        String configuration = args[1];
        int rounds = Integer.parseInt(args[2]);
        URL[] webapp = webappClassPath(List.of(args[3].split(",")));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long delivered = 0;
        long metaspaceAfterFirst = 0;
        try (LoopbackMixpanel server = LoopbackMixpanel.start()) {
            for (int round = 0; round < rounds; round++) {
                long[] result = new long[1];
                URLClassLoader loader = new URLClassLoader(webapp, ClassLoader.getPlatformClassLoader());
                Thread container = new Thread(() -> {
                    try {
                        Class<?> app = Class.forName(webappClass, true, loader);
                        result[0] = (Long) app.getMethod("deploy", String.class, String.class, int.class)
                                .invoke(null, server.url(), configuration, EVENTS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "container-" + round);
                container.setContextClassLoader(loader);
                container.start();
                container.join();
                loader.close();
                loaders.add(new WeakReference<>(loader));
                delivered += Math.max(0, result[0]);
                if (round == 0) {
                    metaspaceAfterFirst = metaspaceAfterGc();
                }
            }
            long deadline = System.nanoTime() + COLLECT_BOUND_NANOS;
            while (collected(loaders) < rounds && System.nanoTime() - deadline < 0) {
                System.gc();
                Thread.sleep(200);
            }
            System.out.println("java " + System.getProperty("java.version"));
            System.out.println("collected " + collected(loaders));
            System.out.println("delivered " + delivered);
            System.out.println("ingested " + server.ingestedCount());
            System.out.println("metaspaceAfterFirst " + metaspaceAfterFirst);
            System.out.println("metaspaceAfterAll " + metaspaceAfterGc());
            System.out.println("mixlogThreads " + Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith("mixlog-")).count());
        }
    }

    private static URL[] webappClassPath(List<String> bundledParts) throws Exception {
        List<URL> urls = new ArrayList<>();
        String classpath = System.getProperty("java.class.path");
        for (String entry : classpath.split(File.pathSeparator)) {
            for (String bundled : bundledParts) {
                if (entry.contains(bundled) && !entry.endsWith("-tests.jar")) {
                    urls.add(Path.of(entry).toUri().toURL());
                    break;
                }
            }
        }
        return urls.toArray(new URL[0]);
    }

    private static int collected(List<WeakReference<ClassLoader>> loaders) {
        int collected = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            if (loader.get() == null) {
                collected++;
            }
        }
        return collected;
    }

    private static long metaspaceAfterGc() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }
}
