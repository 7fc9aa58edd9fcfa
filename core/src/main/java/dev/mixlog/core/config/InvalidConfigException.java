package dev.mixlog.core.config;

import java.util.List;

/** Thrown by {@link MixlogSettings#build()} with every problem found, each saying what to fix. */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    InvalidConfigException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The individual problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        if (problems.size() == 1) {
            return "Mixpanel appender not started: " + problems.get(0);
        }
        StringBuilder text = new StringBuilder("Mixpanel appender not started, ")
                .append(problems.size()).append(" settings to fix:");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
