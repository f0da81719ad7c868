package dev.safestream.installers;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A packaged launcher running as a real process, its standard output and error collected line by line. */
final class Launched implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean reading = true;

    private Launched(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("output of " + process.pid()).start(this::collect);
    }

    static Launched start(List<String> command, Map<String, String> env, Path workDir) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new Launched(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Runs a command to its end with {@code input} on its standard input. */
    static Finished run(List<String> command, Map<String, String> env, Path workDir, String input) {
        try (Launched launched = start(command, env, workDir)) {
            try (Writer stdin = launched.process.outputWriter(StandardCharsets.UTF_8)) {
                stdin.write(input);
            }
            if (!launched.process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError(command + " did not finish in 120 s; output:\n" + launched.output());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !launched.readerAlive());
            return new Finished(launched.process.exitValue(), launched.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Finished(int exitCode, String output) {}

    /** Runs a command that must succeed and returns its output; fails the test with the output otherwise. */
    static String succeed(Path workDir, String... command) {
        Finished done = run(List.of(command), Map.of(), workDir, "");
        if (done.exitCode() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " exited with " + done.exitCode() + ":\n" + done.output());
        }
        return done.output();
    }

    /** Waits for a line matching {@code pattern} and returns its match. */
    Matcher awaitLine(Pattern pattern, Duration atMost) {
        await().atMost(atMost)
                .alias("a line matching " + pattern + " in:\n" + output())
                .until(() -> lines.stream().anyMatch(l -> pattern.matcher(l).find()) || !process.isAlive());
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("Process ended (exit " + process.exitValue() + ") before printing " + pattern
                + "; output:\n" + output());
    }

    /**
     * Sends SIGTERM, as systemd or a desktop session does, and returns the exit code. Through the process handle:
     * {@link Process#destroy()} would also close our ends of the pipes, losing what the process prints on its way
     * out.
     */
    int terminate(Duration atMost) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Still running " + atMost + " after SIGTERM; output:\n" + output());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !readerAlive());
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }

    private boolean readerAlive() {
        return reading;
    }

    private void collect() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process is gone
        } finally {
            reading = false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
