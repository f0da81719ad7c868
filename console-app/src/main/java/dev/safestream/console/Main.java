package dev.safestream.console;

import dev.safestream.console.app.ConsoleApp;
import dev.safestream.console.app.LaunchOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import javafx.application.Application;

/**
 * Entry point of {@code safestream-console.jar}: {@code [--server URL] [--user NAME] [--channel NAME]}, password in
 * {@code SAFESTREAM_PASSWORD}. Not an {@code Application} itself, so the shaded jar starts with JavaFX on the class
 * path. {@code --help}, {@code --version} and bad arguments are answered before JavaFX starts, so they need no display.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        OptionalInt exit = LaunchOptions.answerWithoutWindow(List.of(args), writer(System.out), writer(System.err));
        if (exit.isPresent()) {
            System.exit(exit.getAsInt());
        }
        Application.launch(ConsoleApp.class, args);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true, stream.charset());
    }
}
