package de.ozgkit.einvoice.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Mustang's conversion of a PDF into a ZUGFeRD 2.x / Factur-X PDF/A-3 with the invoice embedded. It
 * checks nothing beyond what Mustang checks; sdk-einvoice's {@code ZugferdPdf} checks the input first.
 * Stateless and thread-safe.
 */
public final class ZugferdExport {

    private ZugferdExport() {
    }

    /**
     * @param pdf              the visual invoice
     * @param ciiXml           the CII invoice, embedded unchanged
     * @param profile          Mustang's profile name ({@code EN16931}, {@code XRECHNUNG})
     * @param xrechnungVersion {@code fx:Version} for the XRECHNUNG profile, {@code null} for the others
     * @param producer         producer, creator and creator tool written into the metadata
     * @return the PDF/A-3 with the invoice embedded
     * @throws IOException if the PDF cannot be read (PDFBox's {@code InvalidPasswordException} when it is
     *                     encrypted) or written; Mustang and PDFBox may also throw unchecked exceptions on
     *                     damaged input
     */
    public static byte[] export(byte[] pdf, byte[] ciiXml, String profile, String xrechnungVersion, String producer)
            throws IOException {
        ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3();
        try {
            exporter.setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName(profile))
                    .setProducer(producer)
                    .setCreator(producer)
                    .setCreatorTool(producer);
            if (xrechnungVersion != null) {
                exporter.setXRechnungSpecificVersion(xrechnungVersion);
            }
            exporter.load(pdf);
            exporter.setXML(ciiXml);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + ciiXml.length + 16 * 1024);
            exporter.export(out);
            return out.toByteArray();
        } finally {
            try {
                exporter.close();
            } catch (IOException | RuntimeException ignored) {
                // the in-memory document is released either way
            }
        }
    }
}
