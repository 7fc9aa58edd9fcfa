package dev.mixlog.benchmarks.report;

/** The notes on method printed at the end of RESULTS.md. */
final class Method {
    static final String TEXT = String.join("\n",
            "- Every appender is configured by an XML file in `benchmarks/src/main/resources/` (`logback/*.xml`,",
            "  `log4j2/*.xml`), with the library's defaults except the destination; loki4j's batch timeout is 1 s,",
            "  like Mixlog's `flushInterval`. The logstash-logback-encoder and Logback `AsyncAppender` cases and the",
            "  two Log4j2 JSON cases encode every event (LogstashEncoder, JsonTemplateLayout) into a stream or",
            "  buffer that discards the bytes; Mixlog and loki4j post over HTTP to loopback receivers",
            "  (`ReceiverServer`, a separate JVM built on the JDK's HTTP server) that answer at once and count.",
            "- Log4j2 is called through the SLF4J API (log4j-slf4j2-impl), so the call is the same for every case.",
            "  Only one SLF4J provider can be on a classpath: Logback and Log4j2 cases run on separate classpaths,",
            "  and every case runs in a JVM of its own.",
            "- Full-queue policies under the JMH load: Mixlog and logstash-logback-encoder drop the new event",
            "  (counted); Logback's `AsyncAppender` discards INFO events once its queue is 80% full; loki4j's",
            "  queue is unbounded; Log4j2's `AsyncAppender` and async loggers make the caller wait.",
            "- Latency is the duration of each call on the calling thread (service time). Between calls the thread",
            "  spins, which keeps one of the machine's cores busy, as a loaded service would.",
            "- Numbers are from one run on a shared 2-core machine; expect a few percent of noise in throughput",
            "  and much more in the tail percentiles.",
            "");

    private Method() {
    }
}
