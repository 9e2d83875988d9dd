package de.ozgkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
                "Prints each step and a summary; exit code 0 when all steps pass, else 1."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tls", description = "run the sandbox with HTTPS and trust its generated CA")
    boolean tls;

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
        out.println("ozgkit demo: " + steps.size() + " steps against an embedded sandbox" + (tls ? " (HTTPS)" : ""));
        int passed = 0;
        int failed = 0;
        try (DemoContext context = new DemoContext(tls)) {
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
        }
        int skipped = steps.size() - passed - failed;
        out.println("demo " + (failed == 0 ? "passed" : "failed") + ": " + passed + " of " + steps.size() + " steps passed"
                + (failed > 0 ? ", " + failed + " failed, " + skipped + " skipped" : ""));
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}
