package dev.mixlog.benchmarks.report;

/** Why Mixlog keeps its own HTTP client: the closing words of section 7, written once the figures were in. */
final class HttpClientChoice {
    static final String TEXT = "Mixlog keeps its own client. Measured figures decide the cost; the table above "
            + "decides the rest: it is the one of the three that sends Basic credentials through an `https` proxy "
            + "without a JVM-wide change, ends a stuck exchange at its bound on every JDK Mixlog runs on, adds no "
            + "thread, and bounds what a reply may take. HTTP/2 would not help: each sender posts one batch at a "
            + "time, and HTTP/1.1 is all Mixpanel's ingestion asks for.\n\n";

    private HttpClientChoice() {
    }
}
