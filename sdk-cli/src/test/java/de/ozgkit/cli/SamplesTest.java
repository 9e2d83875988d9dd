package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample invoices in {@code samples/} at the repository root are exactly what the current
 * writers make of the demo's invoice ({@link SampleInvoice#create()}), they are valid, and
 * {@code ozgkit einvoice validate} says so. When a writer changes on purpose, regenerate them with
 * {@code ./ozgkit demo --out DIR} and copy {@code DIR/rechnung-*.xml} into {@code samples/}.
 */
class SamplesTest {

    /** Surefire runs in the module's folder; the samples sit beside it at the repository root. */
    private static final Path SAMPLES = Path.of("").toAbsolutePath().resolveSibling("samples");
    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private static Path sample(InvoiceSyntax syntax) {
        return SAMPLES.resolve(syntax == InvoiceSyntax.CII ? EInvoiceDemo.CII_FILE : EInvoiceDemo.UBL_FILE);
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void sample_isWhatTheWriterMakesOfTheDemoInvoice(InvoiceSyntax syntax) throws IOException {
        byte[] expected = EInvoices.write(SampleInvoice.create(), syntax);
        assertThat(Files.readAllBytes(sample(syntax)))
                .as("%s is out of date: regenerate with ./ozgkit demo --out DIR and copy DIR/%s into samples/",
                        sample(syntax), sample(syntax).getFileName())
                .isEqualTo(expected);
        assertThat(EInvoices.read(sample(syntax))).isEqualTo(SampleInvoice.create());
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void sample_isValid_andTheValidateCommandSaysSo(InvoiceSyntax syntax) {
        ValidationReport report = VALIDATOR.validate(sample(syntax));
        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.syntax()).contains(syntax);

        Run run = Run.of("einvoice", "validate", sample(syntax).toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(sample(syntax) + ": valid");
    }
}
