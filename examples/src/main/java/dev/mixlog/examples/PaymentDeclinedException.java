package dev.mixlog.examples;

/** Thrown by the demo's {@link PaymentGateway} when it declines a charge. */
public final class PaymentDeclinedException extends Exception {
    private static final long serialVersionUID = 1L;

    PaymentDeclinedException(String message) {
        super(message);
    }
}
