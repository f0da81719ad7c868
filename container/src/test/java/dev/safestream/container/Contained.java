package dev.safestream.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started from an unpacked image the way an engine starts a container: the image's entrypoint with the
 * given command, its environment (plus {@code extraEnv}) and user, in new mount and PID namespaces with /proc, /dev
 * and /etc/hosts mounted and the root changed. stdout and stderr are collected together.
 */
final class Contained implements AutoCloseable {
    // $0 root, $1 user:group, then the command; --kill-child ends the entrypoint if the test dies first
    private static final String ENTER = "r=$0; u=$1; shift; mount -t proc proc \"$r/proc\""
            + " && mount --rbind /dev \"$r/dev\" && mount --bind /etc/hosts \"$r/etc/hosts\""
            + " && exec chroot --userspec=\"$u\" \"$r\" \"$@\"";

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Contained(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(() -> read(process.getInputStream()));
    }

    /** The image's entrypoint with {@code command} as its arguments (what `docker run IMAGE command` runs). */
    static Contained start(Path root, JsonNode config, List<String> command, Map<String, String> extraEnv)
            throws IOException {
        List<String> argv = new ArrayList<>();
        config.path("Entrypoint").forEach(n -> argv.add(n.asText()));
        argv.addAll(command);
        return exec(root, config, argv, extraEnv);
    }

    /** Any program of the image, with the image's user and environment (what `docker exec` runs). */
    static Contained exec(Path root, JsonNode config, List<String> program, Map<String, String> extraEnv)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child=SIGTERM",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                ENTER,
                root.toString(),
                config.path("User").asText()));
        argv.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        config.path("Env").forEach(n -> {
            String[] pair = n.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        env.putAll(extraEnv);
        return new Contained(builder.start());
    }

    String output() {
        return output.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process and for all it wrote; -1 when it is still running after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    /**
     * SIGTERM to the entrypoint (PID 1 of its namespace, unshare's child), as `docker stop` sends; its exit code,
     * which unshare passes on.
     */
    int terminate(Duration timeout) throws InterruptedException {
        process.children().forEach(ProcessHandle::destroy);
        return awaitExit(timeout);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void read(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
                output.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
