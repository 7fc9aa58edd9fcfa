package dev.mixlog.core.internal.http;

import dev.mixlog.core.internal.batch.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Mixpanel's replies. {@code /import?strict=1} reports refused events in {@code failed_records}
 * (objects keyed {@code $insert_id} or {@code insert_id}, or plain strings: all three are accepted);
 * {@code /track}, {@code /engage} and {@code /groups} with {@code verbose=1} answer
 * {@code {"status":0|1,"error":...}} even under HTTP 200, or a bare {@code 1}/{@code 0}.
 */
public final class ReplyClassifier {
    private ReplyClassifier() {
    }

    public static Verdict classify(Reply reply, Batch batch, boolean strictImport) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return strictImport ? Verdict.delivered() : verboseStatus(reply);
        }
        String detail = "HTTP " + status + (reply.excerpt().isEmpty() ? "" : " " + reply.excerpt());
        switch (status) {
            case 400:
                if (strictImport) {
                    List<FailedRecord> failed = failedRecords(reply, batch);
                    if (!failed.isEmpty()) {
                        return Verdict.partial(failed, detail);
                    }
                }
                return Verdict.rejected(detail);
            case 401:
            case 403:
                return Verdict.authFailed(detail);
            case 407:
                return Verdict.proxyAuthFailed(detail);
            case 413:
                return Verdict.tooLarge(detail);
            case 429:
                return Verdict.retry(detail, reply.retryAfter().orElse(null), true);
            case 408:
                return Verdict.retry(detail, reply.retryAfter().orElse(null), false);
            case 502:
            case 503:
                return Verdict.overloaded(detail, reply.retryAfter().orElse(null));
            default:
                if (status >= 500) {
                    return Verdict.retry(detail, reply.retryAfter().orElse(null), false);
                }
                return Verdict.rejected(detail);
        }
    }

    private static Verdict verboseStatus(Reply reply) {
        String body = reply.body().trim();
        if (body.equals("0")) {
            return Verdict.rejected("status 0: no event in the batch was valid");
        }
        Object parsed = JsonReply.parse(body);
        if (parsed instanceof Map) {
            Map<?, ?> object = (Map<?, ?>) parsed;
            Object statusValue = object.get("status");
            if (statusValue != null && !"1".equals(String.valueOf(statusValue)) && !"OK".equals(statusValue)) {
                Object error = object.get("error");
                return Verdict.rejected("status " + statusValue + (error == null ? "" : ": " + error));
            }
        }
        return Verdict.delivered();
    }

    private static List<FailedRecord> failedRecords(Reply reply, Batch batch) {
        Object parsed = JsonReply.parse(reply.body());
        List<FailedRecord> failed = new ArrayList<>();
        if (!(parsed instanceof Map) || !(((Map<?, ?>) parsed).get("failed_records") instanceof List)) {
            return failed;
        }
        for (Object entry : (List<?>) ((Map<?, ?>) parsed).get("failed_records")) {
            if (entry instanceof Map) {
                failed.add(fromObject((Map<?, ?>) entry, batch));
            } else if (entry != null) {
                failed.add(fromText(String.valueOf(entry), batch));
            }
        }
        return failed;
    }

    private static FailedRecord fromObject(Map<?, ?> record, Batch batch) {
        Object insertIdValue = record.containsKey("$insert_id") ? record.get("$insert_id") : record.get("insert_id");
        String insertId = insertIdValue == null ? null : String.valueOf(insertIdValue);
        int index = -1;
        if (record.get("index") instanceof Number) {
            index = ((Number) record.get("index")).intValue();
        }
        if (insertId != null && (index < 0 || index >= batch.size() || !batch.insertId(index).equals(insertId))) {
            index = batch.indexOfInsertId(insertId);
        }
        boolean matched = index >= 0 && index < batch.size();
        return new FailedRecord(matched ? index : -1, matched ? batch.name(index) : null,
                matched ? batch.insertId(index) : insertId,
                record.get("field") == null ? null : String.valueOf(record.get("field")),
                record.get("message") == null ? null : String.valueOf(record.get("message")));
    }

    private static FailedRecord fromText(String text, Batch batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (text.contains(batch.insertId(i))) {
                return new FailedRecord(i, batch.name(i), batch.insertId(i), null, text);
            }
        }
        return new FailedRecord(-1, null, null, null, text);
    }
}
