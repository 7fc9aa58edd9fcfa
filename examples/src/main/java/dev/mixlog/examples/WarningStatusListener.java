package dev.mixlog.examples;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Prints Logback's and Mixlog's warnings and errors to standard error as they happen, with the
 * demo's credentials hidden. Registered in {@code logback.xml}; with a listener in place Logback no
 * longer dumps its whole status list on a configuration problem, a dump that would also show every
 * substituted {@code ${...}} value, the token included.
 */
public final class WarningStatusListener implements StatusListener {
    private final DemoTarget credentials = DemoTarget.from(System.getenv());
    private final PrintStream err = System.err;

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.WARN) {
            return;
        }
        Throwable cause = status.getThrowable();
        String text = (status.getLevel() == Status.ERROR ? "ERROR " : "WARN  ") + status.getMessage()
                + (cause == null ? "" : " (" + cause + ")");
        err.println("logback status: " + credentials.redact(text));
    }
}
