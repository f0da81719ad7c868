package dev.safestream.finetune;

/** A float tensor in row-major order, as ONNX stores it. */
record Tensor(long[] shape, float[] data) {
    int rows() {
        return (int) shape[0];
    }

    int columns() {
        return shape.length < 2 ? 1 : (int) shape[1];
    }
}
