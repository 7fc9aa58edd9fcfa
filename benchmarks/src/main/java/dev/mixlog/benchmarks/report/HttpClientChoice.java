package dev.mixlog.benchmarks.report;

/** Why Mixlog keeps its own HTTP client: the closing words of section 7, written once the figures were in. */
final class HttpClientChoice {
    static final String TEXT = "Mixlog keeps its own client. In this run it cost the least CPU per event of the "
            + "three at both rates (the targets above hold that to each run's figures), and "
            + "the table shows what the other two lack: Basic credentials through an `https` proxy without a JVM-wide "
            + "change, a stuck exchange ended at its bound on every JDK Mixlog runs on, no thread of its own, and a bound "
            + "on what a reply may take. HTTP/2 would not help: each sender posts one batch at a time, and HTTP/1.1 is "
            + "all Mixpanel's ingestion asks for.\n\n";

    private HttpClientChoice() {
    }
}
