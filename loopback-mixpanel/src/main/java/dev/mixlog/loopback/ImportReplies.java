package dev.mixlog.loopback;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The bodies {@code /import} answers with: its count of imported records, and strict mode's {@code failed_records}. */
final class ImportReplies {
    private ImportReplies() {
    }

    static String body(Request request, Reply reply) {
        int imported = request.records().size() - reply.refused.size();
        if (reply.status == 401) {
            return "{\"code\":401,\"error\":\"" + escaped(request.reason(reply)) + "\",\"status\":\"Unauthorized\"}";
        }
        if (reply.status == 400 && reply.refused.isEmpty()) {
            return "{\"code\":400,\"error\":\"" + escaped(request.reason(reply)) + "\",\"status\":\"Bad Request\"}";
        }
        if (reply.status == 400) {
            StringBuilder failed = new StringBuilder();
            for (int index : reply.refused) {
                String[] problem = request.firstProblem(index);
                failed.append(failed.length() == 0 ? "" : ",").append("{\"index\":").append(index)
                        .append(",\"$insert_id\":\"").append(escaped(Request.insertId(request.records().get(index))))
                        .append("\",\"field\":\"").append(escaped(problem[0]))
                        .append("\",\"message\":\"").append(escaped(problem[1])).append("\"}");
            }
            return "{\"code\":400,\"error\":\"some data points in the request failed validation\",\"failed_records\":["
                    + failed + "],\"num_records_imported\":" + imported + ",\"status\":\"Bad Request\"}";
        }
        if (reply.status >= 200 && reply.status < 300) {
            return "{\"code\":200,\"num_records_imported\":" + imported + ",\"status\":\"OK\"}";
        }
        return "{\"code\":" + reply.status + ",\"error\":\"refused\",\"status\":\"Error\"}";
    }

    /** The text as the inside of a JSON string, escaped by Jackson. */
    static String escaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
