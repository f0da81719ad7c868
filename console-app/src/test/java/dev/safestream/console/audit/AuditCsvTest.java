package dev.safestream.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.ui.UiExecutor;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCsvTest {
    private static final AuditRecord MUTE = new AuditRecord(
            "main", "mod1", "mute", "alice", "spam, again", 600L, Instant.parse("2026-11-21T08:00:00Z"));
    private static final AuditRecord BAN = new AuditRecord(
            "main", "admin", "ban", "mallory", "=HYPERLINK(\"x\")", null, Instant.parse("2026-11-21T08:01:00Z"));

    @Test
    void writesQuotedFieldsAndDefusesFormulas() throws Exception {
        StringWriter out = new StringWriter();

        AuditCsv.write(List.of(MUTE, BAN), out);

        assertThat(out.toString())
                .isEqualTo("at,channel,actor,action,target,duration_seconds,reason\r\n"
                        + "2026-11-21T08:00:00Z,main,mod1,mute,alice,600,\"spam, again\"\r\n"
                        + "2026-11-21T08:01:00Z,main,admin,ban,mallory,,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    @Test
    void exportsOnlyWhatTheFilterShows(@TempDir Path dir) throws Exception {
        FakeServerClient client = new FakeServerClient();
        client.audit = List.of(MUTE, BAN);
        AuditViewModel audit = new AuditViewModel(client, UiExecutor.direct(), "main");
        audit.load().join();
        audit.filterProperty().set("MALLORY");

        audit.exportCsv(dir.resolve("audit.csv"));

        assertThat(Files.readAllLines(dir.resolve("audit.csv")))
                .hasSize(2)
                .last()
                .asString()
                .contains("mallory");
        assertThat(audit.statusProperty().get()).startsWith("exported 1 entries");
    }
}
