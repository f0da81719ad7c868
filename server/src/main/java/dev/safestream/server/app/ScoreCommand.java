package dev.safestream.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.models.Heads;
import dev.safestream.models.ModelScores;
import dev.safestream.models.ToxicityModel;
import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.moderation.harm.HarmMatch;
import dev.safestream.server.moderation.harm.HarmRules;
import dev.safestream.server.moderation.onnx.ShippedModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code score}: JSON lines {@code {"id","text"}} on stdin → {@code {"id","score","toxic","categories"}} on stdout, one
 * output line per input line and in the same order, scored by exactly the models, default threshold and severe-harm
 * rules the server uses: a text a rule catches is toxic whatever its score, and names the rule's category
 * ({@code "harm":"self_harm"}). A line that is not such an object yields {@code {"line":N,"error":"…"}} and scoring goes on.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Score JSON lines {\"id\",\"text\"} from stdin with the moderation model.")
public final class ScoreCommand implements Callable<Integer> {
    private static final int BATCH = 64;

    @Option(
            names = "--model-dir",
            defaultValue = "${env:MODEL_DIR}",
            description = "Retrained models (train --out) instead of the shipped ones (MODEL_DIR).")
    Path modelDir;

    @Option(
            names = "--threshold",
            description = "Toxic decision threshold (default: the model's cross-validated threshold).")
    Double threshold;

    @Option(
            names = "--builtin-harm-rules",
            defaultValue = "true",
            arity = "1",
            description = "Apply the built-in severe-harm rules, as the server does by default (true).")
    boolean builtinHarmRules = true;

    private final ObjectMapper json = new ObjectMapper();
    private HarmRules harm;

    @Override
    public Integer call() throws IOException {
        try (ToxicityModel model = ShippedModels.load(modelDir, 2, Integer.MAX_VALUE)) {
            return score(model, System.in, new PrintStream(System.out, false, StandardCharsets.UTF_8));
        }
    }

    /** Scores every line of {@code input}; returns 0, or 1 when some lines could not be scored. */
    int score(ToxicityModel model, InputStream input, PrintStream out) throws IOException {
        int errors = 0;
        TextNormalizer normalizer = new TextNormalizer();
        harm = builtinHarmRules ? HarmRules.builtIn(normalizer) : HarmRules.none(normalizer);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            double cut = threshold != null ? threshold : model.manifest().threshold(Heads.TOXIC);
            List<Object> pending = new ArrayList<>(BATCH); // JsonNode ids to score, or ready error lines
            List<String> texts = new ArrayList<>(BATCH);
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String error = parse(line, pending, texts);
                if (error != null) {
                    errors++;
                    pending.add(json.createObjectNode().put("line", lineNumber).put("error", error));
                }
                if (texts.size() == BATCH) {
                    flush(model, cut, pending, texts, out);
                }
            }
            flush(model, cut, pending, texts, out);
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    private String parse(String line, List<Object> pending, List<String> texts) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                return "expected an object with a string \"text\"";
            }
            pending.add(node.path("id"));
            texts.add(node.get("text").asText());
            return null;
        } catch (IOException e) {
            return "malformed JSON";
        }
    }

    private void flush(ToxicityModel model, double cut, List<Object> pending, List<String> texts, PrintStream out)
            throws IOException {
        List<ModelScores> scores = model.score(texts);
        int next = 0;
        for (Object item : pending) {
            if (item instanceof ObjectNode errorLine) {
                out.println(json.writeValueAsString(errorLine));
                continue;
            }
            Optional<HarmMatch> severe = harm.find(texts.get(next));
            ModelScores s = scores.get(next++);
            ObjectNode result = json.createObjectNode();
            result.set("id", (JsonNode) item);
            result.put("score", s.toxic());
            result.put("toxic", severe.isPresent() || s.toxic() >= cut);
            result.set("categories", json.valueToTree(s.categories()));
            severe.ifPresent(m -> result.put("harm", m.category().wireName()));
            out.println(json.writeValueAsString(result));
        }
        pending.clear();
        texts.clear();
    }
}
