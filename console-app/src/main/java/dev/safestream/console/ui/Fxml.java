package dev.safestream.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (next to its class) with the view object as controller. */
public final class Fxml {
    private Fxml() {}

    public static Parent load(Class<?> view, String file, Object controller) {
        FXMLLoader loader = new FXMLLoader(view.getResource(file));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file, e);
        }
    }
}
