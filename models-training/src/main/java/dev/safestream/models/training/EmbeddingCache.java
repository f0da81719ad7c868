package dev.safestream.models.training;

import dev.safestream.models.onnx.SentenceEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds texts with an encoder, remembering every vector in a file per encoder so that re-running training (new
 * seeds, heads, feedback labels) does not pay for the encoder again. The cache is a build output, never committed.
 */
final class EmbeddingCache {
    private static final int BATCH = 32;

    private final SentenceEncoder encoder;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    EmbeddingCache(SentenceEncoder encoder, Path dir) {
        this.encoder = encoder;
        this.file = dir.resolve(encoder.fingerprint() + ".bin");
        read();
    }

    /** Vectors for the given (already normalised) texts; returns the seconds spent in the encoder. */
    float[][] embed(List<String> texts, double[] encoderSeconds) {
        List<String> missing =
                texts.stream().distinct().filter(t -> !vectors.containsKey(t)).toList();
        long start = System.nanoTime();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            float[][] out = encoder.embed(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), out[i]);
            }
            if ((from / BATCH) % 100 == 0) {
                System.err.printf("  %s: embedded %d / %d%n", encoder.spec().name(), from, missing.size());
            }
        }
        encoderSeconds[0] = (System.nanoTime() - start) / 1e9;
        if (!missing.isEmpty()) {
            write();
        }
        float[][] result = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            result[i] = vectors.get(texts.get(i));
        }
        return result;
    }

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String text;
                try {
                    text = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(text, v);
            }
        } catch (IOException e) {
            vectors.clear(); // a damaged cache is rebuilt
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                for (Map.Entry<String, float[]> e : new ArrayList<>(vectors.entrySet())) {
                    if (e.getKey().length() > 20_000) {
                        continue; // writeUTF's limit; such texts are simply re-embedded
                    }
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write embedding cache " + file, e);
        }
    }
}
