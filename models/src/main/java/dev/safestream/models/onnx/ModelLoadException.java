package dev.safestream.models.onnx;

/** A model artifact is missing, corrupt or incompatible with this ONNX Runtime. */
public final class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
