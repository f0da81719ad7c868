package dev.safestream.console.audit;

import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The channel's audit log: who did what to whom, why, when. Filter by any text (actor, action, target, reason);
 * export what is shown as CSV.
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class AuditViewModel {
    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final boolean includeSite;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final FilteredList<AuditRecord> visible = new FilteredList<>(records);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public AuditViewModel(ServerClient client, UiExecutor ui, String channel) {
        this(client, ui, channel, false);
    }

    /** @param includeSite also show site-wide actions (accounts, roles: the server's {@value #SITE} log), for admins */
    public AuditViewModel(ServerClient client, UiExecutor ui, String channel, boolean includeSite) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        this.includeSite = includeSite;
        filter.addListener((obs, was, now) -> visible.setPredicate(r -> matches(r, now)));
    }

    static boolean matches(AuditRecord r, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.of(r.actor(), r.action(), r.target(), r.reason())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The server's audit log of site-wide actions. */
    public static final String SITE = "_site";

    public CompletableFuture<Void> load() {
        CompletableFuture<List<AuditRecord>> entries = includeSite
                ? client.audit(channel, 1000).thenCombine(client.audit(SITE, 1000), AuditViewModel::newestFirst)
                : client.audit(channel, 1000);
        return entries.thenAcceptAsync(
                        list -> {
                            records.setAll(list);
                            status.set(list.size() + " entries");
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("audit: " + Failures.message(e)));
                    return null;
                });
    }

    private static List<AuditRecord> newestFirst(List<AuditRecord> a, List<AuditRecord> b) {
        List<AuditRecord> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparing(
                        AuditRecord::at, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .reversed());
        return all;
    }

    /** Writes the filtered entries to {@code file}. */
    public void exportCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AuditCsv.write(List.copyOf(visible), out);
            status.set("exported " + visible.size() + " entries to " + file);
        } catch (IOException e) {
            status.set("export failed: " + e.getMessage());
        }
    }

    public ObservableList<AuditRecord> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
