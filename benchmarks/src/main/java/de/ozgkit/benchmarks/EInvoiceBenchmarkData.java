package de.ozgkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The invoices the e-invoice benchmarks share. */
public final class EInvoiceBenchmarkData {

    /** Class-path name of the 10-line XRechnung 3.0 CII invoice (valid, made up for the benchmarks). */
    public static final String TEN_LINE_CII = "xrechnung-10-lines.cii.xml";

    private EInvoiceBenchmarkData() {
    }

    /**
     * @return the 10-line XRechnung 3.0 CII invoice
     */
    public static byte[] tenLineCii() {
        try (InputStream in = EInvoiceBenchmarkData.class.getResourceAsStream(TEN_LINE_CII)) {
            if (in == null) {
                throw new IllegalStateException(TEN_LINE_CII + " is missing from the benchmarks jar; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
