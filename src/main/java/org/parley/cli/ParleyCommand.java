package org.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code parley <command> [options]}; lists every sub-command. */
@Command(
        name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Self-hosted reader comments with civility moderation built in.",
        subcommands = {
            ServeCommand.class,
            AdminCommand.class,
            SiteCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            ImportCommand.class,
            VersionCommand.class,
            ClassifyCommand.class,
            TrainCommand.class,
            ModelCommand.class,
            EvaluateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ParleyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'parley serve'.");
    }

    /**
     * The configured command line: bad usage prints one line with the reason (and a hint) on stderr and
     * exits with 2, as the contract in shared/API.md asks.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParleyCommand());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("parley: " + exception.getMessage()
                    + " (see 'parley " + helpPath(failed) + "--help')");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof UsageException usage) {
                failed.getErr().println("parley: " + usage.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }

    private static String helpPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder();
        for (CommandLine at = commandLine; at.getParent() != null; at = at.getParent()) {
            path.insert(0, at.getCommandName() + " ");
        }
        return path.toString();
    }
}
