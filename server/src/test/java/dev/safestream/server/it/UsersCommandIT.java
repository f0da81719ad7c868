package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code users} CLI on a real data directory, then a server on that directory honouring what it did. */
class UsersCommandIT {
    @TempDir
    Path dataDir;

    /** Runs {@code safestream-server users ...} with {@code stdin} as standard input; returns exit code and output. */
    private Map.Entry<Integer, String> users(String stdin, String... args) {
        InputStream before = System.in;
        StringWriter out = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = dev.safestream.server.app.Main.commandLine();
            PrintWriter writer = new PrintWriter(out, true);
            cli.setOut(writer);
            cli.setErr(writer);
            String[] all = new String[args.length + 2];
            all[0] = "users";
            all[1] = args[0];
            all[2] = "--data-dir=" + dataDir;
            System.arraycopy(args, 1, all, 3, args.length - 1);
            int exit = cli.execute(all);
            writer.flush();
            return Map.entry(exit, out.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void accountsMadeOnTheCommandLineWorkOnTheServer() throws Exception {
        var added = users("a-strong-secret\n", "add", "caster", "--role", "streamer", "--password-stdin");
        assertThat(added.getKey()).as("output: %s", added.getValue()).isZero();
        assertThat(users("a-strong-secret\n", "add", "lurker", "--password-stdin")
                        .getKey())
                .isZero();
        assertThat(users("password\n", "add", "weakling", "--password-stdin").getValue())
                .contains("most common passwords");
        assertThat(users("", "set-role", "lurker", "moderator").getKey()).isZero();
        assertThat(users("", "disable", "caster").getKey()).isZero();
        Map.Entry<Integer, String> list = users("", "list");
        assertThat(list.getValue())
                .containsPattern("caster\\s+streamer\\s+disabled")
                .containsPattern("lurker\\s+moderator\\s+active");
        assertThat(users("temporary-one\n", "reset-password", "lurker", "--password-stdin")
                        .getKey())
                .isZero();
        assertThat(Files.exists(dataDir)).isTrue();

        try (TestServer server = TestServer.start(dataDir, b -> {})) {
            var api = server.api();
            assertThat(api.postForm("/auth/login", Map.of("username", "caster", "password", "a-strong-secret"))
                            .status())
                    .as("disabled on the command line")
                    .isEqualTo(403);
            var login = api.postForm("/auth/login", Map.of("username", "lurker", "password", "temporary-one"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("role").asText()).isEqualTo("moderator");
            assertThat(login.json().path("must_change_password").asBoolean()).isTrue();
            assertThat(api.get("/api/admin/audit?channel=_site", api.adminToken())
                            .body())
                    .contains("cli:")
                    .contains("set_role");
        }
    }
}
