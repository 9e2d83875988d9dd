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
 * details outside it (extensions, comments, element order) do not. A conversion never yields a document
 * that does not validate: content the target syntax cannot carry is refused before writing
 * ({@link EInvoiceFormatException} with reason {@code UNSUPPORTED_CONTENT}, naming the business term), and
 * the converted document is validated before it is returned or written
 * ({@link EInvoiceConversionException} with the report otherwise). Thread-safe.
 */
public final class EInvoices {

    private EInvoices() {
    }

    /** The validator conversions use unless given one; created on first use. */
    private static final class DefaultValidator {
        static final EInvoiceValidator INSTANCE = EInvoiceValidator.create();
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
     * Converts a document into the other (or the same) syntax through the model and validates the result.
     *
     * @param xml    a UBL or CII document
     * @param target the syntax to produce
     * @return the converted document, valid
     * @throws EInvoiceFormatException     if the input cannot be read or the target cannot carry its content
     * @throws EInvoiceConversionException if the converted document does not validate
     */
    public static byte[] convert(byte[] xml, InvoiceSyntax target) {
        return convert(xml, target, DefaultValidator.INSTANCE);
    }

    /**
     * Converts a document and validates the result with the given validator (its limits and required
     * profiles apply to the converted document).
     *
     * @param xml       a UBL or CII document
     * @param target    the syntax to produce
     * @param validator the validator for the converted document (and, when that is invalid, the input)
     * @return the converted document, valid
     * @throws EInvoiceFormatException     if the input cannot be read or the target cannot carry its content
     * @throws EInvoiceConversionException if the converted document does not validate
     */
    public static byte[] convert(byte[] xml, InvoiceSyntax target, EInvoiceValidator validator) {
        java.util.Objects.requireNonNull(validator, "validator");
        byte[] converted = write(read(xml), target);
        ValidationReport report = validator.validate(converted);
        if (!report.valid()) {
            throw new EInvoiceConversionException(target, report, !validator.validate(xml).valid());
        }
        return converted;
    }

    /**
     * Converts a file and validates the result; the output file is written only when the converted
     * document is valid, and replaced only once it is complete.
     *
     * @param in     a UBL or CII document
     * @param target the syntax to produce
     * @param out    the file to write
     * @throws EInvoiceFormatException     if the input cannot be read or the target cannot carry its content;
     *                                     with reason {@code IO} if the output cannot be written
     * @throws EInvoiceConversionException if the converted document does not validate (nothing is written)
     */
    public static void convert(Path in, InvoiceSyntax target, Path out) {
        byte[] xml;
        try {
            xml = java.nio.file.Files.readAllBytes(in);
        } catch (java.io.IOException e) {
            throw EInvoiceFormatException.io("cannot read " + in + ": " + e.getMessage(), e);
        }
        byte[] converted = convert(xml, target);
        try {
            de.ozgkit.einvoice.internal.AtomicFile.write(out, o -> o.write(converted));
        } catch (java.io.IOException e) {
            throw EInvoiceFormatException.io("could not write the invoice to " + out + ": "
                    + (e instanceof java.nio.file.FileAlreadyExistsException ? "it is a directory; give a file name"
                            : String.valueOf(e.getMessage())), e);
        }
    }
}
