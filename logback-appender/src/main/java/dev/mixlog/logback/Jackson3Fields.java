package dev.mixlog.logback;

import java.io.Writer;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Structured arguments of logstash-logback-encoder 9, which writes through Jackson 3. */
final class Jackson3Fields implements StructuredArguments.FieldsReader {
    private final ObjectMapper mapper = new ObjectMapper();

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
