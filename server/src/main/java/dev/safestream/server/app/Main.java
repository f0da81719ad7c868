package dev.safestream.server.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar safestream-server.jar <command>}: serve, score, ready, users, simulate; train and loadtest are in {@code safestream-tools.jar}. */
@Command(
        name = "safestream-server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "SafeStream: self-hosted, ML-moderated live-stream chat.",
        footer = {
            "",
            "The moderator console is a desktop app of its own: ./safestream console",
            "[--server URL] from a checkout, or safestream-console from its package.",
            "Training and load tests run from a checkout: ./safestream train,",
            "./safestream loadtest (safestream-tools.jar, off the server's class path)."
        },
        subcommands = {
            ServeCommand.class,
            ScoreCommand.class,
            ReadyCommand.class,
            UsersCommand.class,
            dev.safestream.server.simulate.SimulateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.bridgeJul();
        // serve returns only once the JVM is shutting down, so exiting here is always right
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for tests that run subcommands in process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
