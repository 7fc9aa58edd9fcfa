package dev.mixlog.core.internal.diag;

import dev.mixlog.core.StatusSink;
import java.util.List;

/**
 * Forwards messages to the framework's status channel with every secret blanked out, whatever
 * produced the text (a server's echo, an exception message), and never lets the sink's failure escape.
 */
public final class SafeStatus implements StatusSink {
    private static final String HIDDEN = "***";
    /** How shortened texts end, such as {@link dev.mixlog.core.internal.http.Reply#excerpt()}. */
    private static final String CUT = "...";
    /** Shorter cut-off beginnings reveal too little to hide (and would hide ordinary text). */
    private static final int MIN_CUT_OFF = 3;
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
        } catch (Throwable ignored) {
            // a status channel that throws (even an Error) must not break delivery
        }
    }

    @Override
    public void warn(String message) {
        try {
            sink.warn(redact(message));
        } catch (Throwable ignored) {
            // as above
        }
    }

    @Override
    public void error(String message) {
        try {
            sink.error(redact(message));
        } catch (Throwable ignored) {
            // as above
        }
    }

    /**
     * A warning that must reach a person, such as events lost at stop: sent to the status channel,
     * and also printed on standard error when the channel shows no warnings (as Logback itself does
     * with errors when no status listener is registered). Redacted like every other message.
     */
    public void warnLoudly(String message) {
        warn(message);
        boolean shown;
        try {
            shown = sink.showsWarnings();
        } catch (Throwable unknown) {
            shown = false;
        }
        if (!shown) {
            System.err.println("WARN " + redact(message));
        }
    }

    /** The message with its prefix, each secret replaced by {@code ***}, and {@code Authorization} values hidden. */
    public String redact(String message) {
        return withoutSecrets(prefix + message);
    }

    /** The text with each secret replaced by {@code ***}, and {@code Authorization} values hidden. */
    public String withoutSecrets(String message) {
        String text = message;
        for (String secret : secrets) {
            text = hideCutOff(text.replace(secret, HIDDEN), secret);
        }
        return text.replaceAll("(?i)(authorization\"?\\s*[:=]\\s*\"?)(basic|bearer)\\s+[A-Za-z0-9+/=._-]+", "$1$2 " + HIDDEN);
    }

    /**
     * Hides the start of a secret that a shortened text (a reply excerpt, a long URL) cut off: the
     * secret's first characters right before the {@code ...} that marks the cut.
     */
    private static String hideCutOff(String text, String secret) {
        int cut = text.indexOf(CUT);
        while (cut >= 0) {
            for (int length = Math.min(secret.length() - 1, cut); length >= MIN_CUT_OFF; length--) {
                if (text.regionMatches(cut - length, secret, 0, length)) {
                    text = text.substring(0, cut - length) + HIDDEN + text.substring(cut);
                    cut = cut - length + HIDDEN.length();
                    break;
                }
            }
            cut = text.indexOf(CUT, cut + CUT.length());
        }
        return text;
    }

    /** An exception described by its class and redacted message, without a stack trace. */
    public static String describe(Throwable error) {
        String message;
        try {
            message = error.getMessage();
        } catch (Throwable unreadable) {
            message = null;
        }
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
