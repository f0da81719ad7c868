package dev.safestream.console.ui;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

/** List cells that show one line of text per item, for lists that need no graphics. */
public final class TextCells {
    private TextCells() {}

    public static <T> Callback<ListView<T>, ListCell<T>> of(Function<T, String> text) {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
