package de.ozgkit.benchmarks;

import de.ozgkit.einvoice.EInvoiceValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Cold start: the first validation of the 10-line XRechnung CII invoice in a fresh JVM, ozgkit against
 * Mustang. Each run starts a new JVM from this jar's class path (options below), validates once and
 * exits; ozgkit and Mustang take turns. Prints median, minimum and maximum of
 * <ul>
 *   <li><b>first validation</b>: from {@code main} to the verdict (loading and compiling the rule sets
 *       included);</li>
 *   <li><b>since launch</b>: from starting the child process to the verdict, the JVM's own start-up
 *       included;</li>
 *   <li><b>process</b>: wall time of the whole child process, exit included;</li>
 *   <li><b>CPU at verdict</b>: CPU time the child JVM had used by then, all its threads together
 *       (JIT compiler and garbage collector included); less sensitive than wall time to other work on
 *       the machine, and with two idle cores the wall time cannot go below half of it.</li>
 * </ul>
 *
 * <p>Options for the child JVMs (both tools get the same): {@code --jvm "OPTIONS"}, e.g.
 * {@code --jvm "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}; {@code --cds} gives each tool a class-data
 * sharing archive of its own, made by one unmeasured run per tool ({@code -XX:ArchiveClassesAtExit}) before
 * the measured runs, which use it ({@code -XX:SharedArchiveFile}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar de.ozgkit.benchmarks.EInvoiceColdStart [runs, default 5] [--cds] [--jvm "OPTIONS"]</pre>
 */
public final class EInvoiceColdStart {

    private static final String CHILD = "--child";
    private static final String[] TOOLS = {"ozgkit", "mustang"};

    private EInvoiceColdStart() {
    }

    /**
     * @param args {@code [runs]}, or {@code --child ozgkit|mustang} inside a child JVM
     * @throws Exception if a child JVM fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && CHILD.equals(args[0])) {
            child(args[1]);
            return;
        }
        int runs = 5;
        boolean cds = false;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cds" -> cds = true;
                case "--jvm" -> jvm.addAll(List.of(args[++i].trim().split("\\s+")));
                default -> runs = Integer.parseInt(args[i]);
            }
        }
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        String classPath = System.getProperty("java.class.path");
        List<List<String>> options = new ArrayList<>();
        Path archives = cds ? Files.createTempDirectory("ozgkit-coldstart-cds") : null;
        for (String tool : TOOLS) {
            List<String> o = new ArrayList<>(jvm);
            if (cds) {
                String archive = archives.resolve(tool + ".jsa").toString();
                List<String> dump = new ArrayList<>(o);
                dump.add("-XX:ArchiveClassesAtExit=" + archive);
                runChild(java, dump, classPath, tool);
                o.add("-XX:SharedArchiveFile=" + archive);
            }
            options.add(o);
        }
        List<List<double[]>> results = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < runs; r++) {
            for (int t = 0; t < TOOLS.length; t++) {
                // alternate the order so that neither tool always runs right after the other
                int tool = r % 2 == 0 ? t : TOOLS.length - 1 - t;
                results.get(tool).add(runChild(java, options.get(tool), classPath, TOOLS[tool]));
            }
        }
        System.out.printf(Locale.ROOT, "%nFirst validation of %s in a fresh JVM, %d runs each (ms: median / min / max)"
                + "%nJVM options: %s%s%n", EInvoiceBenchmarkData.TEN_LINE_CII, runs, jvm.isEmpty() ? "none" : String.join(" ", jvm),
                cds ? ", a class-data sharing archive per tool" : "");
        System.out.printf(Locale.ROOT, "%-8s %-22s %-22s %-22s %-22s%n", "tool", "first validation", "since launch",
                "process", "CPU at verdict");
        for (int t = 0; t < TOOLS.length; t++) {
            List<double[]> rs = results.get(t);
            System.out.printf(Locale.ROOT, "%-8s %-22s %-22s %-22s %-22s%n", TOOLS[t], stats(rs, 0), stats(rs, 1),
                    stats(rs, 2), stats(rs, 3));
        }
    }

    private static double[] runChild(String java, List<String> jvm, String classPath, String tool)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath,
                EInvoiceColdStart.class.getName(), CHILD, tool));
        long start = System.nanoTime();
        long launched = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        for (String line : out.split("\\R")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                if (exit != 0 || !"true".equals(f[4])) {
                    throw new IllegalStateException(tool + " did not call the invoice valid:\n" + out);
                }
                return new double[] {Double.parseDouble(f[2]), Long.parseLong(f[3]) - launched, wall,
                        Double.parseDouble(f[5])};
            }
        }
        throw new IllegalStateException(tool + " child JVM failed (exit " + exit + "):\n" + out);
    }

    private static void child(String tool) {
        long start = System.nanoTime();
        byte[] invoice = EInvoiceBenchmarkData.tenLineCii();
        boolean valid;
        if ("ozgkit".equals(tool)) {
            valid = EInvoiceValidator.create().validate(invoice).valid();
        } else {
            ZUGFeRDValidator v = new ZUGFeRDValidator();
            v.validate(invoice, EInvoiceBenchmarkData.TEN_LINE_CII);
            valid = v.wasCompletelyValid();
        }
        double first = (System.nanoTime() - start) / 1e6;
        long now = System.currentTimeMillis();
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "RESULT %s %.1f %d %s %.1f%n", tool, first, now, valid, cpu);
    }

    private static String stats(List<double[]> runs, int column) {
        double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", median, v[0], v[v.length - 1]);
    }
}
