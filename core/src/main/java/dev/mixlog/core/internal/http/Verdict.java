package dev.mixlog.core.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What to do with a batch after a reply. */
public final class Verdict {
    /** The kinds of outcome. */
    public enum Kind {
        /** Every event was accepted. */
        DELIVERED,
        /** Some events were refused (listed), the others accepted; never resend. */
        PARTIAL,
        /** The whole batch was refused; resending cannot help. */
        REJECTED,
        /** The credentials were refused (401/403): a configuration error. */
        AUTH_FAILED,
        /** A proxy on the way asked for credentials or refused them (407): a configuration error. */
        PROXY_AUTH_FAILED,
        /** The body was too large (413): split and resend the halves. */
        TOO_LARGE,
        /** A transient failure: resend the same bytes later. */
        RETRY,
        /** Nothing took the batch: a core without credentials whose replacement of the network has gone. */
        NOT_TAKEN
    }

    private final Kind kind;
    private final List<FailedRecord> failed;
    private final String detail;
    private final Duration retryAfter;
    private final boolean rateLimited;
    private final boolean slowDown;

    private Verdict(Kind kind, List<FailedRecord> failed, String detail, Duration retryAfter, boolean rateLimited) {
        this(kind, failed, detail, retryAfter, rateLimited, rateLimited);
    }

    private Verdict(Kind kind, List<FailedRecord> failed, String detail, Duration retryAfter, boolean rateLimited,
                    boolean slowDown) {
        this.kind = kind;
        this.failed = failed;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.rateLimited = rateLimited;
        this.slowDown = slowDown;
    }

    public static Verdict delivered() { return new Verdict(Kind.DELIVERED, List.of(), "", null, false); }
    static Verdict partial(List<FailedRecord> failed, String detail) { return new Verdict(Kind.PARTIAL, List.copyOf(failed), detail, null, false); }
    public static Verdict notTaken() { return new Verdict(Kind.NOT_TAKEN, List.of(), "not taken", null, false); }
    static Verdict rejected(String detail) { return new Verdict(Kind.REJECTED, List.of(), detail, null, false); }
    static Verdict authFailed(String detail) { return new Verdict(Kind.AUTH_FAILED, List.of(), detail, null, false); }
    static Verdict proxyAuthFailed(String detail) { return new Verdict(Kind.PROXY_AUTH_FAILED, List.of(), detail, null, false); }
    static Verdict tooLarge(String detail) { return new Verdict(Kind.TOO_LARGE, List.of(), detail, null, false); }

    /** A transient failure; {@code retryAfter} is the server's requested delay, if any. */
    public static Verdict retry(String detail, Duration retryAfter, boolean rateLimited) {
        return new Verdict(Kind.RETRY, List.of(), detail, retryAfter, rateLimited);
    }

    /** A transient failure of an overloaded server (502, 503): retried, and a sign to send more slowly. */
    static Verdict overloaded(String detail, Duration retryAfter) {
        return new Verdict(Kind.RETRY, List.of(), detail, retryAfter, false, true);
    }

    public Kind kind() { return kind; }
    /** The refused events of a {@link Kind#PARTIAL} verdict. */
    public List<FailedRecord> failed() { return failed; }
    /** A short description of the reply, for messages. */
    public String detail() { return detail; }
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }
    /** Whether the server said the project is over its rate limit (429): all sending should pause. */
    public boolean rateLimited() { return rateLimited; }
    /** Whether the server asked, in effect, for fewer requests: a rate limit (429) or an overload (502, 503). */
    public boolean slowDown() { return slowDown; }
}
