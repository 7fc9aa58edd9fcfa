package dev.mixlog.core.diag;

import java.util.List;

/**
 * Forwards messages to the framework's status channel with every secret blanked out, whatever
 * produced the text (a server's echo, an exception message), and never lets the sink's failure escape.
 */
public final class SafeStatus implements StatusSink {
    private static final String HIDDEN = "***";
    private final StatusSink sink;
    private final List<String> secrets;
    private final String prefix;

    public SafeStatus(StatusSink sink, List<String> secrets, String appenderName) {
        this.sink = sink;
        this.secrets = List.copyOf(secrets);
        this.prefix = "Mixpanel appender [" + appenderName + "]: ";
    }

    @Override
    public void info(String message) {
        try {
            sink.info(redact(message));
        } catch (RuntimeException ignored) {
            // a status channel that throws must not break delivery
        }
    }

    @Override
    public void warn(String message) {
        try {
            sink.warn(redact(message));
        } catch (RuntimeException ignored) {
            // as above
        }
    }

    @Override
    public void error(String message) {
        try {
            sink.error(redact(message));
        } catch (RuntimeException ignored) {
            // as above
        }
    }

    /** The message with its prefix, each secret replaced by {@code ***}, and {@code Authorization} values hidden. */
    public String redact(String message) {
        String text = prefix + message;
        for (String secret : secrets) {
            text = text.replace(secret, HIDDEN);
        }
        return text.replaceAll("(?i)(authorization\\s*[:=]\\s*\"?)(basic|bearer)\\s+[A-Za-z0-9+/=._-]+", "$1$2 " + HIDDEN);
    }

    /** An exception described by its class and redacted message, without a stack trace. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
