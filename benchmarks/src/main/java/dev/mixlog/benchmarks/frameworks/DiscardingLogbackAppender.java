package dev.mixlog.benchmarks.frameworks;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;

/**
 * A Logback appender that encodes every event with its encoder and writes the bytes nowhere: the
 * encoding cost of a real appender without the I/O. Used as {@code <appender class="...">}.
 *
 * @param <E> the event type
 */
public class DiscardingLogbackAppender<E> extends OutputStreamAppender<E> {
    @Override
    public void start() {
        setOutputStream(OutputStream.nullOutputStream());
        super.start();
    }
}
