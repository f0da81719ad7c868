package dev.safestream.console.app;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: {@code [--server URL] [--user NAME] [--channel NAME]}, plus {@code --help} and {@code --version}; with
 * {@code --server}, {@code --user} and the password in {@code SAFESTREAM_PASSWORD} the console logs in without the
 * dialog. The password never comes from the command line, where other users of the machine could read it.
 *
 * @param server the server, or {@code null} for the remembered one
 * @param user the username, or {@code null}
 * @param password from the environment, or {@code null}
 * @param channel the channel to moderate
 */
public record LaunchOptions(URI server, String user, String password, String channel) {
    public static final String PASSWORD_ENV = "SAFESTREAM_PASSWORD";

    /** Exit code for arguments the console does not understand. */
    public static final int USAGE_ERROR = 2;

    /**
     * Reads the options; {@code --help} and {@code --version} are accepted and ignored here (see
     * {@link #answerWithoutWindow}).
     *
     * @throws IllegalArgumentException for an unknown option or a missing or malformed value
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        Cli cli = new Cli();
        try {
            commandLine(cli).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(message(e), e);
        }
        String password = env.get(PASSWORD_ENV);
        return new LaunchOptions(
                cli.server, cli.user, password == null || password.isEmpty() ? null : password, cli.channel);
    }

    /**
     * Answers what needs no window: usage for {@code --help} and the version for {@code --version} on {@code out}
     * (exit 0), a bad argument with the usage on {@code err} (exit {@value #USAGE_ERROR}). Empty when the console
     * should start.
     */
    public static OptionalInt answerWithoutWindow(List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(new Cli());
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            if (parsed.isUsageHelpRequested()) {
                cli.usage(out);
            } else if (parsed.isVersionHelpRequested()) {
                cli.printVersionHelp(out);
            } else {
                return OptionalInt.empty();
            }
            out.flush();
            return OptionalInt.of(0);
        } catch (CommandLine.ParameterException e) {
            err.println("safestream-console: " + message(e));
            cli.usage(err);
            err.flush();
            return OptionalInt.of(USAGE_ERROR);
        }
    }

    /** {@code safestream-console 0.1.0}, from the jar's manifest; {@code development} when run from classes. */
    public static String version() {
        // any class of the shaded jar carries its manifest's Implementation-Version; this one keeps app/ off Main
        String v = LaunchOptions.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static CommandLine commandLine(Cli cli) {
        // a user name may start with @; it is not a file of more arguments
        return new CommandLine(cli).setExpandAtFiles(false);
    }

    private static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption()) {
            String unknown = u.getUnmatched().getFirst();
            List<String> suggestions = u.getSuggestions();
            return "unknown option " + unknown
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
        }
        return e.getMessage();
    }

    /** The credentials for a login without the dialog, when all three are given. */
    public Optional<LaunchOptions> scripted() {
        return server != null && user != null && password != null ? Optional.of(this) : Optional.empty();
    }

    /** picocli's view of the options; {@link LaunchOptions} is what the rest of the console sees. */
    @Command(
            name = "safestream-console",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description = "SafeStream moderator console: live feed, review queue, charts and actions for a channel.",
            footer = {
                "",
                "With --server, --user and the password in " + PASSWORD_ENV + " the console logs in without the dialog."
            })
    static final class Cli {
        @Option(names = "--server", paramLabel = "URL", description = "Server to log in to (default: the last one).")
        URI server;

        @Option(names = "--user", paramLabel = "NAME", description = "Moderator username.")
        String user;

        @Option(
                names = "--channel",
                paramLabel = "NAME",
                defaultValue = "main",
                description = "Channel to moderate (default: ${DEFAULT-VALUE}).")
        String channel;

        static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"safestream-console " + version()};
            }
        }
    }
}
