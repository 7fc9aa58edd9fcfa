package dev.mixlog.core.internal;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.util.Locale;

/** What a starting core says once: where events go and how they are authenticated, or why nothing is sent. */
public final class StartupReport {
    private StartupReport() {
    }

    public static void announce(MixlogConfig config, SafeStatus status) {
        Credentials credentials = config.credentials();
        if (credentials.missing().isPresent()) {
            status.warn("disabled, nothing is sent: " + credentials.missing().get()
                    + ". Events are counted as dropped (" + DropReason.DISABLED.description() + ").");
            return;
        }
        if (credentials.importAuth() == Credentials.ImportAuth.API_SECRET && config.endpoint() == Endpoint.IMPORT) {
            status.warn("apiSecret authentication is deprecated and retired by Mixpanel on 2027-03-03; "
                    + "use serviceAccountUsername, serviceAccountSecret and projectId");
        }
        status.info("sending events to " + config.baseUrl() + " (" + config.endpoint().path() + ", "
                + credentials.importAuth().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " authentication)");
    }
}
