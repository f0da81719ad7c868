package dev.safestream.console.settings;

import dev.safestream.console.net.ServerClient;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.settings.CategoryThresholds;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.Terms;
import dev.safestream.protocol.settings.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A channel's moderation settings as the console edits them: flag/block/hold thresholds, per-category thresholds
 * (one {@code category flag block} line each, {@code -} for none), mode, blocked terms (one a line) and slow mode.
 * Saving puts these fields into the {@link ModerationSettings} last read from the server and PUTs the whole record,
 * so settings the console does not edit (allowed terms, spam filters, user lists, timeouts) are sent back as loaded.
 * The record checks itself as the server does, so an edit the server would refuse is refused here with the same
 * message, before any request.
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class SettingsViewModel {
    public static final List<String> MODES =
            Arrays.stream(ModerationMode.values()).map(ModerationMode::wireName).toList();

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    /** What the server last answered; before the first load, a channel nobody configured. */
    private ModerationSettings loaded = ModerationSettings.defaults(0.6, 0.9);

    private final StringProperty mode = new SimpleStringProperty(ModerationMode.POST.wireName());
    private final DoubleProperty flag = new SimpleDoubleProperty(0.6);
    private final DoubleProperty block = new SimpleDoubleProperty(0.9);
    private final DoubleProperty holdLow = new SimpleDoubleProperty(0.4);
    private final StringProperty categories = new SimpleStringProperty("");
    private final StringProperty blockedTerms = new SimpleStringProperty("");
    private final IntegerProperty slowModeSeconds = new SimpleIntegerProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();

    public SettingsViewModel(ServerClient client, UiExecutor ui, String channel) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        List.of(mode, flag, block, holdLow, categories, blockedTerms, slowModeSeconds)
                .forEach(p -> p.addListener((obs, was, now) -> dirty.set(true)));
    }

    public CompletableFuture<Void> load() {
        return client.moderationSettings(channel)
                .thenAcceptAsync(this::show, ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("load failed: " + Failures.message(e)));
                    return null;
                });
    }

    void show(ModerationSettings settings) {
        loaded = settings;
        mode.set(settings.mode().wireName());
        Thresholds t = settings.thresholds();
        flag.set(t.flag());
        block.set(t.block());
        holdLow.set(t.holdLow() != null ? t.holdLow() : Math.min(0.4, t.flag()));
        List<String> lines = new ArrayList<>();
        t.categories().forEach((name, c) -> lines.add(name + " " + num(c.flag()) + " " + num(c.block())));
        categories.set(String.join("\n", lines));
        blockedTerms.set(String.join("\n", settings.terms().blocked()));
        slowModeSeconds.set(settings.slowModeSeconds());
        dirty.set(false);
        status.set("loaded " + channel);
    }

    private static String num(Double threshold) {
        return threshold == null ? "-" : threshold.toString();
    }

    /** Why the settings cannot be saved, or empty when they can. */
    public Optional<String> validate() {
        if (!MODES.contains(mode.get())) {
            return Optional.of("mode must be one of " + MODES);
        }
        if (flag.get() > block.get()) {
            return Optional.of("flag threshold must not exceed block threshold");
        }
        if (ModerationMode.HOLD_UNCERTAIN.wireName().equals(mode.get()) && holdLow.get() > flag.get()) {
            return Optional.of("hold-from threshold must not exceed flag threshold");
        }
        if (slowModeSeconds.get() < 0 || slowModeSeconds.get() > 86_400) {
            return Optional.of("slow mode must be 0..86400 seconds");
        }
        try {
            toSettings();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The settings that {@link #save} would PUT: the loaded ones with the edited fields replaced.
     *
     * @throws IllegalArgumentException naming the line or field when an edit is invalid
     */
    public ModerationSettings toSettings() {
        ModerationMode chosen = ModerationMode.ofWireName(mode.get())
                .orElseThrow(() -> new IllegalArgumentException("mode must be one of " + MODES));
        Double hold =
                chosen == ModerationMode.HOLD_UNCERTAIN || loaded.thresholds().holdLow() != null
                        ? round(Math.min(holdLow.get(), flag.get()))
                        : null;
        Thresholds thresholds = new Thresholds(round(flag.get()), round(block.get()), hold, categoryThresholds());
        List<String> blocked = blockedTerms
                .get()
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new ModerationSettings(
                chosen,
                thresholds,
                new Terms(blocked, loaded.terms().allowed()),
                loaded.spam(),
                slowModeSeconds.get(),
                loaded.users(),
                loaded.timeouts());
    }

    private Map<String, CategoryThresholds> categoryThresholds() {
        Map<String, CategoryThresholds> byName = new LinkedHashMap<>();
        for (String line : categories.get().lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3 || !Thresholds.CATEGORY.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("category line must be 'name flag block': " + line);
            }
            Double f = unit(parts[1], line);
            Double b = unit(parts[2], line);
            if (f == null && b == null) {
                throw new IllegalArgumentException("category needs flag, block or both: " + line);
            }
            if (f != null && b != null && f > b) {
                throw new IllegalArgumentException("category flag must not exceed block: " + line);
            }
            byName.put(parts[0], new CategoryThresholds(f, b));
        }
        return byName;
    }

    private static Double unit(String s, String line) {
        if (s.equals("-")) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("thresholds are 0..1: " + line);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in: " + line);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public CompletableFuture<Void> save() {
        Optional<String> invalid = validate();
        if (invalid.isPresent()) {
            status.set(invalid.get());
            return CompletableFuture.completedFuture(null);
        }
        status.set("saving…");
        return client.updateModerationSettings(channel, toSettings())
                .thenAcceptAsync(
                        stored -> {
                            show(stored);
                            status.set("saved: mode " + mode.get() + ", flag " + flag.get());
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("save failed: " + Failures.message(e)));
                    return null;
                });
    }

    public StringProperty modeProperty() {
        return mode;
    }

    /** What the chosen mode does, in a sentence, for the line under the mode control. */
    public javafx.beans.binding.StringBinding modeHelp() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> explain(mode.get()), mode);
    }

    /** The README's table of modes, one sentence each (issue 23: the modes were explained nowhere). */
    static String explain(String mode) {
        return switch (mode == null ? "" : mode) {
            case "post" ->
                "Every message shows at once; over 'Flag at' it is marked toxic, over 'Block at' only its"
                        + " author sees it.";
            case "hold_uncertain" ->
                "As post, but a message scored between 'Hold from' and 'Flag at' waits in the"
                        + " review queue until a moderator approves it.";
            case "pre_moderate" -> "Nothing shows until a moderator approves it (blocked messages stay blocked).";
            default -> "";
        };
    }

    public DoubleProperty flagProperty() {
        return flag;
    }

    public DoubleProperty blockProperty() {
        return block;
    }

    public DoubleProperty holdLowProperty() {
        return holdLow;
    }

    public StringProperty categoriesProperty() {
        return categories;
    }

    public StringProperty blockedTermsProperty() {
        return blockedTerms;
    }

    public IntegerProperty slowModeSecondsProperty() {
        return slowModeSeconds;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }
}
