package dev.mixlog.core.config;

/**
 * Recognizes a setting whose value is a reference the framework could not resolve: Logback puts
 * {@code NAME_IS_UNDEFINED} in place of an undefined {@code ${NAME}} (a Spring Boot
 * {@code <springProperty>} whose source property is missing ends the same way), and Log4j2 leaves an
 * unresolved {@code ${env:NAME}} as it was written.
 */
final class UndefinedReference {
    private static final String LOGBACK_SUFFIX = "_IS_UNDEFINED";

    private UndefinedReference() {
    }

    /** The reference as the user wrote it ({@code ${MIXPANEL_TOKEN}}), or {@code null} when the value is not one. */
    static String name(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.endsWith(LOGBACK_SUFFIX) && text.length() > LOGBACK_SUFFIX.length()) {
            return "${" + text.substring(0, text.length() - LOGBACK_SUFFIX.length()) + "}";
        }
        if (text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1) {
            return text;
        }
        return null;
    }
}
