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
            defaultValue = "minilm-l6-safestream-q",
            description = "Sentence encoder for the head: minilm-l6-safestream-q (ours, fine-tuned by models-finetune),"
                    + " all-minilm-l6-v2-q or bge-small-en-v1.5-q (${DEFAULT-VALUE}).")
    String encoder;

    @Option(
            names = "--baseline-encoder",
            defaultValue = "",
            description = "Encoder to compare with on the held-out rows in the model card, e.g. all-minilm-l6-v2-q"
                    + " (the pretrained encoder before fine-tuning); none by default.")
    String baseline;

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
        boolean[] heldOut = Holdout.rows(sources, seed);
        List<Example> identity = IdentityTemplates.training(identityWeight);
        // copies of held-out rows would put their text on the training side of the held-out comparison
        List<Example> copies = Counterfactuals.augment(Holdout.select(sources, heldOut, false), seed);
        List<Example> fed = feedback != null ? FeedbackLabels.read(feedback) : List.of();
        List<Example> examples = new ArrayList<>(sources);
        examples.addAll(identity);
        examples.addAll(copies);
        examples.addAll(fed);
        // Rows [debiasFrom, debiasTo) are the debiasing data: identity sentences and counterfactual copies.
        int debiasFrom = sources.size();
        int debiasTo = debiasFrom + identity.size() + copies.size();
        Training.log("loaded " + examples.size() + " examples (" + identity.size() + " identity sentences, "
                + copies.size() + " counterfactual copies)");
        String comparison = compareSample > 0 ? comparison(sources) : "Not run (`--compare-encoders 0`).\n";

        EncoderSpec spec = EncoderSpec.named(encoder);
        if (spec.inModelSet() && !Files.exists(out.resolve(spec.modelResource()))) {
            // a deployment's retraining keeps the shipped fine-tuned encoder and refits the heads on it
            Files.createDirectories(out);
            Files.write(
                    out.resolve(spec.modelResource()), ModelArtifacts.shipped().read(spec.modelResource()));
        }
        EncoderSpec baselineSpec = baseline.isBlank() ? null : EncoderSpec.named(baseline);
        Training training = new Training(spec, baselineSpec, folds, seed, threads, cache);
        String version = LocalDate.now() + "-seed" + seed;
        Training.Result result = training.run(examples, heldOut, out, version);

        // the same final fit without the debiasing rows, for the card's before/after identity table
        Path unbiased = exportSubset(
                training, result, examples, i -> i < debiasFrom || i >= debiasTo, spec, out, "safestream-no-augment");
        // and without the held-out rows, so the obfuscation check ranks text the heads never saw either
        Path trainingSide = exportSubset(
                training,
                result,
                examples,
                i -> i >= heldOut.length || !heldOut[i],
                spec,
                out,
                "safestream-training-side");
        List<Example> heldOutRows = Holdout.select(sources, heldOut, true);

        Training.log("measuring the exported artifacts");
        List<Example> withoutCopies = new ArrayList<>(sources);
        withoutCopies.addAll(identity);
        withoutCopies.addAll(fed);
        try (ToxicityModel model = ToxicityModel.load(ModelArtifacts.directory(out), threads, Integer.MAX_VALUE);
                ToxicityModel fastOnly = ToxicityModel.load(ModelArtifacts.directory(out), threads, 0);
                ToxicityModel before =
                        ToxicityModel.load(ModelArtifacts.directory(unbiased), threads, Integer.MAX_VALUE);
                ToxicityModel withoutHeldOut =
                        ToxicityModel.load(ModelArtifacts.directory(trainingSide), threads, Integer.MAX_VALUE)) {
            ArtifactChecks.IdentityBias biasAfter = ArtifactChecks.identityBias(model);
            ArtifactChecks.IdentityBias biasBefore = ArtifactChecks.identityBias(before);
            ArtifactChecks.Robustness robustness = ArtifactChecks.robustness(withoutHeldOut, heldOutRows, seed);
            ArtifactChecks.Speed speed = ArtifactChecks.speed(model, fastOnly, sources);
            Files.writeString(
                    card,
                    ModelCard.render(new ModelCard.Inputs(
                            model.manifest(),
                            result,
                            countBySource(withoutCopies),
                            folds,
                            seed,
                            biasBefore,
                            biasAfter,
                            copies.size(),
                            robustness,
                            speed,
                            size(out),
                            comparison)));
        }
        Training.log("wrote " + out + " and " + card);
        return 0;
    }

    /**
     * Fits the final heads on the rows {@code keep} accepts (with the run's calibration and stacker) into a new
     * temporary model set that shares {@code out}'s manifest and encoder.
     */
    private static Path exportSubset(
            Training training,
            Training.Result result,
            List<Example> examples,
            java.util.function.IntPredicate keep,
            EncoderSpec spec,
            Path out,
            String name)
            throws IOException {
        Path dir = Files.createTempDirectory(name);
        int[] rows = java.util.stream.IntStream.range(0, examples.size())
                .filter(keep)
                .toArray();
        training.exportFinal(
                java.util.Arrays.stream(rows).mapToObj(examples::get).toList(),
                (SparseDesign) result.sparse().subset(rows),
                (DenseDesign) result.dense().subset(rows),
                result.platt(),
                result.stacker(),
                dir);
        Files.copy(out.resolve(ModelManifest.FILE), dir.resolve(ModelManifest.FILE));
        if (spec.inModelSet()) {
            Files.copy(out.resolve(spec.modelResource()), dir.resolve(spec.modelResource()));
        }
        return dir;
    }

    private String comparison(List<Example> sources) {
        try {
            return EncoderComparison.run(sources, compareSample, folds, seed, cache, threads);
        } catch (RuntimeException e) {
            return "Not run here (" + e.getMessage() + "); run `train` from models-training to compare.\n";
        }
    }

    private static Map<String, Long> countBySource(List<Example> examples) {
        return examples.stream().collect(Collectors.groupingBy(Example::source, TreeMap::new, Collectors.counting()));
    }

    private static long size(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCommand()).execute(args));
    }
}
