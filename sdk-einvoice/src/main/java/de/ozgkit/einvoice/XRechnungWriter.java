package de.ozgkit.einvoice;

import de.ozgkit.einvoice.internal.xml.CiiWriter;
import de.ozgkit.einvoice.internal.xml.UblWriter;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.internal.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes an {@link Invoice} as XRechnung 3.0 XML: UBL 2.1 (an {@code Invoice}, or a
 * {@code CreditNote} when the type code denotes a credit note) or CII D16B. Streams UTF-8 through a
 * fixed-size buffer, so memory does not grow with the number of lines beyond the model itself; the output is
 * deterministic (equal models give byte-identical documents), UTF-8, indented.
 *
 * <p>{@link EInvoices#write(Invoice, InvoiceSyntax)} and its siblings are the entry point; this class is the
 * writer behind them, for code that holds a writer as a value:
 *
 * <pre>{@code
 * XRechnungWriter writer = XRechnungWriter.of(syntax);
 * writer.write(invoice, Path.of("rechnung.xml"));
 * }</pre>
 *
 * <p>The writer writes what the model holds; it does not validate. Build invoices with
 * {@link Invoice#builder()} and check documents with the validator before sending them.
 * Instances are immutable and thread-safe.
 */
public final class XRechnungWriter {

    private static final XRechnungWriter UBL = new XRechnungWriter(InvoiceSyntax.UBL);
    private static final XRechnungWriter CII = new XRechnungWriter(InvoiceSyntax.CII);

    private final InvoiceSyntax syntax;

    private XRechnungWriter(InvoiceSyntax syntax) {
        this.syntax = syntax;
    }

    /** @return a writer for UBL 2.1 */
    public static XRechnungWriter ubl() {
        return UBL;
    }

    /** @return a writer for CII D16B */
    public static XRechnungWriter cii() {
        return CII;
    }

    /**
     * @param syntax the target syntax
     * @return the writer for it
     */
    public static XRechnungWriter of(InvoiceSyntax syntax) {
        return Objects.requireNonNull(syntax, "syntax") == InvoiceSyntax.UBL ? UBL : CII;
    }

    /** @return the syntax this writer produces */
    public InvoiceSyntax syntax() {
        return syntax;
    }

    /**
     * Writes the invoice to a stream.
     *
     * @param invoice the invoice
     * @param out     the target; flushed, not closed
     * @throws EInvoiceFormatException with reason {@code UNSUPPORTED_CONTENT} if the syntax cannot carry
     *                                 part of the model (sub invoice lines and third party payments exist
     *                                 only in UBL); with reason {@code IO} if writing to the stream fails
     */
    public void write(Invoice invoice, OutputStream out) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(out, "out");
        if (syntax == InvoiceSyntax.UBL) {
            UblWriter.write(invoice, out);
        } else {
            CiiWriter.write(invoice, out);
        }
    }

    /**
     * Writes the invoice into a file so that it appears complete or not at all: into a new file beside
     * the target (permissions as for any new file; an existing target's permissions are kept), forced to
     * disk, then renamed over the target. Nothing half-written remains if writing fails; a directory at
     * the target is never replaced.
     *
     * @param invoice the invoice
     * @param file    the target file
     * @throws EInvoiceFormatException if the syntax cannot carry part of the model; with reason
     *                                 {@code IO} if the file cannot be written or is a directory
     */
    public void write(Invoice invoice, Path file) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(file, "file");
        try {
            AtomicFile.write(file, out -> write(invoice, out));
        } catch (IOException e) {
            throw EInvoiceFormatException.io("could not write the invoice to " + file + ": "
                    + (e instanceof java.nio.file.FileAlreadyExistsException ? "it is a directory; give a file name"
                            : String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * @param invoice the invoice
     * @return the document as UTF-8 bytes
     * @throws EInvoiceFormatException if the syntax cannot carry part of the model
     */
    public byte[] toBytes(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        // sized from the number of lines (a line takes one to two kilobytes), so the buffer rarely grows
        int guess = (int) Math.min(1 << 20, 8192L + 2048L * invoice.lines().size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(guess);
        write(invoice, out);
        return out.toByteArray();
    }
}
