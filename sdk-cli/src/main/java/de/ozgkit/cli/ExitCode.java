package de.ozgkit.cli;

/** The exit codes of the {@code ozgkit} command. */
public final class ExitCode {

    /** Success: everything checked out. */
    public static final int OK = 0;
    /** A negative answer: an invalid identifier or document, a failed demo step. */
    public static final int NEGATIVE = 1;
    /** A usage error (unknown option, missing argument) or an I/O error; the reason is on stderr. */
    public static final int USAGE_OR_IO = 2;

    private ExitCode() {
    }
}
