package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.ProxySetting;
import dev.mixlog.core.internal.http.MixpanelTransport;
import dev.mixlog.core.internal.http.ReplyClassifier;
import dev.mixlog.core.internal.http.Route;
import java.time.Duration;

/** Mixpanel over HTTP: each batch encoded once, posted by the {@link MixpanelTransport}, its reply classified. */
final class HttpOutlet implements Outlet {
    private final MixpanelTransport transport;
    private final Counters stats;

    HttpOutlet(MixlogConfig config, Counters stats) {
        this.transport = new MixpanelTransport(config.connectTimeout(), config.requestTimeout(), ProxySetting.of(config.get(Settings.PROXY)));
        this.stats = stats;
    }

    @Override
    public Request prepare(Route route, Batch batch) {
        byte[] body = transport.encode(route, batch);
        return cancellation -> {
            stats.recordRequest(body.length);
            return ReplyClassifier.classify(transport.send(route, body, cancellation), batch, route.strictImport());
        };
    }

    @Override
    public Duration exchangeBound() {
        return transport.exchangeBound();
    }

    @Override
    public void close() {
        transport.close();
    }
}
