package dev.safestream.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image tarball `./mvnw -Pcontainer package` wrote: its name, run configuration and layers. */
class ContainerImageIT {
    static final String LAUNCHER = "opt/safestream-server/bin/safestream-server";
    static final String JAR = "opt/safestream-server/lib/app/safestream-server.jar";
    private static ImageTarball image;

    @BeforeAll
    static void readTheTarball() throws IOException {
        image = ImageTarball.read(Images.tarball());
    }

    @Test
    void isAnOciImageNamedAfterTheServerAndItsVersion() {
        assertThat(image.index.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(image.index.path("manifests")).hasSize(1);
        assertThat(image.index
                        .path("manifests")
                        .path(0)
                        .path("annotations")
                        .path("org.opencontainers.image.ref.name")
                        .asText())
                .isEqualTo(Images.reference());
        assertThat(image.config.path("architecture").asText()).isEqualTo("amd64");
        assertThat(image.config.path("os").asText()).isEqualTo("linux");
    }

    @Test
    void runsServeThroughThePackagedLauncherAsANonRootUser() {
        JsonNode run = image.config.path("config");
        assertThat(strings(run.path("Entrypoint"))).containsExactly("/" + LAUNCHER);
        assertThat(strings(run.path("Cmd"))).containsExactly("serve");
        String user = run.path("User").asText();
        assertThat(user).isEqualTo("10001:10001");
        assertThat(image.find("etc/passwd").content())
                .as("the image's user has an account (Java reads user.home from it)")
                .contains("safestream:x:10001:10001:")
                .doesNotContain(":x:10001:0:");
    }

    @Test
    void exposesPort8000AndKeepsItsDataInTheDataVolume() {
        JsonNode run = image.config.path("config");
        List<String> ports = new ArrayList<>();
        run.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly("8000/tcp");
        List<String> volumes = new ArrayList<>();
        run.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        assertThat(volumes).containsExactly("/data");
        assertThat(strings(run.path("Env")))
                .contains("DATA_DIR=/data", "ORT_DISABLE_TELEMETRY=1", "JAVA_TOOL_OPTIONS=-Xmx1g");
        assertThat(run.path("WorkingDir").asText()).isEqualTo("/data");
        // a new volume takes the image's /data: it must belong to the server's user, or the server cannot write
        ImageTarball.Entry data = image.find("data");
        assertThat(data.directory()).isTrue();
        assertThat(data.uid()).isEqualTo(10001);
        assertThat(data.gid()).isEqualTo(10001);
        assertThat(data.mode() & 0777).isEqualTo(0750);
        // ONNX Runtime unpacks its natives into java.io.tmpdir
        assertThat(image.find("tmp").mode() & 07777).isEqualTo(01777);
    }

    @Test
    void carriesTheJlinkedRuntimeAndDebiansLibrariesBelowTheAppLayer() {
        for (String executable : List.of(
                LAUNCHER,
                "opt/safestream-server/lib/runtime/bin/java",
                "opt/safestream-server/lib/runtime/lib/jspawnhelper")) {
            assertThat(image.find(executable)).as(executable).isNotNull();
            assertThat(image.find(executable).mode() & 0111)
                    .as(executable + " is executable")
                    .isEqualTo(0111);
        }
        assertThat(image.find("opt/safestream-server/lib/runtime/lib/server/libjvm.so"))
                .isNotNull();
        // what ldd lists for the launcher, the runtime and ONNX Runtime's natives
        assertThat(image.find("lib64/ld-linux-x86-64.so.2").linkTarget()).endsWith("ld-linux-x86-64.so.2");
        for (String library : List.of(
                "lib/x86_64-linux-gnu/libc.so.6",
                "lib/x86_64-linux-gnu/libm.so.6",
                "lib/x86_64-linux-gnu/libgcc_s.so.1",
                "usr/lib/x86_64-linux-gnu/libstdc++.so.6")) {
            assertThat(image.find(library)).as(library).isNotNull();
        }
        assertThat(image.find("bin/sh").linkTarget())
                .as("docker run --health-cmd needs /bin/sh")
                .isEqualTo("dash");
        assertThat(image.find("usr/share/doc/libc6/copyright"))
                .as("Debian's licences travel with the libraries")
                .isNotNull();
        int runtimeLayer = image.layerOf("opt/safestream-server/lib/runtime/bin/java");
        int appLayer = image.layerOf(JAR);
        assertThat(appLayer).as("the jar has its own layer, above the runtime").isGreaterThan(runtimeLayer);
        assertThat(runtimeLayer).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theAppLayerHoldsTheServerJarWithTheDebsJvmOptions() {
        assertThat(image.find(JAR)).isNotNull();
        String launcherConfig = image.find("opt/safestream-server/lib/app/safestream-server.cfg")
                .content();
        assertThat(launcherConfig)
                .contains("app.mainjar=$APPDIR/safestream-server.jar")
                .contains("java-options=--enable-native-access=ALL-UNNAMED")
                .contains("java-options=-XX:+ExitOnOutOfMemoryError")
                .contains("java-options=-Djava.awt.headless=true");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
