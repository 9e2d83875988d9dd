package de.ozgkit.benchmarks;

import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.ValidationReport;
import java.util.concurrent.TimeUnit;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating a warm 10-line XRechnung 3.0 CII invoice: ozgkit's {@link EInvoiceValidator} (XML Schema,
 * EN 16931 and XRechnung Schematron) against Mustang's {@code ZUGFeRDValidator}, single-threaded,
 * average time per document. Both must call the invoice valid; the setup refuses to run otherwise.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EInvoiceValidate -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EInvoiceValidateBenchmark {

    private byte[] invoice;
    private EInvoiceValidator validator;

    /** Loads the invoice, builds the validator and checks that both validators call the invoice valid. */
    @Setup
    public void setUp() {
        invoice = EInvoiceBenchmarkData.tenLineCii();
        validator = EInvoiceValidator.create();
        ValidationReport report = validator.validate(invoice);
        if (!report.valid() || !report.findings().isEmpty()) {
            throw new IllegalStateException("ozgkit does not call the benchmark invoice valid:\n" + report);
        }
        ZUGFeRDValidator mustang = new ZUGFeRDValidator();
        mustang.validate(invoice, EInvoiceBenchmarkData.TEN_LINE_CII);
        if (!mustang.wasCompletelyValid()) {
            throw new IllegalStateException("Mustang does not call the benchmark invoice valid; the verdicts differ");
        }
    }

    /**
     * @return ozgkit's report
     */
    @Benchmark
    public ValidationReport ozgkit() {
        ValidationReport report = validator.validate(invoice);
        if (!report.valid()) {
            throw new IllegalStateException("verdict changed: " + report);
        }
        return report;
    }

    /**
     * @return Mustang's report (XML text); a new validator per document, as Mustang's API requires
     */
    @Benchmark
    public String mustang() {
        ZUGFeRDValidator v = new ZUGFeRDValidator();
        String report = v.validate(invoice, EInvoiceBenchmarkData.TEN_LINE_CII);
        if (!v.wasCompletelyValid()) {
            throw new IllegalStateException("verdict changed: " + report);
        }
        return report;
    }
}
