package dev.safestream.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChatLinesTest {
    private static final List<String> OTHERS = List.of("luna_fox", "kai42");

    @Test
    void linesVaryAndStayWithinTheServersLengthLimit() {
        ChatLines lines = new ChatLines(new SplittableRandom(1), 0.1);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String text = lines.next(OTHERS).text();
            assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(500).doesNotContain("{user}", "{place}");
            distinct.add(text);
        }
        assertThat(distinct).hasSizeGreaterThan(150);
    }

    @Test
    void theShareOfRudeLinesFollowsTheToxicRatio() {
        ChatLines lines = new ChatLines(new SplittableRandom(7), 0.2);
        long rude = java.util.stream.IntStream.range(0, 5000)
                .filter(i -> lines.next(OTHERS).rude())
                .count();
        assertThat(rude).isBetween(850L, 1150L);
    }

    @Test
    void rudeLinesIncludeObfuscatedOnesThatDodgePlainWordLists() {
        ChatLines lines = new ChatLines(new SplittableRandom(3), 1.0);
        Set<String> rude = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            rude.add(lines.next(OTHERS).text());
        }
        assertThat(rude).anyMatch(t -> t.matches(".*[0-9*.].*")).anyMatch(t -> t.contains("idiot"));
    }

    @Test
    void aZeroRatioNeverProducesRudeLines() {
        ChatLines lines = new ChatLines(new SplittableRandom(5), 0.0);
        for (int i = 0; i < 1000; i++) {
            assertThat(lines.next(List.of()).rude()).isFalse();
        }
    }

    @Test
    void ratiosOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new ChatLines(new SplittableRandom(), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void botNamesAreDistinctAndValidUsernames() {
        List<String> names = BotNames.generate(200, "sim_", new SplittableRandom(11));
        assertThat(names).doesNotHaveDuplicates().hasSize(200).allMatch(n -> n.matches("sim_[A-Za-z0-9_.-]{3,40}"));
    }
}
