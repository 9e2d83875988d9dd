package de.ozgkit.einvoice;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.internal.xml.InvoiceXmlReader;
import de.ozgkit.einvoice.model.Invoice;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads XRechnung documents in either syntax (UBL 2.1 Invoice/CreditNote or CII D16B, told apart
 * by the root element and its namespace) into the {@link Invoice} model. Streams through the
 * hardened StAX parser of {@link de.ozgkit.core.xml.SecureXml}: no DTDs, no external entities,
 * size and depth limits; only one block of the document (a party, a line) is held at a time
 * besides the model.
 *
 * <p>The model holds what the document states: nothing is derived or checked (use the validator
 * for that). Elements outside EN 16931 are skipped.
 *
 * <p>{@link EInvoices#read(Path)} and its siblings are the entry point; this class is the reader behind
 * them, for other limits:
 *
 * <pre>{@code
 * Invoice huge = XRechnungReader.create().withLimits(XmlLimits.DEFAULT.withMaxBytes(256L << 20)).read(file);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class XRechnungReader {

    private static final XRechnungReader DEFAULT = new XRechnungReader(XmlLimits.DEFAULT);

    private final XmlLimits limits;

    private XRechnungReader(XmlLimits limits) {
        this.limits = limits;
    }

    /** @return a reader with the default limits (64 MiB, depth 256) */
    public static XRechnungReader create() {
        return DEFAULT;
    }

    /**
     * @param newLimits size, depth and attribute limits
     * @return a reader with other limits
     */
    public XRechnungReader withLimits(XmlLimits newLimits) {
        return new XRechnungReader(Objects.requireNonNull(newLimits, "limits"));
    }

    /**
     * Reads an invoice.
     *
     * @param in the document; read to its end, not closed
     * @return the invoice
     * @throws EInvoiceFormatException if the input is not XML, unsafe, too large or too deep, not an
     *                                 invoice, lacks a required element or holds an unparsable value;
     *                                 the message gives line and column
     */
    public Invoice read(InputStream in) {
        return InvoiceXmlReader.read(Objects.requireNonNull(in, "in"), limits);
    }

    /**
     * @param xml the document
     * @return the invoice
     * @throws EInvoiceFormatException as {@link #read(InputStream)}
     */
    public Invoice read(byte[] xml) {
        return read(new ByteArrayInputStream(Objects.requireNonNull(xml, "xml")));
    }

    /**
     * @param file the document
     * @return the invoice
     * @throws EInvoiceFormatException as {@link #read(InputStream)}, with reason {@code IO} if the file
     *                                 cannot be opened
     */
    public Invoice read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        } catch (IOException e) {
            throw new EInvoiceFormatException(EInvoiceFormatException.Reason.IO, "cannot read " + file + ": "
                    + e.getMessage(), -1, -1, e);
        }
    }

    /**
     * Tells the syntax of a document from its root element, without reading further.
     *
     * @param in the document; not closed, not read to its end
     * @return the syntax
     * @throws EInvoiceFormatException if the input is not XML or its root is not an invoice
     */
    public InvoiceSyntax detectSyntax(InputStream in) {
        return InvoiceXmlReader.detect(Objects.requireNonNull(in, "in"), limits);
    }
}
