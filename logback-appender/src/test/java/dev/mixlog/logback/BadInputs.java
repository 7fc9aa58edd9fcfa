package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Marker;
import org.slf4j.event.Level;

/**
 * A seeded generator of logging calls with bad input: huge strings, deep and cyclic maps, objects
 * whose {@code toString()} throws, more than 255 properties, NaN and infinities, lone surrogates,
 * empty and huge event names, banned {@code distinct_id} values, null keys and values. A case is
 * expected invalid only when its name is blank or it carries a value that cannot fit in 1 MB.
 */
final class BadInputs {
    private static final List<String> BANNED_IDS = List.of("null", "NULL", "anonymous", "0", "-1", "undefined",
            "[]", "{}", "00000000-0000-0000-0000-000000000000", "n/a", "<nil>", "false");
    private static final String LONE_HIGH = "ab\uD800cd";
    private static final String LONE_LOW = "\uDC00 at the start";
    private static final Level[] LEVELS = {Level.INFO, Level.WARN, Level.ERROR};

    private final Random random;
    private int heavyValues;
    private boolean hugeStringAllowed;

    BadInputs(long seed) {
        random = new Random(seed);
    }

    List<BadCase> generate(int count) {
        List<BadCase> cases = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            cases.add(next(index));
        }
        return cases;
    }

    private BadCase next(int index) {
        heavyValues = 0;
        hugeStringAllowed = random.nextInt(20) == 0;
        int nameKind = random.nextInt(12);
        String name = name(nameKind, index);
        BadCase badCase;
        if (nameKind == 11) {
            String template = random.nextBoolean() ? "" : "order {} paid";
            badCase = new BadCase(index, MixpanelMarkers.MIXPANEL, template, level());
            badCase.expectValid = !template.isEmpty();
            badCase.kinds.add(template.isEmpty() ? "empty template" : "template name");
        } else {
            Marker marker = random.nextInt(5) == 0 ? MixpanelMarkers.event(name, payload()) : MixpanelMarkers.event(name);
            badCase = new BadCase(index, marker, "bad input {}", level());
            badCase.expectValid = !name.isBlank();
            badCase.kinds.add("name:" + (name.length() > 40 ? name.length() + " chars" : "'" + name + "'"));
        }
        if (random.nextInt(25) == 0) {
            badCase.pairs.add(new Object[] {"explosive", explosive()});
            badCase.expectValid = false;
            badCase.kinds.add("explosive");
        }
        int pairs = random.nextInt(10) == 0 ? 256 + random.nextInt(150) : random.nextInt(5) == 0 ? 20 + random.nextInt(80) : random.nextInt(10);
        for (int i = 0; i < pairs; i++) {
            badCase.pairs.add(new Object[] {key(i), value()});
        }
        if (pairs > 254) {
            badCase.kinds.add(pairs + " pairs");
        }
        if (random.nextInt(4) == 0) {
            badCase.pairs.add(new Object[] {"distinct_id", distinctId()});
            badCase.kinds.add("distinct_id");
        }
        if (random.nextInt(6) == 0) {
            badCase.mdc.put("note", random.nextBoolean() ? LONE_HIGH : "m".repeat(5000));
            badCase.mdc.put("user_id", BANNED_IDS.get(random.nextInt(BANNED_IDS.size())));
        }
        if (random.nextInt(5) == 0) {
            badCase.arguments.add(random.nextInt(4) > 0 ? OddValues.throwingToString() : OddValues.recursingToString());
        } else {
            badCase.arguments.add(index);
        }
        if (random.nextInt(10) == 0) {
            badCase.cause = new IllegalStateException(random.nextBoolean() ? null : "failed " + LONE_LOW);
        }
        return badCase;
    }

    private Level level() {
        return LEVELS[random.nextInt(LEVELS.length)];
    }

    private String name(int kind, int index) {
        switch (kind) {
            case 0: return "";
            case 1: return "   ";
            case 2: return "N".repeat(10_000);
            case 3: return "Bad \uD800 Name";
            case 4: return "\uDFFF";
            case 5: return "Emoji \uD83D\uDE00 Event";
            case 6: return "null";
            case 7: return "Line\nBreak\tand \"quotes\" \\ " + index;
            default: return "Case " + index;
        }
    }

    private String key(int i) {
        switch (random.nextInt(14)) {
            case 0: return null;
            case 1: return "";
            case 2: return "k".repeat(300);
            case 3: return "key\uD800" + i;
            case 4: return List.of("time", "token", "$insert_id").get(random.nextInt(3));
            case 5: return "$" + i;
            default: return "p" + i;
        }
    }

    /**
     * A value of one of many awkward kinds; heavy ones (up to ~70 KB once cleaned) at most three per
     * case, and a string of 1 to 2 million characters in one case of twenty, at most once.
     */
    private Object value() {
        int kind = random.nextInt(32);
        if (kind >= 26 && heavyValues++ >= 3 || kind == 26 && !hugeStringAllowed) {
            kind = 0;
        }
        if (kind == 26) {
            hugeStringAllowed = false;
        }
        switch (kind) {
            case 0: return "plain";
            case 1: return null;
            case 2: return Double.NaN;
            case 3: return Double.POSITIVE_INFINITY;
            case 4: return Float.NEGATIVE_INFINITY;
            case 5: return OddValues.throwingToString();
            case 6: return random.nextInt(4) == 0 ? OddValues.recursingToString() : OddValues.nullToString();
            case 7: return OddValues.nullToString();
            case 8: return OddValues.throwingLength();
            case 9: return OddValues.throwingNumber();
            case 10: return OddValues.Secretive.HIDDEN;
            case 11: return LONE_HIGH;
            case 12: return LONE_LOW;
            case 13: return new BigDecimal("1e400");
            case 14: return new BigInteger("9".repeat(60));
            case 15: return Long.MIN_VALUE;
            case 16: return Optional.of(Double.NaN);
            case 17: return Optional.empty();
            case 18: return new Object[] {null, "x", Double.NaN, null};
            case 19: return cyclicMap();
            case 20: return cyclicList();
            case 21: return deep(10);
            case 22: return nullKeyMap();
            case 23: return OddValues.endless();
            case 24: return OddValues.failingIterable();
            case 25: return 'c';
            case 26: return "h".repeat(1_000_000 + random.nextInt(1_000_000));
            case 27: return Collections.nCopies(300, "s".repeat(300));
            case 28: return new int[1000];
            case 29: return wideFlatMap();
            case 30: return Arrays.asList(deep(5), cyclicMap(), OddValues.throwingToString());
            default: return BANNED_IDS.get(random.nextInt(BANNED_IDS.size()));
        }
    }

    private Object distinctId() {
        switch (random.nextInt(6)) {
            case 0: return null;
            case 1: return "";
            case 2: return "u".repeat(1000);
            case 3: return OddValues.throwingToString();
            case 4: return 0;
            default: return BANNED_IDS.get(random.nextInt(BANNED_IDS.size()));
        }
    }

    /** A marker payload with a null key, a null value, NaN, nesting and a lone surrogate in a key. */
    private static Map<String, Object> payload() {
        Map<String, Object> payload = new HashMap<>();
        payload.put(null, "a null key");
        payload.put("nothing", null);
        payload.put("nan", Double.NaN);
        payload.put("nested", deep(6));
        payload.put("surrogate\uDC00", LONE_HIGH);
        return payload;
    }

    /** A value whose cleaned form cannot fit in 1 MB, though it is cheap to build. */
    private Object explosive() {
        if (random.nextBoolean()) {
            Map<String, Object> wide = new HashMap<>();
            for (int i = 0; i < 254; i++) {
                wide.put("k" + i, wide);
            }
            return wide;
        }
        List<String> strings = Collections.nCopies(254, "e".repeat(255));
        return Collections.nCopies(254, strings);
    }

    private static Map<String, Object> cyclicMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "loop");
        map.put("self", map);
        return map;
    }

    private static List<Object> cyclicList() {
        List<Object> list = new ArrayList<>();
        list.add("start");
        list.add(list);
        return list;
    }

    private static Object deep(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level" + i, value);
            value = level;
        }
        return value;
    }

    private static Map<Object, Object> nullKeyMap() {
        Map<Object, Object> map = new HashMap<>();
        map.put(null, "null key");
        map.put("null value", null);
        map.put(42, "number key");
        return map;
    }

    private static Map<String, Object> wideFlatMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            map.put("w" + i, i);
        }
        return map;
    }
}
