package dev.safestream.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.safestream.models.Heads;
import dev.safestream.models.text.WordPieceTokenizer;
import dev.safestream.models.training.DataSets;
import dev.safestream.models.training.Domains;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Real autograd through the whole encoder: every trained parameter moves and the loss falls on a batch it sees. */
class FineTuneStepTest {
    @Test
    void stepsReachEveryParameterAndLowerTheLoss() throws Exception {
        OnnxMl.ModelProto fp32 = OnnxMl.ModelProto.parseFrom(FineTuneCommand.resource(FineTuneCommand.FP32_GRAPH));
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(FineTuneCommand.resource(FineTuneCommand.TOKENIZER)));
        List<TrainingRow> batch = new ArrayList<>();
        String[] texts = {
            "you are a worthless idiot",
            "what a lovely stream today",
            "shut up you moron",
            "thanks for the tips everyone",
            "go back to where you came from",
            "gg well played"
        };
        for (int i = 0; i < texts.length; i++) {
            float[] labels = new float[Heads.ALL.size()];
            Arrays.fill(labels, Float.NaN);
            labels[Heads.index(Heads.TOXIC)] = i % 2 == 0 ? 1f : 0f;
            int[] domain = new int[Heads.ALL.size()];
            Arrays.fill(domain, DataSets.SOURCES.indexOf(DataSets.JIGSAW));
            batch.add(new TrainingRow(tokenizer.encode(texts[i], 32), domain, labels, 1f));
        }
        assertThat(Domains.COUNT).isEqualTo(DataSets.SOURCES.size());

        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(7);
        try (NDManager manager = engine.newBaseManager()) {
            MiniLm model = new MiniLm(OnnxWeights.read(fp32.getGraph()), manager, 0f);
            TaskHeads heads = new TaskHeads(manager);
            Map<String, float[]> before = snapshot(model.parameters());
            FineTune fineTune =
                    new FineTune(model, heads, manager, new FineTune.Settings(1, 6, 1e-4f, 1e-2f, 0f, 0.01f, 7, 1000));
            AdamW encoder = new AdamW(manager, 0.01f);
            AdamW head = new AdamW(manager, 0f);
            float first = fineTune.step(batch, encoder, head, 1f);
            float last = first;
            for (int i = 0; i < 8; i++) {
                last = fineTune.step(batch, encoder, head, 1f);
            }
            assertThat(last).isLessThan(first * 0.8f);
            Map<String, float[]> after = snapshot(model.parameters());
            assertThat(after.keySet())
                    .filteredOn(name -> Arrays.equals(before.get(name), after.get(name)))
                    .as("parameters that never received a gradient")
                    .isEmpty();
            assertThat(after).hasSize(2 + MiniLm.LAYERS * 16);

            // a long run holds only the weights and the optimisers' moments: nothing a step creates may stay behind
            int held = manager.getManagedArrays().size();
            fineTune.step(batch, encoder, head, 1f);
            fineTune.step(batch, encoder, head, 1f);
            assertThat(manager.getManagedArrays())
                    .as("arrays left by two more steps")
                    .hasSize(held);
        }
    }

    @Test
    void aNonFiniteGradientIsSkippedAndClearedSoTheNextStepLearns() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            Map<String, NDArray> params = Map.of("w.weight", w);
            AdamW optimizer = new AdamW(manager, 0f);
            try (ai.djl.training.GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(w.mul(Float.NaN).sum());
            }
            assertThat(optimizer.step(params, 0.1f, 1f)).isFalse();
            assertThat(w.toFloatArray()).containsExactly(1f, 2f);
            try (ai.djl.training.GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(w.sum());
            }
            assertThat(optimizer.step(params, 0.1f, 1f)).isTrue();
            for (float v : w.toFloatArray()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            assertThat(w.toFloatArray()[0]).isLessThan(1f);
        }
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((name, p) -> out.put(name, p.toFloatArray()));
        return out;
    }

    @Test
    void batchesGroupSimilarLengthsAndKeepEveryRow() {
        List<TrainingRow> rows = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            rows.add(new TrainingRow(new int[1 + random.nextInt(60)], new int[6], new float[6], 1f));
        }
        List<List<TrainingRow>> batches = FineTune.batches(rows, 10, new Random(3));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(1000);
        double padding = batches.stream()
                .mapToDouble(b -> b.stream().mapToInt(r -> r.ids().length).max().orElse(0) * b.size()
                        - b.stream().mapToInt(r -> r.ids().length).sum())
                .sum();
        assertThat(padding / 1000).as("padding tokens per row").isLessThan(3);
        assertThat(FineTune.batches(rows, 10, new Random(3)).get(0)).isEqualTo(batches.get(0));
    }
}
