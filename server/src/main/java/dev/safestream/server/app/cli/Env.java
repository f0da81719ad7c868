package dev.safestream.server.app.cli;

import java.util.List;
import java.util.Map;

/** Values that come from the environment only (secrets) and the blank-means-unset rule of every option. */
public final class Env {
    private Env() {}

    /** {@code value}, or null when it is missing or blank: an empty {@code NAME=} line in server.env unsets it. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The secret {@code name} from {@code env}, or null. */
    public static String secret(Map<String, String> env, String name) {
        return blankToNull(env.get(name));
    }

    /** A comma-separated option's values without blanks; none when unset. */
    public static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
