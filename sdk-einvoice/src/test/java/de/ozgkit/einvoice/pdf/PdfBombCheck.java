package de.ozgkit.einvoice.pdf;

import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.TestInvoices;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs in a JVM of its own with a small heap ({@link PdfBombMemoryTest}): makes the bombs of {@link PdfBombs},
 * hands each to {@link ZugferdPdf#extract} and {@link ZugferdPdf#embed}, and prints one line per case with
 * the kind of {@link ZugferdException} (or what else happened). Exits with 0 when it got that far.
 */
public final class PdfBombCheck {

    private PdfBombCheck() {
    }

    public static void main(String[] args) throws Exception {
        byte[] payload = PdfBombs.payload();
        System.out.println("payload: " + payload.length + " bytes inflating to " + PdfBombs.inflatedSize(payload));
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        bombs.put("xref stream", PdfBombs.xrefStream(payload));
        bombs.put("object stream", PdfBombs.objectStream(payload));
        bombs.put("embedded file with DecodeParms", PdfBombs.embeddedWithPredictor(payload));
        bombs.put("embedded file behind ASCIIHexDecode", PdfBombs.embeddedBehindAsciiHex(payload));
        byte[] cii = EInvoices.write(TestInvoices.minimal().build(), InvoiceSyntax.CII);
        for (Map.Entry<String, byte[]> e : bombs.entrySet()) {
            System.out.println(e.getKey() + ": " + e.getValue().length + " bytes; extract " + outcome(() -> ZugferdPdf.extract(e.getValue()))
                    + "; embed " + outcome(() -> ZugferdPdf.embed(e.getValue(), cii, ZugferdProfile.XRECHNUNG)));
        }
        // the control: PDFBox on its own inflates the cross-reference stream while loading and runs out of heap
        try (var doc = org.apache.pdfbox.Loader.loadPDF(bombs.get("xref stream"))) {
            System.out.println("control: PDFBox alone loaded the xref bomb");
        } catch (OutOfMemoryError e) {
            System.out.println("control: PDFBox alone runs out of heap on the xref stream bomb");
        }
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; OK");
    }

    private static String outcome(Runnable r) {
        try {
            r.run();
            return "accepted";
        } catch (ZugferdException e) {
            return e.kind().name() + " (" + e.getMessage() + ")";
        } catch (Throwable t) {
            return "FAILED " + t;
        }
    }
}
