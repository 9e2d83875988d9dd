package de.ozgkit.einvoice.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Decompression bombs made in the test: about one megabyte of PDF whose Flate streams inflate to 1 GiB of
 * zeros, in the places where a PDF reader inflates them: the cross-reference stream (read while loading),
 * an object stream (read when an object inside is used) and the embedded invoice (with a PNG predictor in
 * {@code DecodeParms}); and a filter chain that would hide such a payload from a Flate-only check.
 */
final class PdfBombs {

    /** What the payload inflates to. */
    static final long INFLATED = 1L << 30;

    private PdfBombs() {
    }

    /** @return zlib data that inflates to {@link #INFLATED} zero bytes (about 1 MiB) */
    static byte[] payload() {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);
        for (long fed = 0; fed < INFLATED; fed += zeros.length) {
            d.setInput(zeros);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** @return what the zlib data inflates to, counted without keeping it */
    static long inflatedSize(byte[] zlib) throws Exception {
        Inflater inf = new Inflater();
        inf.setInput(zlib);
        byte[] buf = new byte[1 << 16];
        long n = 0;
        while (!inf.finished()) {
            n += inf.inflate(buf);
        }
        inf.end();
        return n;
    }

    /** A PDF written object by object, with the byte offsets its cross-reference needs. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Integer> offsets = new ArrayList<>();

        Writer() {
            text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(0);
        }

        void text(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        int object(String dictionary, byte[] stream) {
            int number = offsets.size();
            offsets.add(out.size());
            text(number + " 0 obj\n" + dictionary);
            if (stream != null) {
                text("\nstream\n");
                out.writeBytes(stream);
                text("\nendstream");
            }
            text("\nendobj\n");
            return number;
        }

        byte[] withXrefTable(int root) {
            int xref = out.size();
            StringBuilder sb = new StringBuilder("xref\n0 " + offsets.size() + "\n0000000000 65535 f \n");
            for (int i = 1; i < offsets.size(); i++) {
                sb.append(String.format("%010d 00000 n \n", offsets.get(i)));
            }
            text(sb + "trailer\n<< /Size " + offsets.size() + " /Root " + root + " 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
            return out.toByteArray();
        }

        byte[] end(int xrefObject) {
            text("startxref\n" + offsets.get(xrefObject) + "\n%%EOF\n");
            return out.toByteArray();
        }
    }

    /** @return a PDF whose cross-reference stream inflates to 1 GiB (a reader inflates it while loading) */
    static byte[] xrefStream(byte[] payload) {
        Writer w = new Writer();
        w.object("<< /Type /Catalog /Pages 2 0 R >>", null);
        w.object("<< /Type /Pages /Kids [] /Count 0 >>", null);
        int xref = w.object("<< /Type /XRef /Size 4 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /Length " + payload.length
                + " >>", payload);
        return w.end(xref);
    }

    /**
     * @return a PDF whose catalog's name dictionary lives in an object stream that inflates to 1 GiB (a
     *         reader inflates it when it looks for the embedded files)
     */
    static byte[] objectStream(byte[] payload) {
        Writer w = new Writer();
        w.object("<< /Type /Catalog /Pages 2 0 R /Names 5 0 R >>", null);
        w.object("<< /Type /Pages /Kids [] /Count 0 >>", null);
        int stm = w.object("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + payload.length + " >>",
                payload);
        // object 4: the cross-reference stream (uncompressed), object 5 in the object stream
        int xrefNumber = 4;
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        int[][] entries = {{0, 0, 65535}, {1, w.offsets.get(1), 0}, {1, w.offsets.get(2), 0}, {1, w.offsets.get(stm), 0},
            {1, w.out.size(), 0}, {2, stm, 0}};
        for (int[] e : entries) {
            rows.write(e[0]);
            for (int shift = 24; shift >= 0; shift -= 8) {
                rows.write(e[1] >>> shift);
            }
            rows.write(e[2] >>> 8);
            rows.write(e[2]);
        }
        byte[] table = rows.toByteArray();
        int xref = w.object("<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + table.length + " >>", table);
        if (xref != xrefNumber) {
            throw new IllegalStateException("object numbers out of order");
        }
        return w.end(xref);
    }

    /** @return a PDF embedding {@code factur-x.xml} as Flate with a PNG predictor, inflating to 1 GiB */
    static byte[] embeddedWithPredictor(byte[] payload) {
        Writer w = new Writer();
        w.object("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 3 0 R] >> >> >>",
                null);
        w.object("<< /Type /Pages /Kids [] /Count 0 >>", null);
        w.object("<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 4 0 R /UF 4 0 R >> >>", null);
        w.object("<< /Type /EmbeddedFile /Subtype /text#2Fxml /Filter /FlateDecode"
                + " /DecodeParms << /Predictor 12 /Columns 1023 >> /Length " + payload.length + " >>", payload);
        return w.withXrefTable(1);
    }

    /** @return the same embedded bomb hex-encoded behind {@code ASCIIHexDecode}, which a Flate-only check cannot see */
    static byte[] embeddedBehindAsciiHex(byte[] payload) {
        StringBuilder hex = new StringBuilder(payload.length * 2 + 1);
        for (byte b : payload) {
            hex.append(String.format("%02x", b & 0xFF));
        }
        byte[] data = hex.append('>').toString().getBytes(StandardCharsets.US_ASCII);
        Writer w = new Writer();
        w.object("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 3 0 R] >> >> >>",
                null);
        w.object("<< /Type /Pages /Kids [] /Count 0 >>", null);
        w.object("<< /Type /Filespec /F (factur-x.xml) /EF << /F 4 0 R >> >>", null);
        w.object("<< /Type /EmbeddedFile /Filter [/AHx /Fl] /Length " + data.length + " >>", data);
        return w.withXrefTable(1);
    }
}
