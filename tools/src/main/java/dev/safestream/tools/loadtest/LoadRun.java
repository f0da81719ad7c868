package dev.safestream.tools.loadtest;

import dev.safestream.protocol.ProtocolJson;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * One load-test run: connect every client (bounded, optionally ramped), send at the offered rate for the duration,
 * wait for the last deliveries, say goodbye, report.
 */
final class LoadRun {
    /** How long to wait for a stalled delivery count before deciding the rest is not coming. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * @param url the server's root, {@code ws://host:port}
     * @param rate messages per second offered in total, spread evenly over the senders
     * @param auth false ({@code --no-auth}): no HTTP, token {@code x}, names {@code v<i>} and {@code s<i>}
     * @param maxInFlight connection attempts (token + handshake + welcome) running at once
     * @param drainSecs longest wait for deliveries after the last send
     * @param serverPid process to sample CPU and RSS of, or 0
     * @param httpClients JDK HttpClients the connections are spread over (each has one selector thread)
     * @param runId part of sender account names, {@code lt_s<runId>_<i>}
     * @param texts chat lines appended to the stamped messages in turn (empty: stamps only)
     * @param processes processes the viewers are spread over ({@link LoadWorkers}); 1 = this one only
     * @param workerIndex 0 in the process the user started; 1.. in the children it starts
     * @param viewerUrls roots the viewers connect to in turn (the nodes of a cluster); empty: {@code url}, like the
     *     senders
     */
    record Settings(
            URI url,
            int viewers,
            int senders,
            double rate,
            double durationSecs,
            boolean batch,
            boolean auth,
            String channel,
            double rampSecs,
            int maxInFlight,
            Duration connectTimeout,
            double drainSecs,
            long serverPid,
            int httpClients,
            String runId,
            List<String> texts,
            int processes,
            int workerIndex,
            List<URI> viewerUrls) {}

    private final Settings settings;
    private final PrintStream log;
    private final AtomicInteger viewerTurn = new AtomicInteger();
    private final LoadStats stats = new LoadStats();

    LoadRun(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    LoadReport run() throws InterruptedException {
        return withClients(this::run);
    }

    /** What runs with the REST client and the WebSocket clients, which {@link #withClients} shuts down after. */
    private interface WithClients<T> {
        T run(HttpClient rest, List<HttpClient> sockets) throws InterruptedException, java.io.IOException;
    }

    private <T> T withClients(WithClients<T> work) throws InterruptedException {
        // REST calls (tokens) complete on a small pool
        ExecutorService pool = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().name("loadtest-http-", 0).daemon(true).factory());
        HttpClient rest = client(pool);
        // WebSocket clients run their listeners on the selector thread itself: handing every received frame to a
        // pool costs more CPU than the frame's own processing (measured: ~16 vs ~10 µs per delivery)
        List<HttpClient> sockets = new ArrayList<>();
        for (int i = 0; i < Math.max(1, settings.httpClients()); i++) {
            sockets.add(client(Runnable::run));
        }
        try {
            return work.run(rest, sockets);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            sockets.forEach(HttpClient::shutdownNow);
            rest.shutdownNow();
            pool.shutdownNow();
        }
    }

