package dev.mixlog.spring.boot.internal;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the {@code mixlog} health contributor shows, the same on Boot 3 and Boot 4: the running
 * appenders' counters and their last failure. It is UP while appenders run, whatever fails: an
 * analytics outage must not fail a readiness probe. With {@code mixlog.health.down-while-failing=true}
 * it is DOWN while requests fail. Shared by the Boot 3 and Boot 4 contributors.
 */
public final class MixlogHealth {
    private final String status;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private MixlogHealth(List<MixlogStats> running, boolean downWhileFailing) {
        boolean failing = running.stream().anyMatch(MixlogStats::failing);
        status = running.isEmpty() ? "UNKNOWN" : failing && downWhileFailing ? "DOWN" : "UP";
        details.put("appenders", running.size());
        details.put("delivered", running.stream().mapToLong(MixlogStats::delivered).sum());
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            long count = running.stream().mapToLong(stats -> stats.dropped(reason)).sum();
            if (count > 0) {
                dropped.put(reason.name().toLowerCase(Locale.ROOT), count);
            }
        }
        details.put("dropped", dropped);
        details.put("sentWithoutDistinctId", running.stream().mapToLong(MixlogStats::sentWithoutDistinctId).sum());
        details.put("sendRateLimit", running.stream().mapToDouble(MixlogStats::sendRateLimit).sum());
        details.put("ringBacklog", running.stream().mapToLong(MixlogStats::ringBacklog).sum());
        details.put("failing", failing);
        running.stream().map(MixlogStats::lastFailure).filter(failure -> failure != null).reduce((first, last) -> last)
                .ifPresent(failure -> details.put("lastFailure", failure));
    }

    /** The health of these running appenders. */
    public static MixlogHealth of(List<MixlogStats> running, boolean downWhileFailing) {
        return new MixlogHealth(running, downWhileFailing);
    }

    /** {@code UP}, {@code DOWN}, or {@code UNKNOWN} when no Mixpanel appender runs. */
    public String status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
