package de.ozgkit.einvoice.pdf;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.engine.ZugferdExport;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * ZUGFeRD 2.x / Factur-X hybrid invoices: a PDF/A-3 whose embedded file carries the CII invoice.
 *
 * <p>{@link #embed} turns a given PDF (the human-readable invoice) and a CII D16B invoice into such a
 * PDF, using Mustang: it declares PDF/A-3 (part 3, conformance U) in the XMP metadata, adds the
 * Factur-X XMP extension schema ({@code fx:DocumentType INVOICE}, {@code fx:DocumentFileName},
 * {@code fx:Version}, {@code fx:ConformanceLevel}), an sRGB output intent, and embeds the XML
 * unchanged with {@code /AFRelationship /Alternative}. Conversion happens on the metadata level:
 * the input's fonts and colours must already be fit for PDF/A, as they are in a PDF/A-1, -2 or -3
 * input; a PDF with a font that is not embedded is refused ({@code NOT_PDFA_CAPABLE}). The output is not
 * run through a PDF/A validator: it declares PDF/A-3, and the tests check it with veraPDF.
 *
 * <p>{@link #extract} gives back the embedded XML byte for byte. Neither method validates the
 * invoice; use the validator for that.
 *
 * <pre>{@code
 * byte[] hybrid = ZugferdPdf.embed(pdf, ciiXml, ZugferdProfile.XRECHNUNG);
 * byte[] xml = ZugferdPdf.extract(hybrid);   // equals ciiXml
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ZugferdPdf {

    /** The most bytes an embedded invoice may have when extracted (64 MiB, the XML size limit). */
    public static final long MAX_EMBEDDED_BYTES = XmlLimits.DEFAULT.maxBytes();

    /** Written as producer, creator and creator tool into the PDF metadata. */
    private static final String PRODUCER = "ozgkit";
    /** {@code fx:Version} for the XRECHNUNG profile: the XRechnung version. */
    private static final String XRECHNUNG_VERSION = "3.0";

    private ZugferdPdf() {
    }

    /**
     * Produces a ZUGFeRD 2.x / Factur-X PDF/A-3 from a PDF and a CII invoice.
     *
     * @param pdf     the visual invoice; it must not be encrypted nor carry an embedded invoice already
     * @param ciiXml  the invoice in UN/CEFACT CII D16B syntax, embedded byte for byte
     * @param profile the profile; its rule on the specification identifier (BT-24) must hold, see
     *                {@link ZugferdProfile#accepts(String)}
     * @return the new PDF
     * @throws ZugferdException of kind NOT_XML, NOT_CII, PROFILE_MISMATCH (invoice), NOT_A_PDF,
     *                          CORRUPT_PDF, ENCRYPTED_PDF, ALREADY_CONTAINS_INVOICE, NOT_PDFA_CAPABLE (a font is
     *                          not embedded), TOO_LARGE (a stream inflates beyond the limits) (PDF)
     */
    public static byte[] embed(byte[] pdf, byte[] ciiXml, ZugferdProfile profile) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(ciiXml, "ciiXml");
        Objects.requireNonNull(profile, "profile");

        String bt24 = CiiDocuments.specificationIdentifier(ciiXml, XmlLimits.DEFAULT);
        if (!profile.accepts(bt24)) {
            throw new ZugferdException(ZugferdException.Kind.PROFILE_MISMATCH, bt24 == null
                    ? "the invoice has no specification identifier (BT-24, GuidelineSpecifiedDocumentContextParameter/ID);"
                            + " an EN 16931 invoice needs one"
                    : "the invoice's specification identifier (BT-24) '" + CiiDocuments.abbreviate(bt24)
                            + "' does not fit profile " + profile + (profile == ZugferdProfile.XRECHNUNG
                                    ? "; use an XRechnung 3.0 invoice or profile EN16931"
                                    : "; profile EN16931 needs an identifier starting with "
                                            + ZugferdProfile.EN16931_PREFIX), null);
        }

        PDDocument check = PdfDocuments.load(pdf);
        try {
            Optional<PdfDocuments.Found> existing = PdfDocuments.findInvoice(check);
            if (existing.isPresent()) {
                throw new ZugferdException(ZugferdException.Kind.ALREADY_CONTAINS_INVOICE,
                        "the PDF already embeds an invoice ('" + CiiDocuments.abbreviate(existing.get().name())
                                + "'); start from the visual PDF without an embedded invoice", null);
            }
            Optional<String> font = PdfDocuments.fontNotEmbedded(check);
            if (font.isPresent()) {
                throw new ZugferdException(ZugferdException.Kind.NOT_PDFA_CAPABLE, "the PDF uses the font '"
                        + CiiDocuments.abbreviate(font.get()) + "' without embedding it, so it cannot become a PDF/A-3;"
                        + " produce the visual PDF with embedded fonts (any PDF/A export does that) and try again", null);
            }
        } finally {
            PdfDocuments.closeQuietly(check);
        }

        try {
            return ZugferdExport.export(pdf, ciiXml, profile.mustangName(),
                    profile == ZugferdProfile.XRECHNUNG ? XRECHNUNG_VERSION : null, PRODUCER);
        } catch (InvalidPasswordException e) {
            throw new ZugferdException(ZugferdException.Kind.ENCRYPTED_PDF,
                    "the PDF is encrypted; remove the encryption and try again", e);
        } catch (IOException | RuntimeException e) {
            throw new ZugferdException(ZugferdException.Kind.CORRUPT_PDF,
                    "the PDF cannot be turned into a ZUGFeRD / Factur-X PDF (" + e.getClass().getSimpleName()
                            + "); it is damaged or uses structures that cannot be carried into PDF/A-3", e);
        }
    }

    /**
     * Produces a ZUGFeRD 2.x / Factur-X PDF/A-3 from a PDF and an invoice, which is written as CII.
     *
     * @param pdf     the visual invoice
     * @param invoice the invoice
     * @param profile the profile
     * @return the new PDF
     * @throws ZugferdException as {@link #embed(byte[], byte[], ZugferdProfile)}
     * @throws de.ozgkit.einvoice.EInvoiceFormatException if CII cannot carry part of the invoice
     */
    public static byte[] embed(byte[] pdf, Invoice invoice, ZugferdProfile profile) {
        Objects.requireNonNull(invoice, "invoice");
        return embed(pdf, EInvoices.write(invoice, InvoiceSyntax.CII), profile);
    }

    /**
     * Extracts the embedded invoice and reads it into the model.
     *
     * @param pdf the hybrid PDF
     * @return the invoice
     * @throws ZugferdException as {@link #extract(byte[])}
     * @throws de.ozgkit.einvoice.EInvoiceFormatException if the embedded XML is no readable invoice
     */
    public static Invoice readInvoice(byte[] pdf) {
        return EInvoices.read(extract(pdf));
    }

    /**
     * Extracts the embedded invoice XML from a ZUGFeRD / Factur-X / XRechnung hybrid PDF, byte for byte.
     *
     * @param pdf the hybrid PDF
     * @return the embedded XML
     * @throws ZugferdException of kind NOT_A_PDF, CORRUPT_PDF, ENCRYPTED_PDF, NO_EMBEDDED_INVOICE or TOO_LARGE
     */
    public static byte[] extract(byte[] pdf) {
        return extractInvoice(pdf).xml();
    }

    /**
     * Extracts the embedded invoice with its file name and relationship. The embedded file is looked up
     * by name in the PDF's embedded files: {@code factur-x.xml}, then {@code xrechnung.xml}, then
     * {@code zugferd-invoice.xml} (ZUGFeRD 2.0) and {@code ZUGFeRD-invoice.xml} (ZUGFeRD 1).
     *
     * @param pdf the hybrid PDF
     * @return the embedded invoice, at most {@link #MAX_EMBEDDED_BYTES} bytes
     * @throws ZugferdException of kind NOT_A_PDF, CORRUPT_PDF, ENCRYPTED_PDF, NO_EMBEDDED_INVOICE or TOO_LARGE
     */
    public static EmbeddedInvoice extractInvoice(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        PDDocument doc = PdfDocuments.load(pdf);
        try {
            PdfDocuments.Found found = PdfDocuments.findInvoice(doc).orElseThrow(() -> new ZugferdException(
                    ZugferdException.Kind.NO_EMBEDDED_INVOICE,
                    "the PDF embeds no invoice (none of " + PdfDocuments.INVOICE_FILE_NAMES
                            + "); it is not a ZUGFeRD / Factur-X / XRechnung hybrid PDF", null));
            byte[] xml = PdfDocuments.read(found, MAX_EMBEDDED_BYTES);
            String relationship = found.spec().getCOSObject().getNameAsString("AFRelationship");
            return new EmbeddedInvoice(found.name(), relationship == null ? "" : relationship, xml);
        } finally {
            PdfDocuments.closeQuietly(doc);
        }
    }
}
