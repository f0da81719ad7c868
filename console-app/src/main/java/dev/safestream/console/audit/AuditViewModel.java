package dev.safestream.console.audit;

import dev.safestream.console.app.Failures;
import dev.safestream.console.app.UiExecutor;
import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.net.ServerClient;
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
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final FilteredList<AuditRecord> visible = new FilteredList<>(records);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public AuditViewModel(ServerClient client, UiExecutor ui, String channel) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
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

    public CompletableFuture<Void> load() {
        return client.audit(channel, 1000)
                .thenAcceptAsync(
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
