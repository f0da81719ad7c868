package dev.safestream.models.bench;

import dev.safestream.models.ModelArtifacts;
import dev.safestream.models.ModelScores;
import dev.safestream.models.ToxicityModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the three scoring paths on the shipped artifacts, per message, in batches of 64 (what the pipeline
 * sends under load) and for a single message (its latency when chat is quiet). Run with {@code benchmarks/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class ModelBenchmarks {
    private static final int BATCH = 64;

    private ToxicityModel fastOnly;
    private ToxicityModel cascade;
    private ToxicityModel encoderAlways;
    private final List<String> batch = ChatSamples.batch(BATCH);
    private final List<String> single = List.of("that boss fight was insane, how many tries did it take you?");

    @Setup(Level.Trial)
    public void load() {
        fastOnly = ToxicityModel.load(ModelArtifacts.shipped(), 2, 0);
        cascade = ToxicityModel.load(ModelArtifacts.shipped(), 2, Integer.MAX_VALUE);
        encoderAlways = ToxicityModel.loadWithBand(ModelArtifacts.shipped(), 2, 0, 1.01);
    }

    @TearDown(Level.Trial)
    public void close() {
        fastOnly.close();
        cascade.close();
        encoderAlways.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<ModelScores> fastBatch() {
        return fastOnly.score(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<ModelScores> cascadeBatch() {
        return cascade.score(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<ModelScores> encoderBatch() {
        return encoderAlways.score(batch);
    }

    @Benchmark
    public List<ModelScores> fastSingle() {
        return fastOnly.score(single);
    }

    @Benchmark
    public List<ModelScores> encoderSingle() {
        return encoderAlways.score(single);
    }

    @Benchmark
    public List<String> explainSingle() {
        return cascade.explain("shut up nobody asked you, you idiot", 3, 0.15);
    }
}
