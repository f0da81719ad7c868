package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.execute(args);
        return out.toString();
    }

    @Test
    void everyServerCommandPrintsTheVersion() {
        for (String command : new String[] {"serve", "score", "ready", "users"}) {
            assertThat(run(command, "--version")).as(command).startsWith("safestream-server ");
        }
        assertThat(run("--version")).startsWith("safestream-server ");
    }

    @Test
    void helpNamesTheConsole() {
        assertThat(run("help")).contains("serve").contains("./safestream console");
    }
}
