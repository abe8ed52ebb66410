package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesEscapedStringsNumbersBooleansAndNestedObjectsAndSkipsNulls() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "a \"quote\", a \\ and\na line\u0001");
        fields.put("none", null);
        fields.put("count", 3);
        fields.put("amount", new BigDecimal("12.50"));
        fields.put("flag", true);
        fields.put("nested", Map.of("k", "v"));
        StringBuilder out = new StringBuilder();
        Json.writeObject(out, fields);
        assertEquals("{\"text\":\"a \\\"quote\\\", a \\\\ and\\na line\\u0001\",\"count\":3,\"amount\":12.50,"
                + "\"flag\":true,\"nested\":{\"k\":\"v\"}}", out.toString());
    }
}
