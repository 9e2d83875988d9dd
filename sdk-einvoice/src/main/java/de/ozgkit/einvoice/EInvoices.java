package de.ozgkit.einvoice;

import de.ozgkit.einvoice.model.Invoice;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The entry point for reading, writing and converting XRechnung documents: every common use goes
 * through this class. {@link XRechnungReader} and {@link XRechnungWriter} stay public for the rarer
 * cases (other size and depth limits for very large documents, a writer held as a value).
 *
 * <pre>{@code
 * Invoice invoice = EInvoices.read(Path.of("in.xml"));                 // UBL or CII, detected
 * byte[] cii = EInvoices.write(invoice, InvoiceSyntax.CII);
 * EInvoices.write(invoice, InvoiceSyntax.UBL, Path.of("out-ubl.xml"));  // complete or not at all
 * EInvoices.convert(Path.of("in-ubl.xml"), InvoiceSyntax.CII, Path.of("out-cii.xml"));
 * }</pre>
 *
 * <p>Conversion goes through the {@link Invoice} model: what EN 16931 defines travels, syntax
 * details outside it (extensions, comments, element order) do not. Thread-safe.
 */
public final class EInvoices {

    private EInvoices() {
    }

    /**
     * @param in a UBL or CII document; read to its end, not closed
     * @return the invoice
     * @throws EInvoiceFormatException if the document cannot be read
     */
    public static Invoice read(InputStream in) {
        return XRechnungReader.create().read(in);
    }

    /**
     * @param xml a UBL or CII document
     * @return the invoice
     * @throws EInvoiceFormatException if the document cannot be read
     */
    public static Invoice read(byte[] xml) {
        return XRechnungReader.create().read(xml);
    }

    /**
     * @param file a UBL or CII document
     * @return the invoice
     * @throws EInvoiceFormatException if the document cannot be read
     */
    public static Invoice read(Path file) {
        return XRechnungReader.create().read(file);
    }

    /**
     * @param xml a document
     * @return its syntax, from the root element
     * @throws EInvoiceFormatException if it is not XML or not an invoice
     */
    public static InvoiceSyntax detectSyntax(byte[] xml) {
        return XRechnungReader.create().detectSyntax(new ByteArrayInputStream(xml));
    }

    /**
     * @param invoice the invoice
     * @param syntax  target syntax
     * @return the document as UTF-8 bytes
     * @throws EInvoiceFormatException if the syntax cannot carry part of the model
     */
    public static byte[] write(Invoice invoice, InvoiceSyntax syntax) {
        return XRechnungWriter.of(syntax).toBytes(invoice);
    }

    /**
     * @param invoice the invoice
     * @param syntax  target syntax
     * @param out     the target; flushed, not closed
     * @throws EInvoiceFormatException if the syntax cannot carry part of the model
     */
    public static void write(Invoice invoice, InvoiceSyntax syntax, OutputStream out) {
        XRechnungWriter.of(syntax).write(invoice, out);
    }

    /**
     * Writes the invoice into a file so that it appears complete or not at all (see
     * {@link XRechnungWriter#write(Invoice, Path)}).
     *
     * @param invoice the invoice
     * @param syntax  target syntax
     * @param file    the file to write; a directory there is never replaced
     * @throws EInvoiceFormatException if the syntax cannot carry part of the model; with reason {@code IO} if
     *                                 the file cannot be written
     */
    public static void write(Invoice invoice, InvoiceSyntax syntax, Path file) {
        XRechnungWriter.of(syntax).write(invoice, file);
    }

    /**
     * Converts a document into the other (or the same) syntax through the model.
     *
     * @param xml    a UBL or CII document
     * @param target the syntax to produce
     * @return the converted document
     * @throws EInvoiceFormatException if the input cannot be read or the target cannot carry its content
     */
    public static byte[] convert(byte[] xml, InvoiceSyntax target) {
        return write(read(xml), target);
    }

    /**
     * Converts a file; the output file is replaced only when the conversion succeeded.
     *
     * @param in     a UBL or CII document
     * @param target the syntax to produce
     * @param out    the file to write
     * @throws EInvoiceFormatException if the input cannot be read or the target cannot carry its content;
     *                                 with reason {@code IO} if the output cannot be written
     */
    public static void convert(Path in, InvoiceSyntax target, Path out) {
        XRechnungWriter.of(target).write(read(in), out);
    }
}
