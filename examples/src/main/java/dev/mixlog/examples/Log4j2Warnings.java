package dev.mixlog.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Collects what Log4j2 and Mixlog report to Log4j2's StatusLogger at WARN and above while registered,
 * and prints it to standard error as it happens, with the demo's credentials hidden. While a listener
 * is registered, the StatusLogger's own console output stays silent.
 */
final class Log4j2Warnings implements StatusListener {
    private final DemoTarget credentials = DemoTarget.from(System.getenv());
    private final PrintStream err = System.err;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Log4j2Warnings() {
    }

    /** A listener registered with the StatusLogger until {@link #unregister()}. */
    static Log4j2Warnings register() {
        Log4j2Warnings warnings = new Log4j2Warnings();
        StatusLogger.getLogger().registerListener(warnings);
        return warnings;
    }

    void unregister() {
        StatusLogger.getLogger().removeListener(this);
    }

    /** The warnings and errors received so far, each led by its level, as reported (not yet redacted). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void log(StatusData data) {
        if (!data.getLevel().isMoreSpecificThan(Level.WARN)) {
            return;
        }
        String text = (data.getLevel().isMoreSpecificThan(Level.ERROR) ? "ERROR " : "WARN  ")
                + data.getMessage().getFormattedMessage();
        problems.add(text);
        Throwable cause = data.getThrowable();
        err.println("log4j2 status: " + credentials.redact(text + (cause == null ? "" : " (" + cause + ")")));
    }

    @Override
    public Level getStatusLevel() {
        return Level.WARN;
    }

    @Override
    public void close() {
        // holds nothing to release
    }
}
