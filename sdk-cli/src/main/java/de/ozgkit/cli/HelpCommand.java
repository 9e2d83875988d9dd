package de.ozgkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;

/**
 * {@code ozgkit help [COMMAND [SUBCOMMAND...]]}: prints the help of the command the path names,
 * e.g. {@code ozgkit help leitweg-id check} the help of {@code ozgkit leitweg-id check} (picocli's
 * own help command looks at the first name only).
 */
@Command(name = "help",
        helpCommand = true,
        mixinStandardHelpOptions = true,
        description = "Print the help of a command, e.g. 'ozgkit help leitweg-id check'.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command and its subcommands, e.g. leitweg-id check")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    /** Creates the command (picocli instantiates it). */
    public HelpCommand() {
    }

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                String known = target.getSubcommands().isEmpty() ? "it has no subcommands"
                        : "its commands are " + String.join(", ", target.getSubcommands().keySet());
                throw new CommandLine.ParameterException(self, "'" + target.getCommandSpec().qualifiedName()
                        + "' has no command '" + name + "'; " + known);
            }
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }
}
