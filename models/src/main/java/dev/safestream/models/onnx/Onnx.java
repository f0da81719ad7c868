package dev.safestream.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one ONNX Runtime environment of the process, and sessions made from classpath resources or bytes. */
final class Onnx {
    static final OrtEnvironment ENV = environment();

    private Onnx() {}

    /** Self-hosters run this: ONNX Runtime's usage telemetry stays off. */
    private static OrtEnvironment environment() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            env.setTelemetry(false);
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime refused to turn telemetry off", e);
        }
        return env;
    }

    static OrtSession session(byte[] model, int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // Idle ONNX Runtime workers spin by default; on a small server that steals the CPU the socket and
            // pipeline threads need between inferences.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return ENV.createSession(model, options);
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime rejected a model", e);
        }
    }

    /** Copies an [n, width] float output into rows. */
    static float[][] rows(ai.onnxruntime.OnnxTensor tensor, int n, int width) {
        java.nio.FloatBuffer buffer = tensor.getFloatBuffer();
        float[][] out = new float[n][width];
        for (int i = 0; i < n; i++) {
            buffer.get(out[i]);
        }
        return out;
    }

    static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close an ONNX session", e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelLoadException("Model resource not on the classpath: " + name, null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
