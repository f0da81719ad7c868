package dev.safestream.tools.loadtest;

import dev.safestream.protocol.ProtocolJson;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loadtest}: many WebSocket clients against a running server (SafeStream, or the Node peer in
 * {@code benchmarks/node-ws-peer} with {@code --no-auth}); measures delivery, throughput and end-to-end latency.
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {
            "Connect many chat clients to a running server, post messages at a fixed total rate, and measure how many"
                    + " reach every client and how fast.",
            "",
            "Viewers take guest tokens (POST /auth/guest); senders register accounts lt_s<run-id>_<i> (or log in"
                    + " when the name exists) and receive like everyone else. Every client connects to"
                    + " <url>/ws/<user>?token=...&channel=...; senders post \"lt <sender> <seq> <nanoTime>\", and each"
                    + " receiver times the message against that stamp (all clients share this JVM's clock).",
            "",
            "Start the server for load tests with at least:",
            "  serve --rate-limit 0 --guest-tokens-per-minute 0 --max-connections-per-address 0",
            "        --registrations-per-hour 0 --max-connections <more than viewers + senders>",
            "--rate-limit 0 lifts the per-user chat limit (default 5 msg/s, burst 10; otherwise use enough senders"
                    + " that --rate / --senders stays below it); --guest-tokens-per-minute 0 lifts the per-address"
                    + " guest-token limit (default 30/min), which otherwise refuses all but the first viewers with"
                    + " HTTP 429; all clients come from one address, which may hold 100 connections by default"
                    + " (4010 beyond); --max-connections defaults to 1000 and closes further clients with 1013."
                    + " Thousands of clients also need 'ulimit -n' above their count on both sides.",
            "",
            "Expected deliveries = messages sent × clients connected when sending started; delivery ratio ="
                    + " deliveries / expected. Closes with 4008 are clients the server dropped as too slow.",
            ""
        })
public final class LoadTestCommand implements Callable<Integer> {
    @Option(
            names = "--text",
            description = "File of chat lines (UTF-8, one per line) appended to the stamped messages in turn, so the"
                    + " moderation model scores realistic text.")
    java.nio.file.Path texts;

    @Option(names = "--url", defaultValue = "ws://127.0.0.1:8000", description = "Server root (ws:// or wss://).")
    URI url;

    @Option(
            names = "--viewer-urls",
            split = ",",
            description = "Cluster nodes (ws:// roots, comma-separated) the viewers connect to in turn; default: --url."
                    + " Senders and sign-ups always use --url.")
    List<URI> viewerUrls;

    @Option(names = "--viewers", defaultValue = "100", description = "Clients that only receive.")
    int viewers;

    @Option(names = "--senders", defaultValue = "1", description = "Clients that post (and receive).")
    int senders;

    @Option(
            names = "--rate",
            defaultValue = "10",
            description = "Messages per second offered in total, spread evenly over the senders.")
    double rate;

    @Option(names = "--duration", defaultValue = "30", description = "Seconds to send for.")
    double duration;

    @Option(
            names = "--batch",
            description = "Connect with batch=1: the server may send several events as one JSON array frame.")
    boolean batch;

    @Option(names = "--json", description = "Print one JSON object with the results (progress still goes to stderr).")
    boolean json;

    @Option(
            names = "--no-auth",
            description = "Skip the HTTP calls: token 'x', names v<i> and s<i> (for the Node ws peer).")
    boolean noAuth;

    @Option(names = "--channel", defaultValue = "main", description = "Channel every client joins.")
    String channel;

    @Option(
            names = "--ramp-secs",
            defaultValue = "0",
            description =
                    "Spread connection starts evenly over this many seconds; 0 = as fast as --max-in-flight allows.")
    double rampSecs;

    @Option(
            names = "--max-in-flight",
            defaultValue = "200",
            description = "Connection attempts (token, handshake, welcome) running at once.")
    int maxInFlight;

    @Option(
            names = "--connect-timeout-secs",
            defaultValue = "30",
            description = "Per HTTP call and handshake; a client not welcomed within twice this counts as failed.")
    long connectTimeoutSecs;

    @Option(
            names = "--drain-secs",
            defaultValue = "15",
            description = "Longest wait for outstanding deliveries after the last send.")
    double drainSecs;

    @Option(
            names = "--server-pid",
            defaultValue = "0",
            description = "Linux: also measure this process's CPU time (from the first send to the end of the drain)"
                    + " and RSS, via /proc; the server must run on this machine.")
    long serverPid;

    @Option(
            names = "--http-clients",
            defaultValue = "1",
            description = "JDK HttpClients to spread connections over. Each reads its sockets and runs their listeners"
                    + " on one selector thread, so one client uses at most one core (about 100k deliveries/s).")
    int httpClients;

    @Option(
            names = "--run-id",
            description = "Part of the sender account names lt_s<run-id>_<i>; default: random. Reuse one to log in"
                    + " to the accounts of an earlier run instead of registering new ones.")
    String runId;

    @Option(
            names = "--processes",
            defaultValue = "1",
            description = "Processes to spread the viewers over (this one keeps the senders); on a small machine one"
                    + " JVM's selector threads cap how many frames a second the tool can read. CPU is reported for"
                    + " all of them together.")
    int processes;

    /** Set by a parent for the child processes it starts; not for people. */
    @Option(names = "--worker-index", hidden = true, defaultValue = "0")
    int workerIndex;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public LoadTestCommand() {}

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        validate();
        String id = runId != null
                ? runId
                : Long.toString(
                        ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36),
                        36);
        LoadRun.Settings settings = new LoadRun.Settings(
                url,
                viewers,
                senders,
                rate,
                duration,
                batch,
                !noAuth,
                channel,
                rampSecs,
                maxInFlight,
                Duration.ofSeconds(connectTimeoutSecs),
                drainSecs,
                serverPid,
                httpClients,
                id,
                texts == null ? List.of() : readTexts(texts),
                processes,
                workerIndex,
                viewerUrls == null ? List.of() : viewerUrls);
        if (workerIndex > 0) {
            new LoadRun(settings, System.err)
                    .runAsWorker(
                            new java.io.BufferedReader(
                                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                            System.out);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        LoadReport report = new LoadRun(settings, System.err).run();
        if (json) {
            out.println(new ProtocolJson().mapper().writeValueAsString(report.toMap()));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return report.connected() == 0 ? 1 : 0;
    }

    private void validate() {
        require(url.getScheme() != null && url.getScheme().matches("wss?"), "--url must start with ws:// or wss://");
        require(
                viewers >= 0 && senders >= 0 && viewers + senders > 0,
                "--viewers and --senders must not be negative" + " and at least one client is needed");
        require(rate >= 0, "--rate must not be negative");
        require(duration > 0, "--duration must be positive");
        require(rampSecs >= 0, "--ramp-secs must not be negative");
        require(maxInFlight > 0, "--max-in-flight must be positive");
        require(connectTimeoutSecs > 0, "--connect-timeout-secs must be positive");
        require(drainSecs >= 0, "--drain-secs must not be negative");
        require(httpClients > 0, "--http-clients must be positive");
        require(processes >= 1 && processes <= 64, "--processes must be between 1 and 64");
        require(runId == null || runId.matches("[A-Za-z0-9]{1,20}"), "--run-id must be 1 to 20 letters or digits");
        require(channel.matches("[a-z0-9_-]{1,32}"), "--channel must be 1 to 32 of a-z, 0-9, '_' and '-'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static List<String> readTexts(java.nio.file.Path file) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }
}
