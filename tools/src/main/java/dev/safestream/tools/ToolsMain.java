package dev.safestream.tools;

import dev.safestream.models.training.TrainCommand;
import dev.safestream.tools.loadtest.LoadTestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar safestream-tools.jar <command>}: the tools that stay off the server's class path (model training
 * with its protobuf and CSV libraries, the load generator with its histograms). {@code ./safestream train} and
 * {@code ./safestream loadtest} run this jar.
 */
@Command(
        name = "safestream-tools",
        mixinStandardHelpOptions = true,
        description = "SafeStream's tools: train the moderation models, load-test a server.",
        subcommands = {TrainCommand.class, LoadTestCommand.class, CommandLine.HelpCommand.class})
public final class ToolsMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ToolsMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
