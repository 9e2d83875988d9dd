package de.ozgkit.cli;

import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for the class-data sharing archive that the {@code ./ozgkit} launcher makes on first
 * use ({@code -XX:ArchiveClassesAtExit}): runs the commands whose start-up matters most, so that the
 * classes they load are in the archive. Validates and converts the built-in sample invoice in both
 * syntaxes through the normal command line, output discarded. Not part of the command line itself.
 *
 * <pre>java -XX:ArchiveClassesAtExit=ozgkit.jsa -cp ozgkit.jar de.ozgkit.cli.CdsTraining</pre>
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /**
     * Runs the training commands.
     *
     * @param args ignored
     * @throws IOException if the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("ozgkit-cds-");
        try {
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            Path ubl = Files.write(dir.resolve("sample-ubl.xml"), EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
            Path cii = Files.write(dir.resolve("sample-cii.xml"), EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
            OzgkitCommand.execute(sink, sink, "einvoice", "validate", ubl.toString(), cii.toString());
            OzgkitCommand.execute(sink, sink, "einvoice", "convert", "--to", "cii", ubl.toString(),
                    dir.resolve("converted.xml").toString());
            OzgkitCommand.execute(sink, sink, "leitweg-id", "check", SampleInvoice.LEITWEG_ID);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }
}
