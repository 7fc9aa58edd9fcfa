package dev.mixlog.core.internal.http;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.RequestFormat;
import dev.mixlog.core.internal.config.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Where one kind of batch goes: the full URL with its query, and the authentication it carries. */
public final class Route {
    private final String name;
    private final URI uri;
    private final String authorization;
    private final boolean strictImport;
    private final boolean gzip;
    private final boolean form;

    private Route(String name, URI uri, String authorization, boolean strictImport, boolean gzip, boolean form) {
        this.name = name;
        this.uri = uri;
        this.authorization = authorization;
        this.strictImport = strictImport;
        this.gzip = gzip && !form;
        this.form = form;
    }

    /**
     * Events: {@code /import?strict=1} (with {@code &project_id=} for a service account) and Basic
     * authentication, or {@code /track?verbose=1&ip=0} with the token inside every event.
     */
    public static Route events(MixlogConfig config) {
        Credentials credentials = Credentials.of(config);
        if (config.endpoint() == Endpoint.TRACK) {
            return track(config);
        }
        String query = "?strict=1" + credentials.projectId()
                .map(id -> "&project_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("");
        return new Route("/import", resolve(config, "/import" + query),
                credentials.importAuthorization().orElse(null), true, config.gzip(), false);
    }

    /**
     * {@code /track?verbose=1&ip=0}: events carrying the token (also {@code $identify} events), as JSON
     * or, with {@code requestFormat=form}, in the original form.
     */
    public static Route track(MixlogConfig config) {
        return new Route("/track", resolve(config, "/track?verbose=1&ip=0"), null, false, config.gzip(), formOf(config));
    }

    /**
     * {@code /engage} or {@code /groups}: updates carry the token in their body, replies are
     * {@code verbose=1} statuses. Sent uncompressed: Mixpanel documents gzip for events only, and
     * profile traffic is small. With {@code requestFormat=form}, in the original form.
     */
    public static Route updates(MixlogConfig config, String path) {
        return new Route(path, resolve(config, path + "?verbose=1&ip=0"), null, false, false, formOf(config));
    }

    private static boolean formOf(MixlogConfig config) {
        return config.requestFormat() == RequestFormat.FORM;
    }

    private static URI resolve(MixlogConfig config, String pathAndQuery) {
        return URI.create(config.baseUrl().toString() + pathAndQuery);
    }

    /** The endpoint's path, for messages. */
    public String name() { return name; }
    public URI uri() { return uri; }
    public Optional<String> authorization() { return Optional.ofNullable(authorization); }
    /** Whether replies follow {@code /import?strict=1}'s form. */
    public boolean strictImport() { return strictImport; }
    /** Whether bodies on this route are gzip-compressed (never in the form). */
    public boolean gzip() { return gzip; }
    /** Whether bodies on this route are Mixpanel's original form, {@code data=<base64 of the JSON>}. */
    public boolean form() { return form; }
}
