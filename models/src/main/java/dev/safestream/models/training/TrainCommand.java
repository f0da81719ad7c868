package dev.safestream.models.training;

import dev.safestream.models.ModelArtifacts;
import dev.safestream.models.ModelManifest;
import dev.safestream.models.ToxicityModel;
import dev.safestream.models.onnx.EncoderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: reads the labelled data, cross-validates, fits the shipped models and writes the model card. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train and evaluate SafeStream's moderation models (deterministic for a given seed).")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data", description = "Labelled data folder (${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--out",
            defaultValue = "models/src/main/resources/dev/safestream/models",
            description = "Where the ONNX artifacts and manifest go (${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--card", defaultValue = "models/MODEL_CARD.md", description = "Model card (${DEFAULT-VALUE}).")
    Path card;

    @Option(
            names = "--feedback",
            description = "Moderator labels exported by a server (JSON lines), added to training.")
    Path feedback;

    @Option(
            names = "--cache",
            defaultValue = "models/target/embedding-cache",
            description = "Sentence vectors cached between runs (${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for folds and shuffling (${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--encoder",
            defaultValue = "all-minilm-l6-v2-q",
            description =
                    "Sentence encoder for the head: all-minilm-l6-v2-q or bge-small-en-v1.5-q (${DEFAULT-VALUE}).")
    String encoder;

    @Option(
            names = "--identity-weight",
            defaultValue = "10",
            description = "Loss weight of the neutral identity sentences added for debiasing (${DEFAULT-VALUE}).")
    float identityWeight;

    @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime threads (${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--compare-encoders",
            defaultValue = "0",
            paramLabel = "N",
            description = "Compare candidate encoders on N examples per source first (0 = skip; ${DEFAULT-VALUE}).")
    int compareSample;

    @Override
    public Integer call() throws IOException {
        List<Example> sources = DataSets.load(data);
        List<Example> examples = new ArrayList<>(sources);
        examples.addAll(IdentityTemplates.training(identityWeight));
        if (feedback != null) {
            examples.addAll(FeedbackLabels.read(feedback));
        }
        Training.log("loaded " + examples.size() + " examples");
        String comparison = compareSample > 0 ? comparison(sources) : "Not run (`--compare-encoders 0`).\n";

        Training training = new Training(EncoderSpec.named(encoder), folds, seed, threads, cache);
        String version = LocalDate.now() + "-seed" + seed;
        Training.Result result = training.run(examples, out, version);

        Path unbiased = Files.createTempDirectory("safestream-no-augment");
        int[] original = java.util.stream.IntStream.range(0, examples.size())
                .filter(i -> !examples.get(i).source().equals(IdentityTemplates.SOURCE))
                .toArray();
        training.exportFinal(
                java.util.Arrays.stream(original).mapToObj(examples::get).toList(),
                (SparseDesign) result.sparse().subset(original),
                (DenseDesign) result.dense().subset(original),
                result.platt(),
                result.stacker(),
                unbiased);
        Files.copy(out.resolve(ModelManifest.FILE), unbiased.resolve(ModelManifest.FILE));

        Training.log("measuring the exported artifacts");
        List<String> stillFlagged = new ArrayList<>();
        double fprAfter;
        double fprBefore;
        List<ArtifactChecks.Robustness> robustness;
        ArtifactChecks.Speed speed;
        try (ToxicityModel model = ToxicityModel.load(ModelArtifacts.directory(out), threads, Integer.MAX_VALUE);
                ToxicityModel fastOnly = ToxicityModel.load(ModelArtifacts.directory(out), threads, 0);
                ToxicityModel before =
                        ToxicityModel.load(ModelArtifacts.directory(unbiased), threads, Integer.MAX_VALUE)) {
            fprAfter = ArtifactChecks.identityFalsePositiveRate(model, stillFlagged);
            fprBefore = ArtifactChecks.identityFalsePositiveRate(before, new ArrayList<>());
            robustness = ArtifactChecks.robustness(model, sources, 300, seed);
            speed = ArtifactChecks.speed(model, fastOnly, sources);
            Files.writeString(
                    card,
                    ModelCard.render(new ModelCard.Inputs(
                            model.manifest(),
                            result,
                            countBySource(examples),
                            folds,
                            seed,
                            fprBefore,
                            fprAfter,
                            stillFlagged,
                            robustness,
                            speed,
                            size(out),
                            comparison)));
        }
        Training.log("wrote " + out + " and " + card);
        return 0;
    }

    private String comparison(List<Example> sources) {
        try {
            return EncoderComparison.run(sources, compareSample, folds, seed, cache, threads);
        } catch (RuntimeException e) {
            return "Not run here (" + e.getMessage() + "); run `train` from the models module to compare.\n";
        }
    }

    private static Map<String, Long> countBySource(List<Example> examples) {
        return examples.stream().collect(Collectors.groupingBy(Example::source, TreeMap::new, Collectors.counting()));
    }

    private static long size(Path dir) {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCommand()).execute(args));
    }
}