    private HttpClient client(Executor executor) {
        return HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    private LoadReport run(HttpClient rest, List<HttpClient> sockets) throws InterruptedException {
        int children = Math.max(1, settings.processes()) - 1;
        int share = settings.viewers() / (children + 1);
        int ownViewers = settings.viewers() - share * children;
        List<LoadClient> clients = new ArrayList<>(ownViewers + settings.senders());
        for (int i = 0; i < settings.senders(); i++) {
            clients.add(new LoadClient("s" + i, i, stats, settings.texts()));
        }
        for (int i = 0; i < ownViewers; i++) {
            clients.add(new LoadClient("v" + i, -1, stats, List.of()));
        }

        long connectStart = System.nanoTime();
        try (LoadWorkers workers =
                children == 0 ? LoadWorkers.none() : LoadWorkers.start(childArguments(share), children)) {
            connectAll(clients, rest, sockets);
            int childConnected = awaitReady(workers);
            return measure(clients, workers, childConnected, connectStart);
        }
    }

    private int awaitReady(LoadWorkers workers) {
        try {
            return workers.awaitReady();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The arguments of a child: a share of the viewers, no senders, the same server and timing. */
    private List<String> childArguments(int viewers) {
        List<String> args = new ArrayList<>(List.of(
                "--url", settings.url().toString(),
                "--viewers", Integer.toString(viewers),
                "--senders", "0",
                "--rate", "0",
                "--duration", Double.toString(settings.durationSecs()),
                "--channel", settings.channel(),
                "--max-in-flight", Integer.toString(settings.maxInFlight()),
                "--connect-timeout-secs",
                        Long.toString(settings.connectTimeout().toSeconds()),
                "--drain-secs", Double.toString(settings.drainSecs()),
                "--http-clients", Integer.toString(settings.httpClients()),
                "--run-id", settings.runId()));
        if (!settings.viewerUrls().isEmpty()) {
            args.add("--viewer-urls");
            args.add(String.join(
                    ",", settings.viewerUrls().stream().map(URI::toString).toList()));
        }
        if (settings.batch()) {
            args.add("--batch");
        }
        if (!settings.auth()) {
            args.add("--no-auth");
        }
        return args;
    }

    private LoadReport measure(List<LoadClient> clients, LoadWorkers workers, int childConnected, long connectStart)
            throws InterruptedException {
        double connectSecs = seconds(System.nanoTime() - connectStart);
        List<LoadClient> connected =
                clients.stream().filter(LoadClient::isWelcomed).toList();
        List<LoadClient> senders =
                connected.stream().filter(LoadClient::isSender).toList();
        log(
                "connected %d of %d clients in %.1f s (%d failed)%s%n",
                connected.size() + childConnected,
                settings.viewers() + settings.senders(),
                connectSecs,
                stats.failureCount(),
                childConnected > 0 ? " over " + settings.processes() + " processes" : "");
        stats.failuresByReason().forEach((reason, n) -> log("  %d × %s%n", n, reason));

        ProcessSampler server = settings.serverPid() > 0 ? new ProcessSampler(settings.serverPid()) : null;
        long serverCpuBefore = server == null ? -1 : server.cpuMillis();
        long toolCpuBefore = ProcessSampler.ownCpuMillis();
        long sendStart = System.nanoTime();
        send(senders);
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + (long) (settings.drainSecs() * 1e9);
        awaitSends(senders, deadline);
        workers.sent(stats.sent.sum());
        long deliveries = awaitDeliveries(connected.size(), deadline);
        List<LoadWorkers.Result> others = results(workers);
        long frames = stats.frames.sum();
        long lastDelivery = stats.lastDeliveryNanos();
        Histogram latency = stats.latencyHistogram();
        long serverCpu = server == null || serverCpuBefore < 0 ? -1 : server.cpuMillis() - serverCpuBefore;
        long serverRss = server == null ? -1 : server.rssKib();
        long toolCpu = ProcessSampler.ownCpuMillis() - toolCpuBefore;

        long sent = stats.sent.sum();
        long missing = connected.stream().filter(c -> c.delivered() < sent).count();
        int receivers = connected.size();
        long otherChats = stats.otherChats.sum();
        long errors = stats.errors.sum();
        long transportErrors = stats.transportErrors.sum();
        long failedCount = stats.failureCount();
        java.util.Map<Integer, Long> closes = new java.util.TreeMap<>(stats.closesByCode());
        java.util.Map<String, Long> failures = new java.util.TreeMap<>(stats.failuresByReason());
        for (LoadWorkers.Result r : others) {
            deliveries += r.deliveries();
            frames += r.frames();
            lastDelivery = Math.max(lastDelivery, r.lastDeliveryNanos());
            latency.add(r.latency());
            toolCpu += r.cpuMs();
            missing += r.missing();
            receivers += r.connected();
            otherChats += r.otherChats();
            errors += r.errors();
            transportErrors += r.transportErrors();
            failedCount += r.failed();
            r.closes().forEach((code, n) -> closes.merge(code, n, Long::sum));
            r.failures().forEach((reason, n) -> failures.merge(reason, n, Long::sum));
        }
        double measureSecs = deliveries == 0 ? 0 : seconds(lastDelivery - sendStart);
        leaveAll(clients);

        return new LoadReport(
                settings.url().toString(),
                settings.batch(),
                settings.auth(),
                settings.viewers(),
                settings.senders(),
                settings.rate(),
                seconds(sendEnd - sendStart),
                receivers,
                failedCount,
                failures,
                connectSecs,
                receivers,
                senders.size(),
                stats.attempted.sum(),
                sent,
                stats.sendFailures.sum(),
                deliveries,
                frames,
                sent * receivers,
                missing,
                otherChats,
                measureSecs,
                latency,
                errors,
                closes,
                transportErrors,
                serverCpu,
                serverRss,
                toolCpu,
                Math.max(1, settings.processes()));
    }

    /** Starts every connection, at most {@code maxInFlight} at once, spread over the ramp; returns when all ended. */
    private void connectAll(List<LoadClient> clients, HttpClient rest, List<HttpClient> sockets)
            throws InterruptedException {
        AuthClient auth =
                new AuthClient(rest, httpRoot(settings.url()), new ProtocolJson().mapper(), settings.connectTimeout());
        int maxInFlight = Math.max(1, settings.maxInFlight());
        Semaphore permits = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        long rampNanos = (long) (settings.rampSecs() * 1e9);
        int step = Math.max(1000, clients.size() / 10);
        for (int i = 0; i < clients.size(); i++) {
            if (rampNanos > 0) {
                long wait = start + rampNanos * i / clients.size() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            permits.acquire();
            LoadClient client = clients.get(i);
            connect(client, auth, sockets.get(i % sockets.size())).whenComplete((ok, error) -> {
                if (error != null) {
                    stats.failed(reason(error));
                    client.abort();
                }
                permits.release();
            });
            if ((i + 1) % step == 0) {
                log("  %d of %d connections started%n", i + 1, clients.size());
            }
        }
        permits.acquire(maxInFlight);
        permits.release(maxInFlight);
    }

    private CompletableFuture<LoadClient> connect(LoadClient client, AuthClient auth, HttpClient http) {
        CompletableFuture<AuthClient.Credentials> credentials;
        if (!settings.auth()) {
            credentials = CompletableFuture.completedFuture(new AuthClient.Credentials(client.name(), "x"));
        } else if (client.isSender()) {
            String username = "lt_s" + settings.runId() + "_" + client.senderIndex();
            credentials = auth.account(username, "loadtest-" + username);
        } else {
            credentials = auth.guest();
        }
        long timeoutMillis = settings.connectTimeout().toMillis();
        return credentials
                .thenCompose(c -> http.newWebSocketBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .buildAsync(webSocketUri(client, c), client))
                .thenCompose(ws -> client.welcomed())
                .orTimeout(timeoutMillis * 2, TimeUnit.MILLISECONDS);
    }

    private URI webSocketUri(LoadClient client, AuthClient.Credentials credentials) {
        URI node = client.isSender() || settings.viewerUrls().isEmpty()
                ? settings.url()
                : settings.viewerUrls()
                        .get(Math.floorMod(
                                viewerTurn.getAndIncrement(),
                                settings.viewerUrls().size()));
        String root = node.toString().replaceAll("/+$", "");
        return URI.create(root + "/ws/" + encode(credentials.username()) + "?token=" + encode(credentials.token())
                + "&channel=" + encode(settings.channel()) + (settings.batch() ? "&batch=1" : ""));
    }

    /** Offers {@code rate} messages/s in total: sender k of n posts every n/rate s, starting k/rate s in. */
    private void send(List<LoadClient> senders) throws InterruptedException {
        long durationNanos = (long) (settings.durationSecs() * 1e9);
        if (senders.isEmpty() || settings.rate() <= 0) {
            log("holding connections for %.0f s (nothing to send)%n", settings.durationSecs());
            TimeUnit.NANOSECONDS.sleep(durationNanos);
            return;
        }
        log(
                "sending %.1f msg/s from %d senders for %.0f s%n",
                settings.rate(), senders.size(), settings.durationSecs());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("loadtest-sender").daemon(true).factory());
        long gap = Math.max(1, Math.round(1e9 / settings.rate()));
        for (int k = 0; k < senders.size(); k++) {
            LoadClient sender = senders.get(k);
            scheduler.scheduleAtFixedRate(sender::sendNext, k * gap, gap * senders.size(), TimeUnit.NANOSECONDS);
        }
        TimeUnit.NANOSECONDS.sleep(durationNanos);
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Waits until every send is written (or the drain deadline passes). */
    private void awaitSends(List<LoadClient> senders, long deadline) throws InterruptedException {
        CompletableFuture<?> allSent = CompletableFuture.allOf(
                senders.stream().map(LoadClient::sendsDone).toArray(CompletableFuture[]::new));
        try {
            allSent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log("some sends were still pending at the end of the drain%n");
        }
    }

    /**
     * Waits until every expected delivery to this process's {@code receivers} arrived, the count stalls for two
     * seconds, or the deadline passed. Returns the deliveries counted here.
     */
    private long awaitDeliveries(int receivers, long deadline) throws InterruptedException {
        long expected = stats.sent.sum() * receivers;
        long seen = stats.deliveries.sum();
        long lastChange = System.nanoTime();
        while (seen < expected && System.nanoTime() < deadline && System.nanoTime() - lastChange < STALL_NANOS) {
            TimeUnit.MILLISECONDS.sleep(50);
            long now = stats.deliveries.sum();
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
        }
        return stats.deliveries.sum();
    }

    private static List<LoadWorkers.Result> results(LoadWorkers workers) {
        try {
            return workers.results();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A child process ({@code --worker-index}): connects its viewers, says READY, waits for SENT, drains, prints its
     * RESULT and leaves on LEAVE (see {@link LoadWorkers}).
     */
    void runAsWorker(java.io.BufferedReader commands, PrintStream out) throws InterruptedException {
        withClients((rest, sockets) -> {
            runAsWorker(commands, out, rest, sockets);
            return null;
        });
    }

    private void runAsWorker(
            java.io.BufferedReader commands, PrintStream out, HttpClient rest, List<HttpClient> sockets)
            throws InterruptedException, java.io.IOException {
        List<LoadClient> clients = new ArrayList<>(settings.viewers());
        for (int i = 0; i < settings.viewers(); i++) {
            clients.add(new LoadClient("v" + settings.workerIndex() + "_" + i, -1, stats, List.of()));
        }
        connectAll(clients, rest, sockets);
        List<LoadClient> connected =
                clients.stream().filter(LoadClient::isWelcomed).toList();
        long cpuBefore = ProcessSampler.ownCpuMillis();
        out.println("READY " + connected.size());
        out.flush();
        String line = commands.readLine();
        long sent = line != null && line.startsWith("SENT ")
                ? Long.parseLong(line.substring(5).trim())
                : 0;
        stats.sent.add(sent);
        awaitDeliveries(connected.size(), System.nanoTime() + (long) (settings.drainSecs() * 1e9));
        long missing = connected.stream().filter(c -> c.delivered() < sent).count();
        out.println(LoadWorkers.resultLine(new LoadWorkers.Result(
                connected.size(),
                stats.failureCount(),
                stats.deliveries.sum(),
                stats.frames.sum(),
                stats.otherChats.sum(),
                stats.errors.sum(),
                stats.transportErrors.sum(),
                missing,
                stats.lastDeliveryNanos(),
                ProcessSampler.ownCpuMillis() - cpuBefore,
                stats.closesByCode(),
                stats.failuresByReason(),
                stats.latencyHistogram())));
        out.flush();
        while ((line = commands.readLine()) != null && !line.equals("LEAVE")) {
            // wait for the parent to finish its own measurement
        }
        leaveAll(clients);
    }

    /** Closes every connection with 1000, waits up to five seconds for the handshakes, then drops the rest. */
    private void leaveAll(List<LoadClient> clients) throws InterruptedException {
        CompletableFuture<?> all = CompletableFuture.allOf(clients.stream()
                .map(c -> c.leave().exceptionally(error -> null))
                .toArray(CompletableFuture[]::new));
        try {
            all.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // whatever did not finish its close handshake is aborted below
        }
        clients.forEach(LoadClient::abort);
    }

    static URI httpRoot(URI ws) {
        String s = ws.toString().replaceAll("/+$", "");
        if (s.startsWith("wss://")) {
            return URI.create("https://" + s.substring(6) + "/");
        }
        if (s.startsWith("ws://")) {
            return URI.create("http://" + s.substring(5) + "/");
        }
        return URI.create(s + "/");
    }

    static String reason(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof WebSocketHandshakeException handshake) {
            return "handshake refused: HTTP " + handshake.getResponse().statusCode();
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof LoadClient.ConnectFailure) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.substring(0, Math.min(80, message.length())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void log(String format, Object... args) {
        log.printf(Locale.ROOT, "loadtest: " + format, args);
        log.flush();
    }
}
