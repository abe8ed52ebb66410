package dev.supportpulse.demo;

import java.math.BigDecimal;
import java.util.Map;

/** The little JSON writing the demo needs, so that its jar runs without dependencies. */
public final class Json {

    private Json() {
    }

    /** Writes a map as a JSON object, skipping null values; values are strings, booleans, numbers or maps. */
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

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder out, Object value) {
        if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, (Map<String, ?>) map);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

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
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            }
        }
        out.append('"');
    }
}
