package dev.safestream.console.app;

import dev.safestream.console.net.HttpServerClient;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.webcam.CameraSource;
import dev.safestream.console.webcam.SarxosCameraSource;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.prefs.Preferences;

/**
 * What the console takes from the outside world, so tests can swap any of it: arguments, environment, clock,
 * preferences node, cameras, and how a server client is made.
 */
public record ConsoleEnvironment(
        List<String> args,
        Map<String, String> env,
        Clock clock,
        Preferences prefs,
        CameraSource cameras,
        Function<URI, ServerClient> clients) {

    /** The real thing: system clock, the user's preferences, webcam-capture with a 3 s discovery limit. */
    public static ConsoleEnvironment system(List<String> args) {
        Clock clock = Clock.systemUTC();
        return new ConsoleEnvironment(
                args,
                System.getenv(),
                clock,
                Preferences.userRoot().node("dev/safestream/console"),
                new SarxosCameraSource(3_000),
                uri -> new HttpServerClient(uri, clock));
    }
}
