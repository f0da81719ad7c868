package dev.safestream.console.queue;

import dev.safestream.console.net.QueueItem;
import dev.safestream.console.ui.Fxml;
import dev.safestream.console.ui.TextCells;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;

/** The review queue (queue.fxml): A approves, R rejects, H highlights the selected message; ↑/↓ move. */
public final class QueueView {
    private final QueueViewModel vm;
    private final Parent root;

    @FXML
    private Button approve;

    @FXML
    private Button highlight;

    @FXML
    private Button reject;

    @FXML
    private TextField reason;

    @FXML
    private ListView<QueueItem> list;

    @FXML
    private Label detail;

    @FXML
    private Label status;

    public QueueView(QueueViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(QueueView.class, "queue.fxml", this);
    }

    @FXML
    private void initialize() {
        list.setId("queue-list");
        list.setItems(vm.pending());
        list.setCellFactory(TextCells.of(QueueView::line));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
            detail.setText(now == null ? "" : detail(now));
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        status.textProperty().bind(vm.statusProperty());
        status.setId("queue-status");
        approve.setOnAction(e -> decide(QueueViewModel.APPROVE));
        reject.setOnAction(e -> decide(QueueViewModel.REJECT));
        highlight.setOnAction(e -> decide(QueueViewModel.HIGHLIGHT));
        approve.disableProperty().bind(vm.selectedProperty().isNull());
        reject.disableProperty().bind(vm.selectedProperty().isNull());
        highlight.disableProperty().bind(vm.selectedProperty().isNull());
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case A -> decide(QueueViewModel.APPROVE);
                case R -> decide(QueueViewModel.REJECT);
                case H -> decide(QueueViewModel.HIGHLIGHT);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void decide(String decision) {
        vm.decideSelected(decision, reason.getText());
        reason.clear();
        list.requestFocus();
    }

    static String line(QueueItem item) {
        String others = item.decisions().isEmpty()
                ? ""
                : "  ["
                        + item.decisions().stream()
                                .map(d -> d.moderator() + ": " + d.decision())
                                .collect(Collectors.joining(", "))
                        + "]";
        return String.format(Locale.ROOT, "%.2f  %s: %s%s", item.score(), item.user(), item.text(), others);
    }

    static String detail(QueueItem item) {
        StringBuilder s =
                new StringBuilder(item.user() + " · score " + String.format(Locale.ROOT, "%.2f", item.score()));
        if (item.explanation() != null) {
            s.append(" · ").append(item.explanation().detail());
            if (!item.explanation().words().isEmpty()) {
                s.append(" · words: ")
                        .append(String.join(", ", item.explanation().words()));
            }
        }
        if (!item.categories().isEmpty()) {
            s.append(" · ")
                    .append(item.categories().entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** The queue list, for shortcuts that act on the selected message's author. */
    public ListView<QueueItem> list() {
        return list;
    }

    public Parent root() {
        return root;
    }
}
