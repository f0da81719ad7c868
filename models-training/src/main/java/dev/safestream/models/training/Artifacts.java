package dev.safestream.models.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.safestream.models.ModelManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes model files into the output folder. */
final class Artifacts {
    private Artifacts() {}

    static void write(Path dir, String file, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(file), e);
        }
    }

    static void writeManifest(Path dir, ModelManifest manifest) {
        try {
            byte[] json = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(manifest);
            write(dir, ModelManifest.FILE, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
