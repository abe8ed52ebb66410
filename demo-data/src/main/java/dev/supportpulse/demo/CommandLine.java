package dev.supportpulse.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the demo and benchmark commands, with defaults and a clear error for typos. */
public final class CommandLine {

    private final Map<String, String> values = new HashMap<>();

    /**
     * @throws IllegalArgumentException
     *             naming the bad option and listing the known ones
     */
    public CommandLine(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "'; options: --"
                        + String.join(" --", known.stream().sorted().toList()));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option '" + name + "' needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A number that must be at least 1 (sizes, counts). */
    public long positive(String name, long fallback) {
        long value = number(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, not " + value);
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
