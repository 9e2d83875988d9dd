package de.ozgkit.cli;

import de.ozgkit.core.id.InvalidIdentifierException;
import de.ozgkit.core.id.LeitwegId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ozgkit leitweg-id}: check Leitweg-IDs and compute their check digits. */
@Command(name = "leitweg-id",
        mixinStandardHelpOptions = true,
        description = "Check Leitweg-IDs (buyer reference BT-10 of an XRechnung) and compute their check digits.",
        subcommands = {LeitwegIdCommand.Check.class, LeitwegIdCommand.Complete.class})
public final class LeitwegIdCommand {

    /** Creates the command (picocli instantiates it). */
    public LeitwegIdCommand() {
    }

    /** {@code ozgkit leitweg-id check ID...}: prints {@code ID: valid} or {@code ID: invalid (reason)}. */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {"Check Leitweg-IDs: format and MOD 97-10 check digits.",
                    "Prints 'ID: valid' or 'ID: invalid (reason)' per id; exit code 0 if all are valid, else 1."})
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Leitweg-IDs such as 991-33333TEST-33")
        List<String> ids;

        /** Creates the command (picocli instantiates it). */
        public Check() {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean allValid = true;
            for (String id : ids) {
                Optional<String> problem = LeitwegId.check(id);
                if (problem.isEmpty()) {
                    out.println(id + ": valid");
                } else {
                    allValid = false;
                    out.println(id + ": invalid (" + problem.get() + ")");
                }
            }
            out.flush();
            return allValid ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    /** {@code ozgkit leitweg-id complete COARSE[-FINE]...}: prints the id with its check digits. */
    @Command(name = "complete",
            mixinStandardHelpOptions = true,
            description = {"Append the check digits to a coarse part or a coarse-fine pair.",
                    "E.g. 991-33333TEST -> 991-33333TEST-33. Exit code 1 if a part is malformed."})
    public static final class Complete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "COARSE[-FINE]", arity = "1..*", description = "e.g. 991-33333TEST or 04011000")
        List<String> parts;

        /** Creates the command (picocli instantiates it). */
        public Complete() {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int code = ExitCode.OK;
            for (String part : parts) {
                try {
                    out.println(LeitwegId.complete(part));
                } catch (InvalidIdentifierException e) {
                    err.println(spec.qualifiedName() + ": cannot complete \"" + part + "\": " + e.reason());
                    code = ExitCode.NEGATIVE;
                }
            }
            out.flush();
            err.flush();
            return code;
        }
    }
}
