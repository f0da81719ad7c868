package dev.safestream.tools.loadtest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load-test run measured. {@link #toMap()} is the {@code --json} object (snake_case, stable field names for
 * scripts); {@link #toText()} the human-readable summary.
 *
 * @param frames WebSocket text frames that carried at least one load-test message, over all clients; fewer than
 *     deliveries when the server batched events
 * @param expectedDeliveries messages sent × receivers connected when sending started (senders receive too)
 * @param measureSecs from the first send to the last delivery
 * @param serverCpuMs CPU the server process used from the first send to the end of the drain, -1 without
 *     {@code --server-pid}
 * @param serverRssKib the server's resident memory at the end of the drain, -1 without {@code --server-pid}
 * @param toolCpuMs CPU this load tool used in the same window, all its processes together
 * @param processes processes the load tool ran in
 */
record LoadReport(
        String url,
        boolean batch,
        boolean auth,
        int viewers,
        int senders,
        double rateOffered,
        double durationSecs,
        int connected,
        long failed,
        Map<String, Long> failures,
        double connectSecs,
        int receivers,
        int sendersConnected,
        long messagesAttempted,
        long messagesSent,
        long sendFailures,
        long deliveries,
        long frames,
        long expectedDeliveries,
        long receiversMissingMessages,
        long otherChats,
        double measureSecs,
        Histogram latencyMicros,
        long errors,
        Map<Integer, Long> closes,
        long transportErrors,
        long serverCpuMs,
        long serverRssKib,
        long toolCpuMs,
        int processes) {

    double deliveryRatio() {
        return expectedDeliveries == 0 ? 0 : (double) deliveries / expectedDeliveries;
    }

    double deliveriesPerSec() {
        return measureSecs <= 0 ? 0 : deliveries / measureSecs;
    }

    double sentPerSec() {
        return durationSecs <= 0 ? 0 : messagesSent / durationSecs;
    }

    /** Server CPU milliseconds per 1,000 delivered messages; -1 when unknown. */
    double serverCpuMsPer1k() {
        return serverCpuMs < 0 || deliveries == 0 ? -1 : serverCpuMs * 1000.0 / deliveries;
    }

    private double latencyMs(double percentile) {
        return latencyMicros.getTotalCount() == 0
                ? 0
                : round(latencyMicros.getValueAtPercentile(percentile) / 1000.0, 3);
    }

    private double maxLatencyMs() {
        return latencyMicros.getTotalCount() == 0 ? 0 : round(latencyMicros.getMaxValue() / 1000.0, 3);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("batch", batch);
        m.put("auth", auth);
        m.put("viewers", viewers);
        m.put("senders", senders);
        m.put("rate_offered", rateOffered);
        m.put("duration_s", durationSecs);
        m.put("connected", connected);
        m.put("failed", failed);
        m.put("failures", failures);
        m.put("connect_s", round(connectSecs, 2));
        m.put("receivers", receivers);
        m.put("senders_connected", sendersConnected);
        m.put("messages_attempted", messagesAttempted);
        m.put("messages_sent", messagesSent);
        m.put("send_failures", sendFailures);
        m.put("sent_per_sec", round(sentPerSec(), 1));
        m.put("deliveries", deliveries);
        m.put("expected_deliveries", expectedDeliveries);
        m.put("delivery_ratio", round(deliveryRatio(), 6));
        m.put("receivers_missing_messages", receiversMissingMessages);
        m.put("deliveries_per_sec", round(deliveriesPerSec(), 1));
        m.put("frames", frames);
        m.put("deliveries_per_frame", frames == 0 ? 0 : round((double) deliveries / frames, 2));
        m.put("measure_s", round(measureSecs, 2));
        m.put("other_chats", otherChats);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", latencyMs(50));
        latency.put("p90", latencyMs(90));
        latency.put("p99", latencyMs(99));
        latency.put("p999", latencyMs(99.9));
        latency.put("max", maxLatencyMs());
        latency.put("mean", round(latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMean() / 1000.0, 3));
        m.put("latency_ms", latency);
        m.put("errors", errors);
        Map<String, Long> closesByCode = new LinkedHashMap<>();
        closes.forEach((code, n) -> closesByCode.put(Integer.toString(code), n));
        m.put("closes", closesByCode);
        m.put("transport_errors", transportErrors);
        m.put("server_cpu_ms", serverCpuMs);
        m.put("server_cpu_ms_per_1k_deliveries", round(serverCpuMsPer1k(), 3));
        m.put("server_rss_mib", serverRssKib < 0 ? -1 : round(serverRssKib / 1024.0, 1));
        m.put("tool_cpu_ms", toolCpuMs);
        m.put("tool_processes", processes);
        return m;
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        line(out, "target", "%s (%s, %s)", url, batch ? "batched" : "one event per frame", auth ? "auth" : "no auth");
        line(
                out,
                "clients",
                "%d connected, %d failed of %d (%d viewers + %d senders) in %.1f s",
                connected,
                failed,
                viewers + senders,
                viewers,
                senders,
                connectSecs);
        failures.forEach((reason, n) -> line(out, "  failure", "%d × %s", n, reason));
        line(
                out,
                "sent",
                "%d messages (%d attempted, %d failed) = %.1f/s offered %.1f/s by %d senders",
                messagesSent,
                messagesAttempted,
                sendFailures,
                sentPerSec(),
                rateOffered,
                sendersConnected);
        line(
                out,
                "delivered",
                "%d of %d expected (%d receivers): ratio %.6f, %d receivers missed messages",
                deliveries,
                expectedDeliveries,
                receivers,
                deliveryRatio(),
                receiversMissingMessages);
        line(
                out,
                "throughput",
                "%.1f deliveries/s over %.2f s, %d frames (%.2f deliveries per frame)",
                deliveriesPerSec(),
                measureSecs,
                frames,
                frames == 0 ? 0.0 : (double) deliveries / frames);
        line(
                out,
                "latency",
                "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
                latencyMs(50),
                latencyMs(90),
                latencyMs(99),
                latencyMs(99.9),
                maxLatencyMs());
        line(
                out,
                "errors",
                "%d error frames, %d transport errors, %d other chat events",
                errors,
                transportErrors,
                otherChats);
        line(out, "closes", "%s", closes.isEmpty() ? "none by the server" : closes.toString());
        if (serverCpuMs >= 0) {
            line(
                    out,
                    "server",
                    "%d ms CPU = %.3f ms per 1k deliveries, RSS %.1f MiB",
                    serverCpuMs,
                    serverCpuMsPer1k(),
                    serverRssKib / 1024.0);
        }
        line(out, "load tool", "%d ms CPU in %d process%s", toolCpuMs, processes, processes == 1 ? "" : "es");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "%-11s ", label + ":"))
                .append(String.format(Locale.ROOT, format, args))
                .append('\n');
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
