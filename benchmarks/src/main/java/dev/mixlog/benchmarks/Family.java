package dev.mixlog.benchmarks;

/** A logging framework family; each runs on its own classpath, since only one SLF4J provider may be present. */
public enum Family {
    LOGBACK("Logback"),
    LOG4J2("Log4j2");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
