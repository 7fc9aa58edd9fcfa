package dev.mixlog.core;

import java.util.Set;

/**
 * The names of Mixlog's markers, the same in every logging framework. {@link #MIXPANEL} selects a log
 * event; a marker that references it names the event, or asks for an operation. Operations travel as
 * marker names, so they survive every bridge that carries markers by name and references (SLF4J over
 * Log4j2 among them):
 * <ul>
 *   <li>{@code mixpanel:profile:$set}: a user-profile operation ({@link #PROFILE_OPERATIONS});</li>
 *   <li>{@code mixpanel:group:<group key>:$set}: a group-profile operation ({@link #GROUP_OPERATIONS});</li>
 *   <li>{@code mixpanel:identify}: an {@code $identify} event (original ID merge);</li>
 *   <li>any other name: an event of that name.</li>
 * </ul>
 */
public final class MarkerNames {
    /** The name every Mixpanel marker is, or references. */
    public static final String MIXPANEL = "MIXPANEL";
    /** The operations {@code /engage} accepts. */
    public static final Set<String> PROFILE_OPERATIONS =
            Set.of("$set", "$set_once", "$add", "$append", "$union", "$remove", "$unset", "$delete");
    /** The operations {@code /groups} accepts. */
    public static final Set<String> GROUP_OPERATIONS =
            Set.of("$set", "$set_once", "$union", "$remove", "$unset", "$delete");
    /** How every operation marker's name begins. */
    public static final String OPERATION_PREFIX = "mixpanel:";
    /** How a profile operation's marker name begins; the verb follows. */
    public static final String PROFILE_PREFIX = OPERATION_PREFIX + "profile:";
    /** How a group operation's marker name begins; the group key, a colon and the verb follow. */
    public static final String GROUP_PREFIX = OPERATION_PREFIX + "group:";
    /** The marker name of an {@code $identify} event. */
    public static final String IDENTIFY = OPERATION_PREFIX + "identify";

    private MarkerNames() {
    }

    /** The marker name of a profile operation such as {@code $set}; rejects verbs {@code /engage} does not know. */
    public static String profile(String verb) {
        requireKnown(verb, PROFILE_OPERATIONS, "profile");
        return PROFILE_PREFIX + verb;
    }

    /** The marker name of a group operation on the group named by {@code groupKey}. */
    public static String group(String groupKey, String verb) {
        requireKnown(verb, GROUP_OPERATIONS, "group");
        if (groupKey == null || groupKey.isBlank() || groupKey.contains(":")) {
            throw new IllegalArgumentException("a group key must be a non-empty name without ':', got '" + groupKey + "'");
        }
        return GROUP_PREFIX + groupKey + ":" + verb;
    }

    private static void requireKnown(String verb, Set<String> known, String what) {
        if (!known.contains(verb)) {
            throw new IllegalArgumentException("not a " + what + " operation: " + verb + "; expected one of " + known);
        }
    }
}
