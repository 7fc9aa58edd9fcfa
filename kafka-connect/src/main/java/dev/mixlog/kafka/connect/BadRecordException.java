package dev.mixlog.kafka.connect;

/** A record that is not a Mixpanel record the sink can send; the message says why. */
final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecordException(String reason) {
        super(reason);
    }

    BadRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
