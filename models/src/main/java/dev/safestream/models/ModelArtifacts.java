package dev.safestream.models;

import dev.safestream.models.onnx.EncoderSpec;
import dev.safestream.models.onnx.SentenceEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a model set's files come from: the shipped ones on the classpath, or a folder written by {@code train}. */
public interface ModelArtifacts {
    String CLASSPATH_PREFIX = "dev/safestream/models/";

    byte[] read(String file);

    String describe();

    /**
     * The sentence encoder {@code spec} names: this set's own graph ({@link EncoderSpec#MODEL_SET_GRAPH}) for an
     * encoder that belongs to the set, otherwise the graph on the classpath.
     */
    default SentenceEncoder encoder(EncoderSpec spec, int threads) {
        return spec.inModelSet()
                ? new SentenceEncoder(spec, read(spec.modelResource()), threads)
                : new SentenceEncoder(spec, threads);
    }

    static ModelArtifacts shipped() {
        return new ModelArtifacts() {
            @Override
            public byte[] read(String file) {
                try (InputStream in =
                        ModelArtifacts.class.getClassLoader().getResourceAsStream(CLASSPATH_PREFIX + file)) {
                    if (in == null) {
                        throw new IllegalStateException("Shipped model file missing from the classpath: " + file);
                    }
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return "shipped models";
            }
        };
    }

    static ModelArtifacts directory(Path dir) {
        return new ModelArtifacts() {
            @Override
            public byte[] read(String file) {
                try {
                    return Files.readAllBytes(dir.resolve(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read model file " + dir.resolve(file), e);
                }
            }

            @Override
            public String describe() {
                return "models in " + dir;
            }
        };
    }
}
