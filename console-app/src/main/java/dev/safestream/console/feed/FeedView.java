package dev.safestream.console.feed;

import dev.safestream.console.ui.Fxml;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;

/**
 * The live feed (feed.fxml): a virtualised list that follows the newest message unless paused, a filter bar, and a
 * "N new" button while paused. Hovering the list pauses it; Space toggles a sticky pause.
 */
public final class FeedView {
    private static final List<String> CATEGORIES =
            List.of("", "toxic", "insult", "threat", "obscene", "hate", "offensive", "identity_attack", "spam");

    private final FeedViewModel vm;
    private final Parent root;
    private final BooleanProperty hovering = new SimpleBooleanProperty();
    private final BooleanProperty stickyPause = new SimpleBooleanProperty();

    @FXML
    private TextField search;

    @FXML
    private TextField user;

    @FXML
    private TextField channel;

    @FXML
    private ComboBox<String> category;

    @FXML
    private Slider minScore;

    @FXML
    private Label minScoreLabel;

    @FXML
    private CheckBox onlyActioned;

    @FXML
    private ListView<FeedItem> list;

    @FXML
    private Button newMessages;

    @FXML
    private Label counts;

    @FXML
    private Label pausedLabel;

    public FeedView(FeedViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(FeedView.class, "feed.fxml", this);
    }

    @FXML
    private void initialize() {
        list.setItems(vm.visible());
        list.setCellFactory(v -> new FeedCell());
        list.setFixedCellSize(30);
        list.setId("feed-list");
        category.getItems().setAll(CATEGORIES);
        minScoreLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", minScore.valueProperty()));
        List.of(search.textProperty(), user.textProperty(), channel.textProperty(), category.valueProperty())
                .forEach(p -> p.addListener((o, a, b) -> refilter()));
        minScore.valueProperty().addListener((o, a, b) -> refilter());
        onlyActioned.selectedProperty().addListener((o, a, b) -> refilter());

        // hover = scroll lock: decided on every pointer move in the window, so a missed exit cannot leave it stuck
        list.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.addEventFilter(
                        MouseEvent.MOUSE_MOVED,
                        e -> hovering.set(inside(e.getPickResult().getIntersectedNode())));
                scene.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
                    if (e.getTarget() == scene) {
                        hovering.set(false);
                    }
                });
            }
        });
        list.setOnMouseExited(e -> hovering.set(false));
        vm.pausedProperty().bind(hovering.or(stickyPause));
        pausedLabel.visibleProperty().bind(vm.pausedProperty());
        newMessages.textProperty().bind(Bindings.format("%d new ↓", vm.newWhilePausedProperty()));
        newMessages.visibleProperty().bind(vm.newWhilePausedProperty().greaterThan(0));
        newMessages.setOnAction(e -> resume());
        newMessages.setId("new-messages");
        counts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.visible().size() + " shown / " + vm.items().size() + " kept",
                        vm.visible(),
                        vm.items()));
        vm.visible().addListener((ListChangeListener<FeedItem>) c -> {
            if (!vm.pausedProperty().get() && !vm.visible().isEmpty()) {
                list.scrollTo(vm.visible().size() - 1);
            }
        });
    }

    private boolean inside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == list) {
                return true;
            }
        }
        return false;
    }

    private void refilter() {
        vm.filterProperty()
                .set(new FeedFilter(
                        user.getText(),
                        channel.getText(),
                        minScore.getValue(),
                        category.getValue(),
                        search.getText(),
                        onlyActioned.isSelected()));
    }

    /** Space: pause or resume following the feed. */
    public void togglePause() {
        stickyPause.set(!stickyPause.get());
        if (!stickyPause.get()) {
            hovering.set(false);
        }
    }

    /** Resumes following (the "N new" button, End). */
    public void resume() {
        stickyPause.set(false);
        hovering.set(false);
        if (!vm.visible().isEmpty()) {
            list.scrollTo(vm.visible().size() - 1);
        }
    }

    public void focusSearch() {
        search.requestFocus();
    }

    /** Esc: clears every filter. */
    public void clearFilters() {
        search.clear();
        user.clear();
        channel.clear();
        category.setValue("");
        minScore.setValue(0);
        onlyActioned.setSelected(false);
    }

    /** Shows only this user's messages. */
    public void filterUser(String name) {
        user.setText(name);
    }

    public FeedItem selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    public ListView<FeedItem> list() {
        return list;
    }

    public Parent root() {
        return root;
    }
}
