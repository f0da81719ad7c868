package dev.safestream.protocol.settings;

import java.util.List;
import java.util.regex.Pattern;

/** Validation shared by the settings records: every failure names the field, as the JSON path a client sent. */
final class Check {
    private Check() {}

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static void unit(String field, double value) {
        require(value >= 0 && value <= 1, field + " must be between 0 and 1 (got " + value + ")");
    }

    static void range(String field, long value, long min, long max) {
        require(
                value >= min && value <= max,
                field + " must be between " + min + " and " + max + " (got " + value + ")");
    }

    static <T> List<T> list(String field, List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        require(values.size() <= max, field + " may hold at most " + max + " entries");
        for (int i = 0; i < values.size(); i++) {
            require(values.get(i) != null, field + "[" + i + "] must not be null");
        }
        return List.copyOf(values);
    }

    static void matches(String field, String value, Pattern pattern, String what) {
        require(
                value != null && pattern.matcher(value).matches(),
                field + " must be " + what + " (got '" + value + "')");
    }
}
