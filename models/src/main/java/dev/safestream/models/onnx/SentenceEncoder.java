package dev.safestream.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.safestream.models.text.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into unit-length sentence vectors with a pretrained transformer encoder run by ONNX Runtime. One
 * session per process; {@link #embed} may be called from several threads (ONNX Runtime sessions are thread-safe).
 */
public final class SentenceEncoder implements AutoCloseable {
    /** Chat messages are short; 128 word pieces cover all but pasted essays, whose tail adds little. */
    public static final int MAX_TOKENS = 128;

    private final EncoderSpec spec;
    private final WordPieceTokenizer tokenizer;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final String fingerprint;

    public SentenceEncoder(EncoderSpec spec, int threads) {
        this(spec, Onnx.resource(spec.modelResource()), threads);
    }

    /** An encoder running {@code graph} (for instance a freshly fine-tuned one) instead of the spec's resource. */
    public SentenceEncoder(EncoderSpec spec, byte[] graph, int threads) {
        this.spec = spec;
        this.tokenizer =
                WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(Onnx.resource(spec.tokenizerResource())));
        this.session = Onnx.session(graph, threads);
        this.fingerprint = fingerprint(graph);
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    public EncoderSpec spec() {
        return spec;
    }

    /** Spec name plus a digest of the graph: two fine-tunings of one spec give different vectors, so caches differ. */
    public String fingerprint() {
        return fingerprint;
    }

    private String fingerprint(byte[] graph) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(graph);
            return spec.name() + "-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row of {@code spec().dimension()} floats per text, L2-normalised. */
    public float[][] embed(List<String> texts) {
        int batch = texts.size();
        int[][] ids = new int[batch][];
        int width = 1;
        for (int i = 0; i < batch; i++) {
            ids[i] = tokenizer.encode(texts.get(i), MAX_TOKENS);
            width = Math.max(width, ids[i].length);
        }
        long[] inputIds = new long[batch * width];
        long[] mask = new long[batch * width];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < ids[i].length; j++) {
                inputIds[i * width + j] = ids[i][j];
                mask[i * width + j] = 1;
            }
        }
        long[] shape = {batch, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(Onnx.ENV, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(Onnx.ENV, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(Onnx.ENV, LongBuffer.wrap(new long[batch * width]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return pool(states, ids, width);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Encoder inference failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[][] pool(FloatBuffer states, int[][] ids, int width) {
        int dim = spec.dimension();
        float[][] out = new float[ids.length][dim];
        for (int i = 0; i < ids.length; i++) {
            int tokens = spec.pooling() == EncoderSpec.Pooling.CLS ? 1 : ids[i].length;
            for (int t = 0; t < tokens; t++) {
                int base = (i * width + t) * dim;
                for (int d = 0; d < dim; d++) {
                    out[i][d] += states.get(base + d);
                }
            }
            normalise(out[i]);
        }
        return out;
    }

    private static void normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(Math.max(sum, 1e-12));
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
    }

    @Override
    public void close() {
        Onnx.close(session);
    }
}
