package dev.mixlog.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/** Structured arguments of logstash-logback-encoder 7 and 8, which write through Jackson 2. */
final class Jackson2Fields implements StructuredArguments.FieldsReader {
    /** With the modules the class path offers (java.time's among them), as logstash's own JSON has. */
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> read(Object argument, Method writeTo, Writer text) throws Exception {
        try (JsonGenerator generator = mapper.createGenerator(text)) {
            generator.writeStartObject();
            writeTo.invoke(argument, generator);
            generator.writeEndObject();
        }
        return mapper.readValue(text.toString(), LinkedHashMap.class);
    }
}
