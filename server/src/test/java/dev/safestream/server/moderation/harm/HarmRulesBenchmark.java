package dev.safestream.server.moderation.harm;

import dev.safestream.models.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the severe-harm rules cost each chat message on the pipeline thread: every line of
 * {@code benchmarks/chat-lines.txt} (ordinary, rude and obfuscated chat), one {@link HarmRules#find} each.
 * Run: {@code MODULE=server benchmarks/jmh.sh HarmRulesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HarmRulesBenchmark {
    private HarmRules rules;
    private List<String> lines;

    @Setup
    public void load() throws IOException {
        rules = HarmRules.builtIn(new TextNormalizer());
        Path file = Path.of("benchmarks/chat-lines.txt");
        lines = Files.readAllLines(Files.exists(file) ? file : Path.of("../benchmarks/chat-lines.txt")).stream()
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** One pass over every line: divide the score by the number of non-blank lines for the cost of one message. */
    @Benchmark
    public void everyLine(Blackhole sink) {
        for (String line : lines) {
            sink.consume(rules.find(line));
        }
    }
}
