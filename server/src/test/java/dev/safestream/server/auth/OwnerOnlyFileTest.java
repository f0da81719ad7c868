package dev.safestream.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("secret");
        OwnerOnlyFile.create(file, "s3cret");
        assertThat(file).content().isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void leavesAnExistingFileAlone() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, "theirs");
        assertThatThrownBy(() -> OwnerOnlyFile.create(file, "mine")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file).content().isEqualTo("theirs");
    }
}
