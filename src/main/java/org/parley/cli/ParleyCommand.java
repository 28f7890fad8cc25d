package org.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: {@code parley <command> [options]}; lists every sub-command. Each command line is built
 * fresh by {@link #commandLine()} and used by one thread.
 */
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
        addHelpOptions(commandLine);
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

    /**
     * Gives every command and sub-command below the root {@code -h, --help}, which prints its usage and exits 0
     * ({@code parley site set --help}). Done here, on the tree, rather than on each annotation, so that a command
     * added later has it too; only usage help, since {@code --version} is an option of {@code model activate}.
     */
    private static void addHelpOptions(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.addMixin("help", new HelpOption());
            }
            addHelpOptions(sub);
        }
    }

    /** The {@code -h, --help} option every command takes. */
    static final class HelpOption {
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    private static String helpPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder();
        for (CommandLine at = commandLine; at.getParent() != null; at = at.getParent()) {
            path.insert(0, at.getCommandName() + " ");
        }
        return path.toString();
    }
}
