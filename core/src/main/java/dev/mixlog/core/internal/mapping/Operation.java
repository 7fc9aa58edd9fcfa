package dev.mixlog.core.internal.mapping;

import dev.mixlog.core.MarkerNames;

/**
 * What a Mixpanel marker asks for, read from its name ({@link MarkerNames}): a plain event, a profile
 * update, a group update, or an {@code $identify} event.
 */
public final class Operation {
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

    /**
     * The operation a marker name stands for; a plain event for ordinary names and for
     * {@code mixpanel:} names that are not well formed.
     */
    public static Operation of(String markerName) {
        if (markerName == null || !markerName.startsWith(MarkerNames.OPERATION_PREFIX)) {
            return EVENT;
        }
        if (markerName.equals(MarkerNames.IDENTIFY)) {
            return IDENTIFY_OPERATION;
        }
        if (markerName.startsWith(MarkerNames.PROFILE_PREFIX)) {
            String verb = markerName.substring(MarkerNames.PROFILE_PREFIX.length());
            return MarkerNames.PROFILE_OPERATIONS.contains(verb) ? new Operation(Kind.PROFILE, verb, null) : EVENT;
        }
        if (markerName.startsWith(MarkerNames.GROUP_PREFIX)) {
            String rest = markerName.substring(MarkerNames.GROUP_PREFIX.length());
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && MarkerNames.GROUP_OPERATIONS.contains(rest.substring(colon + 1))) {
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
}
