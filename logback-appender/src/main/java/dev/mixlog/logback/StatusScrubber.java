package dev.mixlog.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import ch.qos.logback.core.status.WarnStatus;
import java.util.List;

/**
 * Blanks the appender's secrets out of Logback's status list. Logback records every variable
 * substitution as {@code value "..." substituted for "${VAR}"}, and prints the whole list when the
 * configuration has a warning or an error, so {@code <token>${MIXPANEL_TOKEN}</token>} would put the
 * token on the console. Run at start, after the configuration set the values.
 */
final class StatusScrubber {
    private static final String HIDDEN = "***";

    private StatusScrubber() {
    }

    static void scrub(Context context, List<String> secrets) {
        StatusManager manager = context == null ? null : context.getStatusManager();
        if (manager == null || secrets.isEmpty()) {
            return;
        }
        List<Status> statuses = manager.getCopyOfStatusList();
        if (statuses.stream().noneMatch(status -> mentions(status, secrets))) {
            return;
        }
        List<StatusListener> listeners = manager.getCopyOfStatusListenerList();
        listeners.forEach(manager::remove);
        manager.clear();
        for (Status status : statuses) {
            manager.add(mentions(status, secrets) ? redacted(status, secrets) : status);
        }
        listeners.forEach(manager::add);
    }

    private static boolean mentions(Status status, List<String> secrets) {
        String message = status.getMessage();
        return message != null && secrets.stream().anyMatch(message::contains);
    }

    private static Status redacted(Status status, List<String> secrets) {
        String message = status.getMessage();
        for (String secret : secrets) {
            message = message.replace(secret, HIDDEN);
        }
        switch (status.getLevel()) {
            case Status.ERROR: return new ErrorStatus(message, status.getOrigin());
            case Status.WARN: return new WarnStatus(message, status.getOrigin());
            default: return new InfoStatus(message, status.getOrigin());
        }
    }
}
