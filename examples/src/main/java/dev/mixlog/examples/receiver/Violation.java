package dev.mixlog.examples.receiver;

/** Why one record failed validation: the offending field and a message in Mixpanel's style. */
final class Violation {
    private final String field;
    private final String message;

    Violation(String field, String message) {
        this.field = field;
        this.message = message;
    }

    String field() {
        return field;
    }

    String message() {
        return message;
    }
}
