package dev.mixlog.core.internal.json;

/** Text that JSON can carry: every surrogate in a pair, lone ones replaced by U+FFFD. */
final class Utf16 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf16() {
    }

    /** The text itself when it is valid UTF-16, else a copy with each lone surrogate replaced. */
    static String valid(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!(Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))) {
                    return repaired(text);
                }
                i++;
            }
        }
        return text;
    }

    private static String repaired(String text) {
        StringBuilder fixed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                fixed.append(c).append(text.charAt(++i));
            } else {
                fixed.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return fixed.toString();
    }
}
