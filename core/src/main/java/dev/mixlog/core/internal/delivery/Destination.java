package dev.mixlog.core.internal.delivery;

/** Where a pipeline's batches go ({@link DeliverySeam#destinationOf}): the outlet, the token its records carry, whether it spools. */
public final class Destination {
    private final Outlet outlet;
    private final String token;
    private final boolean spools;

    Destination(Outlet outlet, String token, boolean spools) {
        this.outlet = outlet;
        this.token = token;
        this.spools = spools;
    }

    public Outlet outlet() { return outlet; }
    /** The project token the records carry where Mixpanel asks for one; {@code null} for a service account alone. */
    public String token() { return token; }
    /** Whether a configured spool is used: only batches that may go to the network are written ahead. */
    public boolean spools() { return spools; }
}
