package dev.safestream.console;

import dev.safestream.console.app.ConsoleApp;
import javafx.application.Application;

/**
 * Entry point of {@code safestream-console.jar}: {@code [--server URL] [--user NAME] [--channel NAME]}, password in
 * {@code SAFESTREAM_PASSWORD}. Not an {@code Application} itself, so the shaded jar starts with JavaFX on the class
 * path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
