package dev.mixlog.benchmarks.frameworks;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.ByteBufferDestinationHelper;

/**
 * A Log4j2 appender that encodes every event with its layout (through the layout's garbage-free
 * {@code encode} path) into a reused buffer and discards the bytes: the encoding cost of a real
 * appender without the I/O. Configured as {@code <Discarding name="..."><JsonTemplateLayout/></Discarding>}.
 */
@Plugin(name = "Discarding", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class DiscardingLog4j2Appender extends AbstractAppender {
    private final Sink sink = new Sink();

    private DiscardingLog4j2Appender(String name, Filter filter, Layout<?> layout) {
        super(name, filter, layout, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static DiscardingLog4j2Appender create(@PluginAttribute("name") String name,
                                                  @PluginElement("Layout") Layout<?> layout,
                                                  @PluginElement("Filter") Filter filter) {
        if (layout == null) {
            throw new IllegalArgumentException("the Discarding appender '" + name + "' needs a layout");
        }
        return new DiscardingLog4j2Appender(name, filter, layout);
    }

    @Override
    public void append(LogEvent event) {
        synchronized (sink) {
            getLayout().encode(event, sink);
        }
    }

    /** A destination whose buffer is emptied, unread, whenever it fills. */
    private static final class Sink implements ByteBufferDestination {
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public ByteBuffer drain(ByteBuffer full) {
            full.clear();
            return full;
        }

        @Override
        public void writeBytes(ByteBuffer data) {
            ByteBufferDestinationHelper.writeToUnsynchronized(data, this);
        }

        @Override
        public void writeBytes(byte[] data, int offset, int length) {
            ByteBufferDestinationHelper.writeToUnsynchronized(data, offset, length, this);
        }
    }
}
