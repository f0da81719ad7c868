package dev.safestream.models.training;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the trained linear models as ONNX graphs (opset 17), so serving runs them in ONNX Runtime like the encoder.
 *
 * <ul>
 *   <li>Fast model: {@code indices} int64 [N, L] and {@code values} float [N, L] (a padded sparse batch; padding is
 *       index 0 with value 0) → {@code logits} and {@code probabilities} float [N, K], via Gather · Mul · ReduceSum.
 *   <li>Encoder head: {@code embedding} float [N, E] and {@code fast_logits} float [N, K] → {@code probabilities}: a
 *       stacked logistic model over the sentence vector and the fast model's calibrated logits.
 * </ul>
 */
final class OnnxGraphs {
    private static final int OPSET = 17;
    private static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    private static final int INT64 = TensorProto.DataType.INT64.getNumber();

    private OnnxGraphs() {}

    /** @param weights [buckets][heads] */
    static byte[] fastModel(float[][] weights, float[] bias) {
        int heads = bias.length;
        GraphProto graph = GraphProto.newBuilder()
                .setName("safestream_fast")
                .addInput(valueInfo("indices", INT64, "N", "L"))
                .addInput(valueInfo("values", FLOAT, "N", "L"))
                .addOutput(valueInfo("logits", FLOAT, "N", heads))
                .addOutput(valueInfo("probabilities", FLOAT, "N", heads))
                .addInitializer(floats("W", weights))
                .addInitializer(floats("bias", new float[][] {bias}, heads))
                .addInitializer(longs("axis2", 2))
                .addInitializer(longs("axis1", 1))
                .addNode(node("Gather", "gathered", "W", "indices"))
                .addNode(node("Unsqueeze", "values3", "values", "axis2"))
                .addNode(node("Mul", "weighted", "gathered", "values3"))
                .addNode(node("ReduceSum", "summed", "weighted", "axis1").toBuilder()
                        .addAttribute(intAttribute("keepdims", 0)))
                .addNode(node("Add", "logits", "summed", "bias"))
                .addNode(node("Sigmoid", "probabilities", "logits"))
                .build();
        return model(graph);
    }

    /** @param weights [dimension][heads], already scaled by the stacker; alpha and bias per head */
    static byte[] encoderHead(float[][] weights, float[] alpha, float[] bias) {
        int heads = bias.length;
        int dimension = weights.length;
        GraphProto graph = GraphProto.newBuilder()
                .setName("safestream_encoder_head")
                .addInput(valueInfo("embedding", FLOAT, "N", dimension))
                .addInput(valueInfo("fast_logits", FLOAT, "N", heads))
                .addOutput(valueInfo("logits", FLOAT, "N", heads))
                .addOutput(valueInfo("probabilities", FLOAT, "N", heads))
                .addInitializer(floats("W", weights))
                .addInitializer(floats("alpha", new float[][] {alpha}, heads))
                .addInitializer(floats("bias", new float[][] {bias}, heads))
                .addNode(node("MatMul", "projected", "embedding", "W"))
                .addNode(node("Mul", "fast_part", "fast_logits", "alpha"))
                .addNode(node("Add", "combined", "projected", "fast_part"))
                .addNode(node("Add", "logits", "combined", "bias"))
                .addNode(node("Sigmoid", "probabilities", "logits"))
                .build();
        return model(graph);
    }

    private static byte[] model(GraphProto graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("safestream-train")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(OPSET))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder b =
                NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String input : inputs) {
            b.addInput(input);
        }
        return b.build();
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    private static ValueInfoProto valueInfo(String name, int type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof String param) {
                d.setDimParam(param);
            } else {
                d.setDimValue(((Number) dim).longValue());
            }
            shape.addDim(d);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(
                                TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape)))
                .build();
    }

    /** A 2-D float tensor, or 1-D of the given length when {@code vectorLength} is set and there is one row. */
    private static TensorProto floats(String name, float[][] rows, int... vectorLength) {
        int cols = rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        buffer.flip();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        if (vectorLength.length == 1) {
            t.addDims(vectorLength[0]);
        } else {
            t.addDims(rows.length).addDims(cols);
        }
        return t.setRawData(ByteString.copyFrom(buffer)).build();
    }

    private static TensorProto longs(String name, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        buffer.flip();
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(INT64)
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(buffer))
                .build();
    }
}
