package dev.safestream.console.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One feed row: time, user, the message with its explanation words highlighted, category chips, decision badge and
 * score. Colour comes from the stylesheet through the {@code sev-*} and {@code dec-*} style classes.
 */
final class FeedCell extends ListCell<FeedItem> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> ROW_CLASSES = List.of(
            "sev-clean",
            "sev-warn",
            "sev-toxic",
            "dec-allow",
            "dec-flag",
            "dec-hold",
            "dec-block",
            "hidden",
            "deleted");

    private final Label time = new Label();
    private final Label user = new Label();
    private final TextFlow message = new TextFlow();
    private final HBox chips = new HBox(4);
    private final Label badge = new Label();
    private final Label score = new Label();
    private final HBox row = new HBox(8, time, user, message, chips, badge, score);

    FeedCell() {
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        time.getStyleClass().add("feed-time");
        user.getStyleClass().add("feed-user");
        message.getStyleClass().add("feed-message");
        badge.getStyleClass().add("feed-badge");
        score.getStyleClass().add("feed-score");
        message.setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add("feed-cell");
    }

    @Override
    protected void updateItem(FeedItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(ROW_CLASSES);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        time.setText(item.ts() == null ? "" : TIME.format(item.ts()));
        user.setText(item.user());
        message.getChildren().setAll(highlighted(item.text(), item.words()));
        chips.getChildren().clear();
        item.categories().entrySet().stream()
                .filter(e -> e.getValue() >= 0.3)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3)
                .forEach(e -> {
                    Label chip = new Label(e.getKey());
                    chip.getStyleClass().add("chip");
                    chips.getChildren().add(chip);
                });
        String review = item.review();
        badge.setText(
                item.deleted()
                        ? "deleted by " + item.deletedBy()
                        : review != null ? review : "allow".equals(item.decision()) ? "" : item.decision());
        badge.setVisible(!badge.getText().isEmpty());
        score.setText(String.format(Locale.ROOT, "%.2f", item.score()));
        getStyleClass().addAll("sev-" + item.severity(), "dec-" + item.decision());
        if (item.hiddenFromViewers()) {
            getStyleClass().add("hidden");
        }
        if (item.deleted()) {
            getStyleClass().add("deleted");
        }
        setText(null);
        setGraphic(row);
        setAccessibleText(item.user() + ": " + item.text() + " ("
                + (item.deleted() ? "deleted by " + item.deletedBy() : item.decision()) + ")");
    }

    /** The message as text runs, with every explanation word (case-insensitive) in a highlight run. */
    static List<Text> highlighted(String text, List<String> words) {
        List<Text> runs = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int at = 0;
        while (at < text.length()) {
            int next = -1;
            int length = 0;
            for (String raw : words) {
                String w = searchable(raw);
                if (w.isBlank()) {
                    continue;
                }
                int i = lower.indexOf(w.toLowerCase(Locale.ROOT), at);
                if (i >= 0 && (next < 0 || i < next)) {
                    next = i;
                    length = w.length();
                }
            }
            if (next < 0) {
                runs.add(plain(text.substring(at)));
                break;
            }
            if (next > at) {
                runs.add(plain(text.substring(at, next)));
            }
            Text hit = new Text(text.substring(next, next + length));
            hit.getStyleClass().addAll("feed-text", "explained");
            runs.add(hit);
            at = next + length;
        }
        return runs;
    }

    /** The literal part of an explanation word: blocked-term wildcards ({@code idiot*}) and regex slashes removed. */
    static String searchable(String word) {
        String w = word.strip();
        if (w.length() > 1 && w.startsWith("/") && w.endsWith("/")) {
            return ""; // a regex: its matched text is not known here
        }
        return w.replace("*", "");
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("feed-text");
        return t;
    }
}
