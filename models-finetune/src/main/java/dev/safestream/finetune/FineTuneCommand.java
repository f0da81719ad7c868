package dev.safestream.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.safestream.models.Heads;
import dev.safestream.models.text.ChatText;
import dev.safestream.models.text.TextNormalizer;
import dev.safestream.models.text.WordPieceTokenizer;
import dev.safestream.models.training.Counterfactuals;
import dev.safestream.models.training.DataSets;
import dev.safestream.models.training.Domains;
import dev.safestream.models.training.Example;
import dev.safestream.models.training.Holdout;
import dev.safestream.models.training.IdentityTemplates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fine-tune}: fine-tunes all-MiniLM-L6-v2 end to end on the labelled data (minus the {@link Holdout} rows) and
 * writes the int8 ONNX graph the server's cascade runs as its second stage. Deterministic for a seed on one machine.
 */
@Command(
        name = "fine-tune",
        mixinStandardHelpOptions = true,
        description = "Fine-tune the moderation encoder (DJL, PyTorch engine, CPU) and export it as int8 ONNX.")
public final class FineTuneCommand implements Callable<Integer> {
    static final String FP32_GRAPH = "all-minilm-l6-v2.onnx";
    static final String INT8_GRAPH = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    @Option(names = "--data", defaultValue = "../shared/data", description = "Labelled data folder (${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--out",
            defaultValue = "models/src/main/resources/dev/safestream/models/encoder.onnx",
            description = "The int8 graph to write (${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--fp32-out",
            defaultValue = "models-finetune/target/minilm-l6-safestream.onnx",
            description = "The same weights unquantised, to measure what int8 costs (${DEFAULT-VALUE}).")
    Path fp32Out;

    @Option(names = "--epochs", defaultValue = "1", description = "Passes over the data (${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Rows per step (${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--lr",
            defaultValue = "8e-5",
            description = "Peak learning rate of the encoder (${DEFAULT-VALUE}).")
    float lr;

    @Option(
            names = "--head-lr",
            defaultValue = "2e-3",
            description = "Peak learning rate of the heads (${DEFAULT-VALUE}).")
    float headLr;

    @Option(names = "--max-tokens", defaultValue = "64", description = "Word pieces per text (${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Hidden dropout (${DEFAULT-VALUE}).")
    float dropout;

    @Option(
            names = "--identity-weight",
            defaultValue = "2",
            description = "Loss weight of the neutral identity sentences (${DEFAULT-VALUE}).")
    float identityWeight;

    @Option(
            names = "--davidson-keep",
            defaultValue = "0.5",
            description = "Share of Davidson's non-hate tweets to train on; its hate tweets are all kept."
                    + " Davidson is 44%% of the data and the easiest part of it (${DEFAULT-VALUE}).")
    double davidsonKeep;

    @Option(
            names = "--checkpoint-every",
            defaultValue = "300",
            description = "Steps between checkpoints written to --out (${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--limit", defaultValue = "0", description = "Train on the first N shuffled rows only (0 = all).")
    int limit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        OnnxMl.ModelProto fp32 = OnnxMl.ModelProto.parseFrom(resource(FP32_GRAPH));
        OnnxMl.ModelProto int8 = OnnxMl.ModelProto.parseFrom(resource(INT8_GRAPH));
        WordPieceTokenizer tokenizer =
                WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(resource(TOKENIZER)));
        List<TrainingRow> rows = rows(tokenizer);
        log("training on " + rows.size() + " rows with " + engine.getEngineName() + " " + engine.getVersion());
        try (NDManager manager = engine.newBaseManager()) {
            MiniLm model = new MiniLm(OnnxWeights.read(fp32.getGraph()), manager, dropout);
            TaskHeads heads = new TaskHeads(manager);
            FineTune.Settings settings =
                    new FineTune.Settings(epochs, batch, lr, headLr, 0.06f, 0.01f, seed, checkpointEvery);
            new FineTune(model, heads, manager, settings).run(rows, what -> {
                Map<String, float[]> weights = new LinkedHashMap<>();
                for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                    weights.put(e.getKey(), e.getValue().toFloatArray());
                }
                if (!finite(weights)) {
                    throw new IllegalStateException(
                            "Weights went non-finite by " + what + "; kept the last checkpoint");
                }
                write(out, OnnxExport.quantized(int8, fp32, weights).toByteArray());
                write(fp32Out, OnnxExport.fp32(fp32, weights).toByteArray());
                log(what + " written to " + out);
            });
        }
        log(String.format("fine-tuning took %.1f min", (System.nanoTime() - started) / 60e9));
        return 0;
    }

    private List<TrainingRow> rows(WordPieceTokenizer tokenizer) {
        List<Example> sources = DataSets.load(data);
        boolean[] held = Holdout.rows(sources, seed);
        List<Example> training = new ArrayList<>();
        java.util.Random sampler = new java.util.Random(seed);
        int hate = Heads.index(Heads.HATE);
        for (int i = 0; i < sources.size(); i++) {
            Example e = sources.get(i);
            boolean dropped =
                    e.source().equals(DataSets.DAVIDSON) && !e.positive(hate) && sampler.nextDouble() >= davidsonKeep;
            if (!held[i] && !dropped) {
                training.add(e);
            }
        }
        List<Example> counterfactual = Counterfactuals.augment(training, seed);
        training.addAll(counterfactual);
        training.addAll(IdentityTemplates.training(identityWeight));
        log(String.format("%d source rows held out, %d counterfactual copies", count(held), counterfactual.size()));
        if (limit > 0) {
            java.util.Collections.shuffle(training, new java.util.Random(seed));
            training = training.subList(0, Math.min(limit, training.size()));
        }
        TextNormalizer normalizer = new TextNormalizer();
        List<TrainingRow> rows = new ArrayList<>();
        int heads = Heads.ALL.size();
        int[][] domains = new int[heads][];
        for (int h = 0; h < heads; h++) {
            domains[h] = Domains.own(training, h);
        }
        for (int i = 0; i < training.size(); i++) {
            Example e = training.get(i);
            int[] domain = new int[heads];
            for (int h = 0; h < heads; h++) {
                domain[h] = domains[h][i];
            }
            int[] ids = tokenizer.encode(normalizer.forEncoder(ChatText.canonical(e.text())), maxTokens);
            rows.add(new TrainingRow(ids, domain, e.labels(), e.weight()));
        }
        return rows;
    }

    private static boolean finite(Map<String, float[]> weights) {
        for (float[] w : weights.values()) {
            for (float v : w) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    static byte[] resource(String name) {
        try (InputStream in = FineTuneCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Not on the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String what) {
        System.err.printf("[fine-tune %tT] %s%n", System.currentTimeMillis(), what);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FineTuneCommand()).execute(args));
    }
}
