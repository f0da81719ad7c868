package dev.safestream.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.safestream.models.onnx.EncoderSpec;
import dev.safestream.models.onnx.SentenceEncoder;
import dev.safestream.models.text.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL encoder is the ONNX graph: same sentence vectors from the same weights, and weights written back by {@link
 * OnnxExport} are what ONNX Runtime then runs.
 */
class MiniLmParityTest {
    private static final List<String> TEXTS = List.of(
            "hello chat, good luck on the run!",
            "you are a complete idiot and everyone hates you",
            "gg",
            "my neighbour helped me move into the new flat last weekend and we had pizza afterwards");

    private static OnnxMl.ModelProto fp32;
    private static NDManager manager;
    private static MiniLm model;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        fp32 = OnnxMl.ModelProto.parseFrom(FineTuneCommand.resource(FineTuneCommand.FP32_GRAPH));
        manager = Engine.getEngine("PyTorch").newBaseManager();
        model = new MiniLm(OnnxWeights.read(fp32.getGraph()), manager, 0.1f);
        tokenizer = WordPieceTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(FineTuneCommand.resource(FineTuneCommand.TOKENIZER)));
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void theDjlEncoderComputesWhatOnnxRuntimeComputesFromTheSameGraph() {
        float[][] djl = FineTune.embed(model, manager, ids());
        float[][] onnx = onnxVectors(FineTuneCommand.FP32_GRAPH);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(cosine(djl[i], onnx[i])).as(TEXTS.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void changedWeightsWrittenBackAreWhatOnnxRuntimeRuns(@TempDir Path dir) throws Exception {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            weights.put(e.getKey(), e.getValue().toFloatArray());
        }
        float[] ffn = weights.get("encoder.layer.3.output.dense.weight");
        for (int i = 0; i < ffn.length; i += 7) {
            ffn[i] *= -1.5f;
        }
        try (NDManager other = Engine.getEngine("PyTorch").newBaseManager()) {
            Map<String, Tensor> changed = new LinkedHashMap<>(OnnxWeights.read(fp32.getGraph()));
            Tensor old = changed.get("encoder.layer.3.output.dense.weight");
            changed.put("encoder.layer.3.output.dense.weight", new Tensor(old.shape(), ffn));
            float[][] djl = FineTune.embed(new MiniLm(changed, other, 0f), other, ids());

            OnnxMl.ModelProto int8 = OnnxMl.ModelProto.parseFrom(FineTuneCommand.resource(FineTuneCommand.INT8_GRAPH));
            Files.write(dir.resolve("fp32.onnx"), OnnxExport.fp32(fp32, weights).toByteArray());
            Files.write(
                    dir.resolve("int8.onnx"),
                    OnnxExport.quantized(int8, fp32, weights).toByteArray());
            float[][] exported = onnxVectors(dir.resolve("fp32.onnx"));
            float[][] quantized = onnxVectors(dir.resolve("int8.onnx"));
            float[][] original = onnxVectors(FineTuneCommand.FP32_GRAPH);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(cosine(djl[i], exported[i])).as(TEXTS.get(i)).isGreaterThan(0.9999);
                assertThat(cosine(djl[i], quantized[i])).as(TEXTS.get(i)).isGreaterThan(0.98);
                assertThat(cosine(djl[i], original[i])).as("the change shows").isLessThan(0.999);
            }
        }
    }

    private static List<int[]> ids() {
        return TEXTS.stream().map(t -> tokenizer.encode(t, 128)).toList();
    }

    private static float[][] onnxVectors(String resource) {
        return onnxVectors(FineTuneCommand.resource(resource));
    }

    private static float[][] onnxVectors(Path file) throws java.io.IOException {
        return onnxVectors(Files.readAllBytes(file));
    }

    private static float[][] onnxVectors(byte[] graph) {
        EncoderSpec spec = new EncoderSpec(
                "test", FineTuneCommand.FP32_GRAPH, FineTuneCommand.TOKENIZER, EncoderSpec.Pooling.MEAN, 384, "test");
        try (SentenceEncoder encoder = new SentenceEncoder(spec, graph, 1)) {
            return encoder.embed(TEXTS);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
