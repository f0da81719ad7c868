package dev.safestream.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test: Debian's binaries ({@code /usr/lib/postgresql/N/bin}, which {@code
 * .ci/run} installs), a fresh cluster in a temporary directory, listening on a free loopback port with trust
 * authentication, stopped and deleted on {@link #close}. PostgreSQL refuses to run as root, so under root (CI) it
 * runs as the {@code postgres} user that Debian's package creates.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "safestream";

    private final Path bin;
    private final boolean root;
    private final Path data;
    private final Path dir;
    private final int port;

    private LocalPostgres(Path bin, boolean root, Path data, Path dir, int port) {
        this.bin = bin;
        this.root = root;
        this.data = data;
        this.dir = dir;
        this.port = port;
    }

    public static LocalPostgres start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("safestream-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            run(asPostgres(
                    root,
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-locale"));
            int port = freePort();
            run(asPostgres(
                    root,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    dir.resolve("postgres.log").toString(),
                    "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "-w",
                    "-t",
                    "30",
                    "start"));
            LocalPostgres pg = new LocalPostgres(bin, root, data, dir, port);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JDBC URL of the cluster's default database; user {@link #USER}, no password. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        try {
            run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
        } catch (IOException | RuntimeException e) {
            // already stopped; the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install postgresql"
                            + " (.ci/run does)",
                    e);
        }
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
