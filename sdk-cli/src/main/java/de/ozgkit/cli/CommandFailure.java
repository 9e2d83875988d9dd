package de.ozgkit.cli;

/**
 * Ends a command with a given exit code and a one-line reason on standard error (printed as
 * {@code <command>: <reason>} by {@link OzgkitCommand}). For outcomes that are not usage errors,
 * e.g. an input of the right kind whose content is refused (exit code {@link ExitCode#NEGATIVE}) or
 * an input that cannot be read at all ({@link ExitCode#USAGE_OR_IO}).
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * Creates the failure.
     *
     * @param exitCode the exit code, see {@link ExitCode}
     * @param reason   what went wrong and how to fix it, one line
     */
    public CommandFailure(int exitCode, String reason) {
        super(reason, null, false, false);
        this.exitCode = exitCode;
    }

    /** @return the exit code */
    public int exitCode() {
        return exitCode;
    }
}
