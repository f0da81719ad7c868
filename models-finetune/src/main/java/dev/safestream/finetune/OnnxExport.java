package dev.safestream.finetune;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Writes fine-tuned weights back into the graphs they came from, so the server keeps running the very graph it ran
 * before (same inputs, outputs and operators), only with new numbers.
 *
 * <p>{@link #quantized} fills the int8 graph (Xenova's dynamic-quantisation export of the same model): each changed
 * MatMul weight is re-quantised per output column with the original's scheme (symmetric when its zero points are all
 * 0), and float initializers (biases, LayerNorm) are replaced as they are. Weights the fine-tuning did not touch (the
 * token embeddings) keep their original bytes.
 */
final class OnnxExport {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();
    private static final int INT8 = OnnxMl.TensorProto.DataType.INT8.getNumber();
    private static final String QUANTIZED = "_quantized";

    private OnnxExport() {}

    /** The fp32 graph with {@code params} (Hugging Face names) in place of its initializers. */
    static OnnxMl.ModelProto fp32(OnnxMl.ModelProto original, Map<String, float[]> params) {
        Map<String, String> names = OnnxWeights.parameterNames(original.getGraph());
        OnnxMl.GraphProto.Builder graph = original.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            OnnxMl.TensorProto t = graph.getInitializer(i);
            float[] value = params.get(names.getOrDefault(t.getName(), t.getName()));
            if (value != null && t.getDataType() == FLOAT) {
                graph.setInitializer(i, withFloats(t, value));
            }
        }
        return original.toBuilder().setGraph(graph).build();
    }

    /**
     * The int8 graph with {@code params} in place. {@code fp32} supplies the initializer-to-parameter names (the int8
     * export keeps the fp32 graph's initializer names, plus {@code _quantized}, {@code _scale} and {@code _zero_point}).
     */
    static OnnxMl.ModelProto quantized(OnnxMl.ModelProto int8, OnnxMl.ModelProto fp32, Map<String, float[]> params) {
        Map<String, String> names = OnnxWeights.parameterNames(fp32.getGraph());
        OnnxMl.GraphProto.Builder graph = int8.getGraph().toBuilder();
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            index.put(graph.getInitializer(i).getName(), i);
        }
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            OnnxMl.TensorProto t = graph.getInitializer(i);
            String name = t.getName();
            if (t.getDataType() == FLOAT && params.containsKey(names.getOrDefault(name, name))) {
                graph.setInitializer(i, withFloats(t, params.get(names.getOrDefault(name, name))));
            } else if (name.endsWith(QUANTIZED)) {
                String base = name.substring(0, name.length() - QUANTIZED.length());
                float[] value = params.get(names.getOrDefault(base, base));
                if (value != null) {
                    requantize(graph, index, base, value);
                }
            }
        }
        return int8.toBuilder().setGraph(graph).build();
    }

    private static void requantize(
            OnnxMl.GraphProto.Builder graph, Map<String, Integer> index, String base, float[] weight) {
        OnnxMl.TensorProto q = graph.getInitializer(index.get(base + QUANTIZED));
        OnnxMl.TensorProto scale = graph.getInitializer(index.get(base + "_scale"));
        OnnxMl.TensorProto zero = graph.getInitializer(index.get(base + "_zero_point"));
        if (q.getDataType() != INT8 || q.getDimsCount() != 2 || scale.getDimsCount() != 1) {
            throw new IllegalStateException("Only per-column int8 weights are re-quantised; " + base + " is not one");
        }
        int rows = (int) q.getDims(0);
        int cols = (int) q.getDims(1);
        int range = range(q.getRawData());
        boolean symmetric =
                allZero(zero.getRawData()) && zero.getInt32DataList().stream().allMatch(z -> z == 0);
        byte[] quantized = new byte[rows * cols];
        float[] scales = new float[cols];
        byte[] zeros = new byte[cols];
        for (int c = 0; c < cols; c++) {
            float min = 0;
            float max = 0;
            for (int r = 0; r < rows; r++) {
                min = Math.min(min, weight[r * cols + c]);
                max = Math.max(max, weight[r * cols + c]);
            }
            float s;
            int zp;
            if (symmetric) {
                s = Math.max(Math.abs(min), Math.abs(max)) / range;
                zp = 0;
            } else {
                s = (max - min) / 255f;
                zp = Math.round(-128 - min / Math.max(s, 1e-12f));
            }
            s = Math.max(s, 1e-12f);
            scales[c] = s;
            zeros[c] = (byte) Math.max(-128, Math.min(127, zp));
            for (int r = 0; r < rows; r++) {
                int v = Math.round(weight[r * cols + c] / s) + zeros[c];
                quantized[r * cols + c] =
                        (byte) (symmetric ? Math.max(-range, Math.min(range, v)) : Math.max(-128, Math.min(127, v)));
            }
        }
        graph.setInitializer(
                index.get(base + QUANTIZED), q.toBuilder().clearInt32Data().setRawData(ByteString.copyFrom(quantized)));
        graph.setInitializer(index.get(base + "_scale"), withFloats(scale, scales));
        graph.setInitializer(
                index.get(base + "_zero_point"),
                zero.toBuilder().clearInt32Data().setRawData(ByteString.copyFrom(zeros)));
    }

    /**
     * The largest magnitude the original export used: 64, not 127, when it reduced the range so that u8 × s8 products
     * cannot saturate the 16-bit sums of AVX2's integer multiply-add (ONNX Runtime's {@code reduce_range}).
     */
    private static int range(ByteString quantized) {
        int max = 1;
        for (int i = 0; i < quantized.size(); i++) {
            max = Math.max(max, Math.abs(quantized.byteAt(i)));
        }
        return max <= 64 ? 64 : 127;
    }

    private static boolean allZero(ByteString raw) {
        for (int i = 0; i < raw.size(); i++) {
            if (raw.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static OnnxMl.TensorProto withFloats(OnnxMl.TensorProto t, float[] value) {
        ByteBuffer raw = ByteBuffer.allocate(value.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(value);
        return t.toBuilder()
                .clearFloatData()
                .setRawData(ByteString.copyFrom(raw.array()))
                .build();
    }
}
