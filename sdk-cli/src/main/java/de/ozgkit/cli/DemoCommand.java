package de.ozgkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ozgkit demo}: runs the {@linkplain DemoSteps demo steps} against an embedded sandbox,
 * prints each step and a summary. Exit code 0 when all steps pass, 1 when one fails (the steps
 * after it are skipped).
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Run the SDK end to end against an embedded sandbox on 127.0.0.1.",
                "Prints each step and a summary; exit code 0 when all steps pass, else 1.",
                "With --out DIR it keeps what it produced there."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tls", description = "run the sandbox with HTTPS and trust its generated CA")
    boolean tls;

    @Option(names = "--out", paramLabel = "DIR",
            description = "keep what the demo produced in this folder (created if needed): the invoice as CII and"
                    + " UBL, the validation report, the payment transaction and the portal's receipt")
    Path outDir;

    /** Creates the command (picocli instantiates it). */
    public DemoCommand() {
    }

    @Override
    public Integer call() {
        return run(DemoSteps.create());
    }

    /**
     * Runs the given steps in order.
     *
     * @param steps the steps
     * @return {@link ExitCode#OK} when all pass, else {@link ExitCode#NEGATIVE}
     */
    int run(List<DemoStep> steps) {
        PrintWriter out = spec.commandLine().getOut();
        if (outDir != null) {
            createOutputFolder();
        }
        out.println("ozgkit demo: " + steps.size() + " steps against an embedded sandbox" + (tls ? " (HTTPS)" : ""));
        int passed = 0;
        int failed = 0;
        List<String> kept;
        try (DemoContext context = new DemoContext(tls, outDir)) {
            for (int i = 0; i < steps.size(); i++) {
                DemoStep step = steps.get(i);
                String prefix = "[" + (i + 1) + "/" + steps.size() + "] " + step.title() + ": ";
                if (failed > 0) {
                    out.println(prefix + "skipped");
                    continue;
                }
                try {
                    String outcome = step.run(context);
                    out.println(prefix + "ok, " + OzgkitCommand.oneLine(outcome));
                    passed++;
                } catch (Exception e) {
                    out.println(prefix + "FAILED, " + OzgkitCommand.describe(e));
                    failed++;
                }
                out.flush();
            }
            kept = context.kept();
        }
        if (outDir != null) {
            out.println("kept in " + outDir + ": " + (kept.isEmpty() ? "nothing" : String.join(", ", kept)));
        }
        int skipped = steps.size() - passed - failed;
        out.println("demo " + (failed == 0 ? "passed" : "failed") + ": " + passed + " of " + steps.size() + " steps passed"
                + (failed > 0 ? ", " + failed + " failed, " + skipped + " skipped" : ""));
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private void createOutputFolder() {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + outDir + " is a file; give a folder");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + outDir + " cannot be created: "
                    + CliFiles.reason(e));
        }
    }
}
