package dev.safestream.finetune;

import ai.onnx.proto.OnnxMl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The float weights of a BERT-style ONNX graph (the Hugging Face / optimum export of all-MiniLM-L6-v2), under the
 * Hugging Face parameter names. The exporter names MatMul weights {@code onnx::MatMul_787}; the MatMul node's own name
 * ({@code /encoder/layer.0/attention/self/query/MatMul}) says which parameter it is, so that is the name used here
 * ({@code encoder.layer.0.attention.self.query.weight}), kept in ONNX's {@code [in, out]} layout.
 */
final class OnnxWeights {
    private OnnxWeights() {}

    /** Parameter name → tensor, for every float initializer of {@code graph}. */
    static Map<String, Tensor> read(OnnxMl.GraphProto graph) {
        Map<String, String> names = parameterNames(graph);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            if (t.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
                out.put(names.getOrDefault(t.getName(), t.getName()), new Tensor(shape(t), floats(t)));
            }
        }
        return out;
    }

    /** Initializer name → parameter name, for the MatMul weights whose initializer names say nothing. */
    static Map<String, String> parameterNames(OnnxMl.GraphProto graph) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("MatMul") && node.getName().endsWith("/MatMul") && node.getInputCount() == 2) {
                String module = node.getName().substring(1, node.getName().length() - "/MatMul".length());
                out.put(node.getInput(1), module.replace('/', '.') + ".weight");
            }
        }
        return out;
    }

    static long[] shape(OnnxMl.TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    static float[] floats(OnnxMl.TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[raw.remaining() / Float.BYTES];
            raw.asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }
}
