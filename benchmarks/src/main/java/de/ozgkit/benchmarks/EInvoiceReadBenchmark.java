package de.ozgkit.benchmarks;

import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the 10-line XRechnung 3.0 invoice of {@link EInvoiceBenchmarkData} from XML bytes in memory
 * into a model, single-threaded, documents per second: ozgkit's reader (CII and UBL, the UBL document
 * written from the same model) against Mustang's {@code ZUGFeRDInvoiceImporter} (CII into an
 * {@code org.mustangproject.Invoice}). The setup checks that every reader sees the same number, lines
 * and amount due, and refuses to run otherwise.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EInvoiceRead -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EInvoiceReadBenchmark {

    private byte[] cii;
    private byte[] ubl;

    /** Loads the CII document, writes its UBL form and checks that all readers agree. */
    @Setup
    public void setUp() throws Exception {
        cii = EInvoiceBenchmarkData.tenLineCii();
        Invoice expected = EInvoices.read(cii);
        ubl = EInvoices.write(expected, InvoiceSyntax.UBL);
        if (!ozgkitUbl().equals(expected)) {
            throw new IllegalStateException("ozgkit reads the UBL form into another model");
        }
        org.mustangproject.Invoice m = mustangCii();
        BigDecimal due = new TransactionCalculator(m).getDuePayable();
        if (!expected.number().equals(m.getNumber()) || m.getZFItems().length != expected.lines().size()
                || due == null || due.compareTo(expected.totals().amountDue()) != 0) {
            throw new IllegalStateException("Mustang reads other content: number " + m.getNumber() + ", "
                    + m.getZFItems().length + " lines, amount due " + due);
        }
    }

    /** @return the CII document read by ozgkit */
    @Benchmark
    public Invoice ozgkitCii() {
        return EInvoices.read(cii);
    }

    /** @return the UBL document read by ozgkit */
    @Benchmark
    public Invoice ozgkitUbl() {
        return EInvoices.read(ubl);
    }

    /** @return the CII document read by Mustang's ZUGFeRDInvoiceImporter */
    @Benchmark
    public org.mustangproject.Invoice mustangCii() throws Exception {
        return EInvoiceBenchmarkData.mustangRead(cii);
    }
}
