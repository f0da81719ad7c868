package dev.safestream.tools.loadtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code loadtest --processes N}: N - 1 child processes of this same jar, each holding a share of the viewers, so that
 * reading a hundred thousand frames a second is not limited by one JVM's selector threads. The parent keeps the
 * senders and its own share, and steers the children over their standard input and output, a line each:
 *
 * <pre>
 * child → parent   READY &lt;connected&gt;           after connecting its viewers
 * parent → child   SENT &lt;messages&gt;             after the send window: drain until each viewer has them
 * child → parent   RESULT &lt;json&gt;               its counters, CPU and latency histogram (HdrHistogram, base64)
 * parent → child   LEAVE                           close every connection and exit
 * </pre>
 *
 * Latencies stay comparable across processes: every client stamps and reads {@code System.nanoTime()}, which on Linux
 * is the system-wide monotonic clock.
 */
final class LoadWorkers implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One child's results. */
    record Result(
            int connected,
            long failed,
            long deliveries,
            long frames,
            long otherChats,
            long errors,
            long transportErrors,
            long missing,
            long lastDeliveryNanos,
            long cpuMs,
            Map<Integer, Long> closes,
            Map<String, Long> failures,
            Histogram latency) {}

    private final List<Child> children = new ArrayList<>();

    private record Child(Process process, BufferedReader out, PrintWriter in) {}

    private LoadWorkers() {}

    static LoadWorkers none() {
        return new LoadWorkers();
    }

    /** Starts a child per viewer share; each connects at once. */
    static LoadWorkers start(List<String> childArguments, int children) {
        LoadWorkers workers = new LoadWorkers();
        for (int i = 0; i < children; i++) {
            List<String> command = new ArrayList<>(javaCommand());
            command.addAll(childArguments);
            command.add("--worker-index");
            command.add(Integer.toString(i + 1));
            try {
                Process p = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                workers.children.add(new Child(
                        p,
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                        new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                workers.close();
                throw new UncheckedIOException("could not start a load-test child process", e);
            }
        }
        return workers;
    }

    /** How many viewers the children connected in all; waits for every READY. */
    int awaitReady() throws IOException {
        int connected = 0;
        for (Child c : children) {
            String line = expect(c, "READY ");
            connected += Integer.parseInt(line.trim());
        }
        return connected;
    }

    void sent(long messages) {
        children.forEach(c -> c.in().println("SENT " + messages));
    }

    List<Result> results() throws IOException {
        List<Result> out = new ArrayList<>();
        for (Child c : children) {
            out.add(parse(JSON.readTree(expect(c, "RESULT "))));
        }
        return out;
    }

    private static String expect(Child c, String prefix) throws IOException {
        String line;
        while ((line = c.out().readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IOException(
                "a load-test child process ended early (exit " + c.process().exitValue() + ")");
    }

    /** What a child prints as its RESULT line. */
    static String resultLine(Result r) {
        var m = JSON.createObjectNode()
                .put("connected", r.connected())
                .put("failed", r.failed())
                .put("deliveries", r.deliveries())
                .put("frames", r.frames())
                .put("other_chats", r.otherChats())
                .put("errors", r.errors())
                .put("transport_errors", r.transportErrors())
                .put("missing", r.missing())
                .put("last_delivery_nanos", r.lastDeliveryNanos())
                .put("cpu_ms", r.cpuMs());
        m.set("closes", JSON.valueToTree(r.closes()));
        m.set("failures", JSON.valueToTree(r.failures()));
        ByteBuffer histogram = ByteBuffer.allocate(r.latency().getNeededByteBufferCapacity());
        int n = r.latency().encodeIntoCompressedByteBuffer(histogram);
        m.put("latency", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(histogram.array(), n)));
        return "RESULT " + m;
    }

    private static Result parse(JsonNode j) throws IOException {
        Histogram latency;
        try {
            latency = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(j.path("latency").asText())), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException("bad latency histogram from a child", e);
        }
        return new Result(
                j.path("connected").asInt(),
                j.path("failed").asLong(),
                j.path("deliveries").asLong(),
                j.path("frames").asLong(),
                j.path("other_chats").asLong(),
                j.path("errors").asLong(),
                j.path("transport_errors").asLong(),
                j.path("missing").asLong(),
                j.path("last_delivery_nanos").asLong(),
                j.path("cpu_ms").asLong(),
                JSON.convertValue(j.path("closes"), new TypeReference<Map<Integer, Long>>() {}),
                JSON.convertValue(j.path("failures"), new TypeReference<Map<String, Long>>() {}),
                latency);
    }

    /** The java binary running this process and the jar it runs from. */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path jar = Path.of(LoadWorkers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return List.of(java, "-Xmx1g", "-cp", jar.toString(), "dev.safestream.tools.ToolsMain", "loadtest");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks every child to leave and waits for it to exit (ten seconds, then it is killed). */
    @Override
    public void close() {
        for (Child c : children) {
            c.in().println("LEAVE");
        }
        for (Child c : children) {
            try {
                if (!c.process().waitFor(10, TimeUnit.SECONDS)) {
                    c.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process().destroyForcibly();
            }
        }
    }
}
