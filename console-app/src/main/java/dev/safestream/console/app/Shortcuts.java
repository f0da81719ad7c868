package dev.safestream.console.app;

import dev.safestream.console.actions.MutePreset;
import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.net.QueueItem;
import dev.safestream.console.net.UserAction;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the main window, in one place, and {@link #HELP}, the text the Keys tab shows (kept in
 * step with README). Letter keys act only while the feed or queue list has focus, never while typing in a field.
 */
final class Shortcuts {
    static final String HELP = """
            Anywhere
              Ctrl+L        focus the live feed          Ctrl+Q   focus the review queue
              Ctrl+F        search the feed              Ctrl+S   save moderation settings
              Ctrl+1 … 8    switch tab (Queue, User, Charts, Gifts, Settings, Audit, Webcam, Keys)
              Ctrl+9        People (admins and the channel's owner)
              F1            this list

            Live feed (list focused; acts on the selected message's author)
              Space         pause / resume (hovering the list pauses too); End resumes and jumps to newest
              Esc           clear every filter
              W             warn (chat waits until they acknowledge)
              M             mute for the chosen length      1 2 3 4 5   mute 10 s, 1 min, 10 min, 1 h, 24 h
              K             kick (asks first)              B           ban (asks first)
              U or Enter    open the user card             F           show only this user
              Delete        delete the message for everyone (asks first)     P   pin it (the menu unpins)

            Review queue (list focused)
              A approve     H highlight     R reject     ↑ ↓ move
              W, M, 1 … 5, K, B, U act on the message's author as in the feed

            Right-click a feed row for the same actions.
            """;

    private Shortcuts() {}

    /** Installs the shortcuts for {@code main}, removing those of an earlier console; returns the scene filter. */
    static EventHandler<KeyEvent> install(Scene scene, MainView main, EventHandler<KeyEvent> previous) {
        if (previous != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, previous);
        }
        EventHandler<KeyEvent> filter = e -> {
            if (global(e, main)) {
                e.consume();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        main.feed.list().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && feed(e.getCode(), main)) {
                e.consume();
            }
        });
        main.queue.list().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            QueueItem item = main.queue.list().getSelectionModel().getSelectedItem();
            if (item != null
                    && !e.isShortcutDown()
                    && !e.isAltDown()
                    && author(e.getCode(), item.user(), top(item), main)) {
                e.consume();
            }
        });
        return filter;
    }

    private static String top(QueueItem item) {
        return item.categories().entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(null);
    }

    private static boolean global(KeyEvent e, MainView main) {
        if (e.getCode() == KeyCode.F1) {
            main.tabs.getSelectionModel().select(main.helpTab);
            return true;
        }
        if (!e.isShortcutDown()) {
            return false;
        }
        switch (e.getCode()) {
            case L -> main.feed.list().requestFocus();
            case Q -> {
                main.tabs.getSelectionModel().select(main.queueTab);
                main.queue.focus();
            }
            case F -> main.feed.focusSearch();
            case S -> {
                main.tabs.getSelectionModel().select(main.settingsTab);
                main.settings.save();
            }
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6, DIGIT7, DIGIT8, DIGIT9 ->
                main.tabs.getSelectionModel().select(e.getCode().ordinal() - KeyCode.DIGIT1.ordinal());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean feed(KeyCode code, MainView main) {
        switch (code) {
            case SPACE -> {
                main.feed.togglePause();
                return true;
            }
            case END -> {
                main.feed.resume();
                return true;
            }
            case ESCAPE -> {
                main.feed.clearFilters();
                return true;
            }
            default -> {}
        }
        FeedItem item = main.feed.selected();
        if (item == null) {
            return false;
        }
        if (code == KeyCode.F) {
            main.feed.filterUser(item.user());
            return true;
        }
        if (code == KeyCode.DELETE) {
            main.deleteSelected();
            return true;
        }
        if (code == KeyCode.P) {
            main.pinSelected();
            return true;
        }
        return author(code, item.user(), item.topCategory(), main);
    }

    /** Acts on a message's author: W, M, 1–5, K, B, U/Enter. A blank reason becomes the message's top category. */
    static boolean author(KeyCode code, String user, String category, MainView main) {
        switch (code) {
            case W, M, DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, K, B -> main.console.suggestReason(category);
            default -> {}
        }
        switch (code) {
            case W -> main.actions.run(UserAction.Kind.WARN, user);
            case M -> main.actions.run(UserAction.Kind.MUTE, user);
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5 ->
                main.console.mute(user, MutePreset.values()[code.ordinal() - KeyCode.DIGIT1.ordinal()]);
            case K -> main.actions.run(UserAction.Kind.KICK, user);
            case B -> main.actions.run(UserAction.Kind.BAN, user);
            case U, ENTER -> main.showUser(user);
            default -> {
                return false;
            }
        }
        return true;
    }
}
