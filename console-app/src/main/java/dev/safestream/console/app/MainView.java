package dev.safestream.console.app;

import dev.safestream.console.actions.ActionsView;
import dev.safestream.console.actions.MutePreset;
import dev.safestream.console.audit.AuditView;
import dev.safestream.console.charts.ChartsView;
import dev.safestream.console.charts.TilesView;
import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.feed.FeedView;
import dev.safestream.console.net.ConnectionStatus;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.people.PeopleView;
import dev.safestream.console.queue.QueueView;
import dev.safestream.console.settings.SettingsView;
import dev.safestream.console.ui.Fxml;
import dev.safestream.console.users.UserCardView;
import dev.safestream.console.webcam.WebcamView;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;

/** The main window (main.fxml): header with tiles and connection, feed on the left, feature tabs, action bar. */
public final class MainView {
    final ModeratorConsole console;
    final FeedView feed;
    final QueueView queue;
    final ActionsView actions;
    final TilesView tiles;
    final ChartsView charts;
    final SettingsView settings;
    final AuditView audit;
    final PeopleView people;
    final UserCardView userCard;
    final WebcamView webcam;
    private final Parent root;

    @FXML
    private Label who;

    @FXML
    private Label connection;

    @FXML
    private StackPane tilesSlot;

    @FXML
    private StackPane feedSlot;

    @FXML
    private StackPane actionsSlot;

    @FXML
    TabPane tabs;

    @FXML
    Tab queueTab;

    @FXML
    Tab userTab;

    @FXML
    Tab chartsTab;

    @FXML
    Tab giftsTab;

    @FXML
    Tab settingsTab;

    @FXML
    Tab auditTab;

    @FXML
    Tab peopleTab;

    @FXML
    Tab webcamTab;

    @FXML
    Tab helpTab;

    MainView(
            ModeratorConsole console,
            FeedView feed,
            QueueView queue,
            ActionsView actions,
            TilesView tiles,
            ChartsView charts,
            SettingsView settings,
            AuditView audit,
            PeopleView people,
            UserCardView userCard,
            WebcamView webcam) {
        this.console = console;
        this.feed = feed;
        this.queue = queue;
        this.actions = actions;
        this.tiles = tiles;
        this.charts = charts;
        this.settings = settings;
        this.audit = audit;
        this.people = people;
        this.userCard = userCard;
        this.webcam = webcam;
        this.root = Fxml.load(MainView.class, "main.fxml", this);
    }

    @FXML
    private void initialize() {
        who.setText(console.session.username() + " (" + console.session.role() + ") · #" + console.channel);
        connection.setId("connection");
        connection
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "● "
                                + console.status
                                        .get()
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', ' '),
                        console.status));
        connection.tooltipProperty().set(new javafx.scene.control.Tooltip());
        connection.getTooltip().textProperty().bind(console.statusDetail);
        console.status.addListener((o, was, now) -> {
            connection.getStyleClass().removeAll("ok", "warn", "bad");
            connection
                    .getStyleClass()
                    .add(
                            now == ConnectionStatus.CONNECTED
                                    ? "ok"
                                    : now == ConnectionStatus.CONNECTING || now == ConnectionStatus.RECONNECTING
                                            ? "warn"
                                            : "bad");
        });
        tilesSlot.getChildren().add(tiles.root());
        feedSlot.getChildren().add(feed.root());
        actionsSlot.getChildren().add(actions.root());
        queueTab.setContent(queue.root());
        queueTab.textProperty().bind(Bindings.format("Queue (%d)", console.queue.sizeProperty()));
        userTab.setContent(userCard.root());
        chartsTab.setContent(charts.root());
        giftsTab.setContent(tiles.giftFeed());
        settingsTab.setContent(settings.root());
        auditTab.setContent(audit.root());
        peopleTab.setContent(people.root());
        peopleTab.setId("people-tab");
        // only admins and the channel's owner manage people here (the server checks again)
        showPeopleTab(console.people.mayAppointProperty().get());
        console.people.mayAppointProperty().addListener((o, was, now) -> showPeopleTab(now));
        console.people.load();
        webcamTab.setContent(webcam.root());
        feed.list().setContextMenu(feedMenu());
        TextArea keys = new TextArea(Shortcuts.HELP);
        keys.setEditable(false);
        helpTab.setContent(keys);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == webcamTab) {
                webcam.shown();
            } else if (now == auditTab) {
                console.audit.load();
                console.sanctions.load();
            } else if (now == peopleTab) {
                console.people.load();
            }
        });
    }

    private ContextMenu feedMenu() {
        ContextMenu menu = new ContextMenu();
        for (MutePreset preset : MutePreset.values()) {
            MenuItem item = new MenuItem("Mute " + preset);
            item.setOnAction(e -> onSelectedAuthor(user -> console.mute(user, preset)));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem delete = new MenuItem("Delete message…");
        delete.setOnAction(e -> deleteSelected());
        MenuItem pin = new MenuItem("Pin message");
        pin.setOnAction(e -> pinSelected());
        MenuItem unpin = new MenuItem("Unpin");
        unpin.setOnAction(e -> console.actions.unpin());
        menu.getItems().addAll(delete, pin, unpin);
        menu.getItems().add(menuItem("Unmute", user -> actions.run(UserAction.Kind.UNMUTE, user)));
        menu.getItems().add(menuItem("Kick…", user -> actions.run(UserAction.Kind.KICK, user)));
        menu.getItems().add(menuItem("Ban…", user -> actions.run(UserAction.Kind.BAN, user)));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(menuItem("User card", this::showUser));
        menu.getItems().add(menuItem("Only this user", feed::filterUser));
        return menu;
    }

    private MenuItem menuItem(String text, java.util.function.Consumer<String> onUser) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> onSelectedAuthor(onUser));
        return item;
    }

    private void onSelectedAuthor(java.util.function.Consumer<String> onUser) {
        FeedItem selected = feed.selected();
        if (selected != null) {
            console.suggestReason(selected.topCategory());
            onUser.accept(selected.user());
        }
    }

    /** Deletes the selected message for everyone, after confirmation (Delete, or the feed's menu). */
    void deleteSelected() {
        FeedItem selected = feed.selected();
        if (selected != null && !selected.deleted()) {
            actions.deleteMessage(selected.id(), selected.user(), selected.text());
        }
    }

    /** Pins the selected message for everyone in the channel (P, or the feed's menu). */
    void pinSelected() {
        FeedItem selected = feed.selected();
        if (selected != null && !selected.deleted() && !selected.hiddenFromViewers()) {
            console.actions.pin(selected.id(), selected.user());
        }
    }

    private void showPeopleTab(boolean show) {
        if (show && !tabs.getTabs().contains(peopleTab)) {
            tabs.getTabs().add(peopleTab); // last, so Ctrl+1 … 8 keep their tabs
        } else if (!show) {
            tabs.getTabs().remove(peopleTab);
        }
    }

    /** Opens the user card for a user. */
    void showUser(String user) {
        console.userCard.show(user);
        console.actions.targetProperty().set(user);
        tabs.getSelectionModel().select(userTab);
    }

    void close() {
        charts.stop();
    }

    public Parent root() {
        return root;
    }
}
