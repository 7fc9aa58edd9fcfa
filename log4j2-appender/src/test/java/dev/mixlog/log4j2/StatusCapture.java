package dev.mixlog.log4j2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what reaches Log4j2's StatusLogger at WARN and above, until closed. */
final class StatusCapture implements AutoCloseable {
    private final List<StatusData> received = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            received.add(data);
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        @Override
        public void close() {
            // nothing held
        }
    };

    static StatusCapture register() {
        StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture.listener);
        return capture;
    }

    /** The formatted messages logged at ERROR. */
    List<String> errors() {
        return messages(Level.ERROR);
    }

    /** Every message captured (WARN and above), with its exception, as one text. */
    String everything() {
        StringBuilder text = new StringBuilder();
        for (StatusData data : received) {
            text.append(data.getMessage().getFormattedMessage()).append(' ').append(data.getThrowable()).append('\n');
        }
        return text.toString();
    }

    /** The formatted messages logged at exactly this level. */
    List<String> messages(Level level) {
        List<String> messages = new ArrayList<>();
        for (StatusData data : received) {
            if (data.getLevel() == level) {
                messages.add(data.getMessage().getFormattedMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        StatusLogger.getLogger().removeListener(listener);
    }
}
