package dev.safestream.console.app;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Command line: {@code [--server URL] [--user NAME] [--channel NAME]}; with {@code --server}, {@code --user} and the
 * password in {@code SAFESTREAM_PASSWORD} the console logs in without the dialog.
 *
 * @param server the server, or {@code null} for the remembered one
 * @param user the username, or {@code null}
 * @param password from the environment, or {@code null}
 * @param channel the channel to moderate
 */
public record LaunchOptions(URI server, String user, String password, String channel) {
    public static final String PASSWORD_ENV = "SAFESTREAM_PASSWORD";

    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        URI server = null;
        String user = null;
        String channel = "main";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && List.of("--server", "--user", "--channel").contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--server" -> server = URI.create(value);
                case "--user" -> user = value;
                case "--channel" -> channel = value;
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + arg + "; usage: [--server URL] [--user NAME] [--channel NAME]");
            }
        }
        String password = env.get(PASSWORD_ENV);
        return new LaunchOptions(server, user, password == null || password.isEmpty() ? null : password, channel);
    }

    /** The credentials for a login without the dialog, when all three are given. */
    public Optional<LaunchOptions> scripted() {
        return server != null && user != null && password != null ? Optional.of(this) : Optional.empty();
    }
}
