package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Grafana dashboard and Prometheus files in {@code deploy/} ask only for series a live server exposes: every
 * metric name in their expressions must be in {@code /metrics/prometheus} after some chat. Names are compared as
 * Prometheus stores them ({@code _total}, {@code _bucket}, {@code _count}, {@code _sum} included), so a query on a
 * histogram's or counter's bare name fails here just as it would show "No data" in Grafana.
 */
@Timeout(120)
class ObservabilityAssetsIT {
    private static final Path DEPLOY = Path.of("..", "deploy");
    /** Our meters and Micrometer's JVM and system binders; {@code up} and other Prometheus-made series are not ours. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:safestream|jvm|process|system)_[A-Za-z0-9_]+");

    private static final AtomicInteger USERS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dashboardAsksOnlyForSeriesTheServerExposes() throws IOException {
        List<Path> dashboards = files("grafana", ".json");
        assertThat(dashboards).isNotEmpty();
        Set<String> used = new TreeSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            assertThat(dashboard.path("__inputs").findValuesAsText("name"))
                    .as("%s imports with a Prometheus data source chosen at import", file)
                    .contains("DS_PROMETHEUS");
            assertThat(dashboard.findValues("datasource"))
                    .as("%s: every query uses the imported data source", file)
                    .filteredOn(ds -> "prometheus".equals(ds.path("type").asText()))
                    .isNotEmpty()
                    .allSatisfy(ds -> assertThat(ds.path("uid").asText()).isEqualTo("${DS_PROMETHEUS}"));
            Stream.of("expr", "query", "definition")
                    .flatMap(field -> dashboard.findValues(field).stream())
                    .filter(JsonNode::isTextual)
                    .forEach(expr -> used.addAll(metricNames(expr.asText())));
        }
        assertThat(used).contains("safestream_messages_in_total", "jvm_memory_used_bytes");
        assertExposed(used);
    }

    @Test
    void alertRulesAskOnlyForSeriesTheServerExposes() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        Set<String> used = new TreeSet<>();
        for (Path file : files("prometheus", ".yml")) {
            for (JsonNode group : yaml.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    assertThat(rule.path("alert").asText())
                            .as("%s: a named alert", file)
                            .isNotBlank();
                    used.addAll(metricNames(rule.path("expr").asText()));
                }
            }
        }
        assertThat(used).contains("safestream_ready", "safestream_worker_restarts_total");
        assertExposed(used);
    }

    @Test
    void scrapeExampleReadsTheServersEndpointAndLoadsTheRules() throws IOException {
        JsonNode config = new YAMLMapper()
                .readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
        assertThat(config.path("scrape_configs").findValuesAsText("metrics_path"))
                .containsExactly("/metrics/prometheus");
        assertThat(config.path("rule_files")).isNotEmpty().allSatisfy(rules -> assertThat(
                        DEPLOY.resolve("prometheus").resolve(rules.asText()))
                .isRegularFile());
    }

    /** Chats (so the latency histogram has buckets), then waits until every name shows in a scrape. */
    private static void assertExposed(Set<String> used) {
        try (WsClient alice = join("obs_alice");
                WsClient bob = join("obs_bob")) {
            alice.chat("hello from the dashboard test");
            bob.awaitChat("hello from the dashboard test");
        }
        // jvm_gc_pause_seconds appears with the first collection after the server started listening for them
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(exposed()).containsAll(used);
                });
    }

    private static WsClient join(String prefix) {
        String user = prefix + "_" + USERS.incrementAndGet();
        WsClient client = WsClient.connect(server.wsBase(), user, server.api().register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }

    /** The sample names of a scrape: {@code name{labels} value} or {@code name value}, comments skipped. */
    private static Set<String> exposed() {
        return server.api()
                .get("/metrics/prometheus", null)
                .body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static List<Path> files(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve(directory))) {
            return new ArrayList<>(
                    files.filter(f -> f.toString().endsWith(suffix)).sorted().toList());
        }
    }
}
