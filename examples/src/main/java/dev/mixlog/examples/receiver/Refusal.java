package dev.mixlog.examples.receiver;

/** A request the receiver turns down as a whole, with the HTTP status and the reason to answer. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refusal(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
