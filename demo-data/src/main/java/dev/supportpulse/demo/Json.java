package dev.supportpulse.demo;

import java.math.BigDecimal;
import java.util.Map;

/** The little JSON writing the demo needs, so that its jar runs without dependencies. */
public final class Json {

    private Json() {
    }

    /**
     * Writes a map as a JSON object, skipping null values; values are strings, booleans, integers, decimals or maps.
     */
    public static void writeObject(StringBuilder out, Map<String, ?> fields) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, field.getKey());
            out.append(':');
            writeValue(out, field.getValue());
        }
        out.append('}');
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            // Plain notation: 1E+3 is valid JSON, but not what a person reading the demo data expects.
            out.append(decimal.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> object = (Map<String, ?>) map;
            writeObject(out, object);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    /** Writes a JSON string literal; characters outside ASCII stay as they are (the body is UTF-8). */
    public static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20) {
                    out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    out.append(c);
                }
            }
            }
        }
        out.append('"');
    }
}
