package dev.safestream.server.simulate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Usernames that look like people's, unique within one audience, always within the server's name rules. */
final class BotNames {
    private static final List<String> FIRST = List.of(
            "luna", "pixel", "nova", "echo", "milo", "kai", "juno", "zoe", "rio", "ash", "sky", "max", "ivy", "leo",
            "mia", "sam", "neo", "ember", "otto", "remy");
    private static final List<String> SECOND = List.of(
            "fox", "gamer", "beats", "cat", "wolf", "wave", "star", "byte", "panda", "ninja", "sun", "storm", "leaf",
            "bear", "moon", "pop", "rider", "owl");

    private BotNames() {}

    /** {@code count} distinct names, each starting with {@code prefix} (may be empty). */
    static List<String> generate(int count, String prefix, RandomGenerator random) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            String name = prefix
                    + FIRST.get(random.nextInt(FIRST.size()))
                    + (random.nextBoolean() ? "_" : "")
                    + SECOND.get(random.nextInt(SECOND.size()))
                    + (random.nextInt(3) == 0 ? "" : String.valueOf(random.nextInt(100)));
            names.add(name);
        }
        return List.copyOf(names);
    }
}
