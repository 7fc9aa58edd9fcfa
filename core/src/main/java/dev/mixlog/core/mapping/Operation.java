package dev.mixlog.core.mapping;

import java.util.Set;

/**
 * What a Mixpanel marker asks for: a plain event, a profile update, a group update, or an
 * {@code $identify} event. Operations travel as marker names, so they survive every bridge that
 * carries markers by name and references (SLF4J over Log4j2 among them):
 * <ul>
 *   <li>{@code mixpanel:profile:$set} — a user-profile operation ({@link #PROFILE_OPERATIONS});</li>
 *   <li>{@code mixpanel:group:<group key>:$set} — a group-profile operation ({@link #GROUP_OPERATIONS});</li>
 *   <li>{@code mixpanel:identify} — an {@code $identify} event (original ID merge);</li>
 *   <li>any other name — an event of that name.</li>
 * </ul>
 */
public final class Operation {
    /** The operations {@code /engage} accepts. */
    public static final Set<String> PROFILE_OPERATIONS =
            Set.of("$set", "$set_once", "$add", "$append", "$union", "$remove", "$unset", "$delete");
    /** The operations {@code /groups} accepts. */
    public static final Set<String> GROUP_OPERATIONS =
            Set.of("$set", "$set_once", "$union", "$remove", "$unset", "$delete");

    static final String PREFIX = "mixpanel:";
    private static final String PROFILE = PREFIX + "profile:";
    private static final String GROUP = PREFIX + "group:";
    private static final String IDENTIFY = PREFIX + "identify";

    /** The kinds of operation. */
    public enum Kind { EVENT, PROFILE, GROUP, IDENTIFY }

    private static final Operation EVENT = new Operation(Kind.EVENT, null, null);
    private static final Operation IDENTIFY_OPERATION = new Operation(Kind.IDENTIFY, null, null);

    private final Kind kind;
    private final String verb;
    private final String groupKey;

    private Operation(Kind kind, String verb, String groupKey) {
        this.kind = kind;
        this.verb = verb;
        this.groupKey = groupKey;
    }

    /** The marker name of a profile operation such as {@code $set}. */
    public static String profileMarkerName(String verb) {
        requireKnown(verb, PROFILE_OPERATIONS, "profile");
        return PROFILE + verb;
    }

    /** The marker name of a group operation on the group named by {@code groupKey}. */
    public static String groupMarkerName(String groupKey, String verb) {
        requireKnown(verb, GROUP_OPERATIONS, "group");
        if (groupKey == null || groupKey.isBlank() || groupKey.contains(":")) {
            throw new IllegalArgumentException("a group key must be a non-empty name without ':', got '" + groupKey + "'");
        }
        return GROUP + groupKey + ":" + verb;
    }

    /** The marker name of an {@code $identify} event. */
    public static String identifyMarkerName() {
        return IDENTIFY;
    }

    /**
     * The operation a marker name stands for; a plain event for ordinary names and for
     * {@code mixpanel:} names that are not well formed.
     */
    public static Operation of(String markerName) {
        if (markerName == null || !markerName.startsWith(PREFIX)) {
            return EVENT;
        }
        if (markerName.equals(IDENTIFY)) {
            return IDENTIFY_OPERATION;
        }
        if (markerName.startsWith(PROFILE)) {
            String verb = markerName.substring(PROFILE.length());
            return PROFILE_OPERATIONS.contains(verb) ? new Operation(Kind.PROFILE, verb, null) : EVENT;
        }
        if (markerName.startsWith(GROUP)) {
            String rest = markerName.substring(GROUP.length());
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && GROUP_OPERATIONS.contains(rest.substring(colon + 1))) {
                return new Operation(Kind.GROUP, rest.substring(colon + 1), rest.substring(0, colon));
            }
        }
        return EVENT;
    }

    public Kind kind() { return kind; }
    /** The operation key, such as {@code $set}; {@code null} for events. */
    public String verb() { return verb; }
    /** The group key of a group operation, such as {@code company}. */
    public String groupKey() { return groupKey; }

    private static void requireKnown(String verb, Set<String> known, String what) {
        if (!known.contains(verb)) {
            throw new IllegalArgumentException("not a " + what + " operation: " + verb + "; expected one of " + known);
        }
    }
}
