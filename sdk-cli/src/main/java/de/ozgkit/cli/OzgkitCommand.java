package de.ozgkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The root of the {@code ozgkit} command: its subcommands, version and the uniform handling of
 * errors (exit code 2 with a one-line reason on standard error).
 */
@Command(name = "ozgkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tools for the OZG base services: Leitweg-IDs, payments, e-invoices, accounts, the directory, OSCI messaging, the local sandbox, the demo.",
        subcommands = {LeitwegIdCommand.class, PaymentCommand.class, EInvoiceCommand.class, AccountCommand.class, SandboxCommand.class, DemoCommand.class, DirectoryCommand.class, OsciCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a negative answer (invalid id or invoice, failed demo step)",
                "2:usage or I/O error (one-line reason on stderr)"})
public final class OzgkitCommand {

    /** Creates the command (picocli instantiates it). */
    public OzgkitCommand() {
    }

    /**
     * Builds the command line with its error handlers, writing to the given streams.
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OzgkitCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        CliWords.register(commandLine);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + CliWords.describe(e)
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return ExitCode.USAGE_OR_IO;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + describe(e));
            failed.getErr().flush();
            return e instanceof CommandFailure f ? f.exitCode() : ExitCode.USAGE_OR_IO;
        });
        return commandLine;
    }

    /**
     * Runs the command line.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code (see {@link ExitCode})
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** One line describing a failure without a stack trace. */
    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof IOException) {
            message = "I/O error: " + message;
        }
        return oneLine(message);
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
