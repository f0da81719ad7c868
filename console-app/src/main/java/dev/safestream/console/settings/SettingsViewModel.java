package dev.safestream.console.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Saving writes these fields into the JSON last read from the server and PUTs the whole document, so settings the
 * console does not edit (spam filters, user lists, timeouts) are kept.
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class SettingsViewModel {
    public static final List<String> MODES = List.of("post", "hold_uncertain", "pre_moderate");

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private ObjectNode loaded = JsonNodeFactory.instance.objectNode();

    private final StringProperty mode = new SimpleStringProperty("post");
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

    void show(ObjectNode settings) {
        loaded = settings.deepCopy();
        mode.set(settings.path("mode").asText("post"));
        JsonNode t = settings.path("thresholds");
        flag.set(t.path("flag").asDouble(0.6));
        block.set(t.path("block").asDouble(0.9));
        holdLow.set(t.hasNonNull("hold_low") ? t.get("hold_low").asDouble() : Math.min(0.4, flag.get()));
        List<String> lines = new ArrayList<>();
        t.path("categories")
                .properties()
                .forEach(en -> lines.add(en.getKey() + " " + num(en.getValue().get("flag")) + " "
                        + num(en.getValue().get("block"))));
        categories.set(String.join("\n", lines));
        List<String> terms = new ArrayList<>();
        settings.path("terms").path("blocked").forEach(n -> terms.add(n.asText()));
        blockedTerms.set(String.join("\n", terms));
        slowModeSeconds.set(settings.path("slow_mode_seconds").asInt());
        dirty.set(false);
        status.set("loaded " + channel);
    }

    private static String num(JsonNode n) {
        return n == null || n.isNull() ? "-" : n.asText();
    }

    /** Why the settings cannot be saved, or empty when they can. */
    public Optional<String> validate() {
        if (!MODES.contains(mode.get())) {
            return Optional.of("mode must be one of " + MODES);
        }
        if (flag.get() > block.get()) {
            return Optional.of("flag threshold must not exceed block threshold");
        }
        if ("hold_uncertain".equals(mode.get()) && holdLow.get() > flag.get()) {
            return Optional.of("hold-from threshold must not exceed flag threshold");
        }
        if (slowModeSeconds.get() < 0 || slowModeSeconds.get() > 86_400) {
            return Optional.of("slow mode must be 0..86400 seconds");
        }
        try {
            categoryNode();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** The JSON that {@link #save} would PUT. */
    public ObjectNode toJson() {
        ObjectNode out = loaded.deepCopy();
        out.put("mode", mode.get());
        ObjectNode t = out.putObject("thresholds");
        t.put("flag", round(flag.get()));
        t.put("block", round(block.get()));
        if ("hold_uncertain".equals(mode.get()) || loaded.path("thresholds").hasNonNull("hold_low")) {
            t.put("hold_low", round(Math.min(holdLow.get(), flag.get())));
        }
        t.set("categories", categoryNode());
        ObjectNode terms = out.has("terms") && out.get("terms").isObject()
                ? (ObjectNode) out.get("terms")
                : out.putObject("terms");
        ArrayNode blocked = terms.putArray("blocked");
        blockedTerms.get().lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(blocked::add);
        out.put("slow_mode_seconds", slowModeSeconds.get());
        return out;
    }

    private ObjectNode categoryNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String line : categories.get().lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3 || !parts[0].matches("[a-z][a-z_]{0,31}")) {
                throw new IllegalArgumentException("category line must be 'name flag block': " + line);
            }
            ObjectNode c = node.putObject(parts[0].toLowerCase(Locale.ROOT));
            Double f = unit(parts[1], line);
            Double b = unit(parts[2], line);
            if (f == null && b == null) {
                throw new IllegalArgumentException("category needs flag, block or both: " + line);
            }
            if (f != null && b != null && f > b) {
                throw new IllegalArgumentException("category flag must not exceed block: " + line);
            }
            if (f != null) {
                c.put("flag", f);
            }
            if (b != null) {
                c.put("block", b);
            }
        }
        return node;
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
        return client.updateModerationSettings(channel, toJson())
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
