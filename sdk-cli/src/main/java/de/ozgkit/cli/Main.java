package de.ozgkit.cli;

import java.io.PrintWriter;

/** Entry point of {@code ozgkit.jar}: runs {@link OzgkitCommand} and exits with its exit code. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = OzgkitCommand.execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
