package dev.safestream.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml and deploy/nginx.conf, read as files: no container engine runs them here (docs/install.md
 * says so). They must name the image the Jib build makes and use the documented health check.
 */
class ComposeFileTest {
    static final List<String> HEALTH_CHECK = List.of("CMD", "/opt/safestream-server/bin/safestream-server", "ready");
    private static final List<String> SERVER_SERVICES = List.of("server", "node-a", "node-b");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]+)}");
    private static Path deploy;
    private static JsonNode services;

    @BeforeAll
    static void readTheComposeFile() throws IOException {
        Path compose = Path.of(System.getProperty("safestream.compose", "../deploy/compose.yaml"));
        deploy = compose.getParent();
        services = new YAMLMapper().readTree(compose.toFile()).path("services");
    }

    @Test
    void everyServerServiceRunsTheImageTheJibBuildMakesAndNeverPullsIt() {
        for (String name : SERVER_SERVICES) {
            JsonNode service = services.path(name);
            String image = service.path("image").asText();
            Matcher defaulted = DEFAULTED.matcher(image);
            String resolved = defaulted.matches() ? defaulted.group(1) : image;
            assertThat(resolved).as(name).isEqualTo(Images.reference());
            assertThat(service.path("pull_policy").asText()).as(name).isEqualTo("never");
            assertThat(strings(service.path("healthcheck").path("test")))
                    .as(name)
                    .isEqualTo(HEALTH_CHECK);
            assertThat(strings(service.path("volumes"))).as(name).anyMatch(v -> v.endsWith(":/data"));
        }
    }

    @Test
    void theServerAloneIsTheDefaultAndTheClusterIsAProfile() {
        assertThat(services.path("server").has("profiles")).isFalse();
        assertThat(strings(services.path("server").path("ports"))).containsExactly("8000:8000");
        List<String> cluster = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (!name.equals("server")) {
                assertThat(strings(services.path(name).path("profiles")))
                        .as(name)
                        .containsExactly("cluster");
                cluster.add(name);
            }
        });
        assertThat(cluster).containsExactlyInAnyOrder("postgres", "redis", "node-a", "node-b", "nginx");
    }

    @Test
    void theClusterNodesShareRedisPostgresAndTheJwtSecretAndBelieveOnlyNginx() {
        JsonNode a = services.path("node-a").path("environment");
        JsonNode b = services.path("node-b").path("environment");
        for (String shared :
                List.of("REDIS_URL", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "JWT_SECRET_KEY")) {
            assertThat(a.path(shared).asText())
                    .as(shared)
                    .isNotBlank()
                    .isEqualTo(b.path(shared).asText());
        }
        assertThat(a.path("REDIS_URL").asText()).isEqualTo("redis://redis:6379");
        assertThat(a.path("DATABASE_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(a.path("NODE_ID").asText()).isNotEqualTo(b.path("NODE_ID").asText());
        String nginxAddress = services.path("nginx")
                .path("networks")
                .path("cluster")
                .path("ipv4_address")
                .asText();
        assertThat(a.path("TRUSTED_PROXIES").asText()).isEqualTo(nginxAddress + "/32");
        assertThat(b.path("TRUSTED_PROXIES").asText()).isEqualTo(nginxAddress + "/32");
        assertThat(services.path("node-a").has("ports"))
                .as("only nginx is reachable")
                .isFalse();
        assertThat(services.path("node-b").has("ports"))
                .as("only nginx is reachable")
                .isFalse();
    }

    @Test
    void nginxSpreadsOverBothNodesWithoutStickySessionsAndUpgradesWebSockets() throws IOException {
        assertThat(strings(services.path("nginx").path("volumes")))
                .containsExactly("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
        String nginx = Files.readString(deploy.resolve("nginx.conf"));
        assertThat(nginx)
                .contains("server node-a:8000", "server node-b:8000")
                .contains("proxy_set_header Upgrade $http_upgrade;")
                .contains("proxy_set_header Connection $connection_upgrade;")
                .contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .doesNotContainPattern("(?m)^\\s*(ip_hash|hash |sticky)");
    }

    @Test
    void installGuideGivesTheSameHealthCheckAndSaysNoEngineRunsTheComposeFile() throws IOException {
        String install = Files.readString(deploy.resolveSibling("docs/install.md"));
        assertThat(install)
                .contains("/opt/safestream-server/bin/safestream-server ready")
                .contains("deploy/compose.yaml")
                .contains("not run in CI");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
