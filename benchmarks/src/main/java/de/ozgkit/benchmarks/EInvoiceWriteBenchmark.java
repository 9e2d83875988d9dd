package de.ozgkit.benchmarks;

import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.XRechnungWriter;
import de.ozgkit.einvoice.internal.xml.CiiWriter;
import de.ozgkit.einvoice.internal.xml.StaxXmlSink;
import de.ozgkit.einvoice.internal.xml.UblWriter;
import de.ozgkit.einvoice.model.Invoice;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Writing the 10-line XRechnung 3.0 invoice of {@link EInvoiceBenchmarkData} from an in-memory model to
 * XML bytes in memory, single-threaded, documents per second: ozgkit's {@link XRechnungWriter} (CII and
 * UBL) against Mustang's {@code ZUGFeRD2PullProvider} with the XRECHNUNG profile (CII), and the same
 * writers on the JDK's {@code XMLStreamWriter} ({@code StaxXmlSink}) instead of ozgkit's own XML writer
 * ({@code XmlOut}), which ozgkit keeps only while it is faster and writes the same bytes.
 *
 * <p>Both models are made once in the setup from the same document: ozgkit's by its reader, Mustang's
 * {@code org.mustangproject.Invoice} with Mustang's API from ozgkit's model
 * ({@link EInvoiceBenchmarkData#mustangInvoice(Invoice)}). The setup checks that
 * every writer's output is a valid XRechnung (ozgkit's validator, zero errors) with the same number,
 * lines and amount due, and refuses to run otherwise. Mustang computes the totals while it writes (its
 * model holds no totals); ozgkit's model holds them, computed when the invoice was built, so
 * {@link #ozgkitCiiBuildAndWrite()} adds the deriving builder (line amounts, VAT breakdown, totals and
 * the rule checks) to the write for comparison.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EInvoiceWrite -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EInvoiceWriteBenchmark {

    private Invoice invoice;
    private org.mustangproject.Invoice mustangInvoice;

    /** Reads the invoice into both models and checks that all writers produce the same valid invoice. */
    @Setup
    public void setUp() throws Exception {
        byte[] cii = EInvoiceBenchmarkData.tenLineCii();
        invoice = EInvoices.read(cii);
        mustangInvoice = EInvoiceBenchmarkData.mustangInvoice(invoice);

        EInvoiceValidator validator = EInvoiceValidator.create();
        check(validator, "ozgkit CII", ozgkitCii());
        check(validator, "ozgkit UBL", ozgkitUbl());
        check(validator, "ozgkit CII with the builder", ozgkitCiiBuildAndWrite());
        check(validator, "Mustang CII", mustangCii());
        if (!Arrays.equals(jdkStaxCii(), ozgkitCii()) || !Arrays.equals(jdkStaxUbl(), ozgkitUbl())) {
            throw new IllegalStateException("the writers on the JDK's XMLStreamWriter write other bytes than on XmlOut");
        }
    }

    private void check(EInvoiceValidator validator, String what, byte[] xml) {
        ValidationReport report = validator.validate(xml);
        if (!report.valid()) {
            throw new IllegalStateException(what + " does not write a valid invoice:\n" + report);
        }
        Invoice written = EInvoices.read(xml);
        if (!written.number().equals(invoice.number()) || written.lines().size() != invoice.lines().size()
                || written.totals().amountDue().compareTo(invoice.totals().amountDue()) != 0) {
            throw new IllegalStateException(what + " writes other content: number " + written.number() + ", "
                    + written.lines().size() + " lines, amount due " + written.totals().amountDue());
        }
    }

    /** @return the invoice as XRechnung CII, written by ozgkit */
    @Benchmark
    public byte[] ozgkitCii() {
        return XRechnungWriter.cii().toBytes(invoice);
    }

    /** @return the invoice as XRechnung UBL, written by ozgkit */
    @Benchmark
    public byte[] ozgkitUbl() {
        return XRechnungWriter.ubl().toBytes(invoice);
    }

    /** @return the invoice as XRechnung CII, ozgkit's writer on the JDK's XMLStreamWriter */
    @Benchmark
    public byte[] jdkStaxCii() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + 2048 * invoice.lines().size());
        CiiWriter.write(invoice, new StaxXmlSink(out));
        return out.toByteArray();
    }

    /** @return the invoice as XRechnung UBL, ozgkit's writer on the JDK's XMLStreamWriter */
    @Benchmark
    public byte[] jdkStaxUbl() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + 2048 * invoice.lines().size());
        UblWriter.write(invoice, new StaxXmlSink(out));
        return out.toByteArray();
    }

    /** @return the invoice rebuilt with the deriving builder (amounts, breakdown, totals, rule checks), then written as CII */
    @Benchmark
    public byte[] ozgkitCiiBuildAndWrite() {
        return XRechnungWriter.cii().toBytes(invoice.toBuilder().build());
    }

    /** @return the invoice as XRechnung CII, written by Mustang (ZUGFeRD2PullProvider, profile XRECHNUNG) */
    @Benchmark
    public byte[] mustangCii() {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("XRECHNUNG"));
        provider.generateXML(mustangInvoice);
        return provider.getXML();
    }
}
