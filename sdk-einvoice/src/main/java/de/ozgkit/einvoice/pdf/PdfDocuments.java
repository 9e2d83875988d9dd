package de.ozgkit.einvoice.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Loading PDFs with typed errors, finding and reading the embedded invoice. */
final class PdfDocuments {

    /** File names of embedded invoices, most preferred first (Factur-X, XRechnung, ZUGFeRD 2.0, ZUGFeRD 1). */
    static final List<String> INVOICE_FILE_NAMES =
            List.of("factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml");

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** PDF readers accept the header anywhere in the first 1024 bytes. */
    private static final int HEADER_WINDOW = 1024;
    private static final int MAX_NAME_TREE_DEPTH = 32;

    private PdfDocuments() {
    }

    /** A file specification found in the embedded-files name tree. */
    record Found(String name, PDComplexFileSpecification spec) {
    }

    /**
     * Loads a PDF, refusing what is not a PDF, cannot be parsed or is encrypted.
     *
     * @throws ZugferdException of kind NOT_A_PDF, CORRUPT_PDF or ENCRYPTED_PDF
     */
    static PDDocument load(byte[] pdf) {
        if (!hasHeader(pdf)) {
            throw new ZugferdException(ZugferdException.Kind.NOT_A_PDF,
                    "the input is not a PDF (no %PDF- header in its first " + HEADER_WINDOW + " bytes)", null);
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw encrypted(e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        if (doc.isEncrypted()) {
            closeQuietly(doc);
            throw encrypted(null);
        }
        return doc;
    }

    /**
     * Finds the embedded invoice: the first entry of the embedded-files name tree whose name is one of
     * {@link #INVOICE_FILE_NAMES} (compared ignoring case), in that order of preference.
     *
     * @throws ZugferdException of kind CORRUPT_PDF when the name tree cannot be read
     */
    static Optional<Found> findInvoice(PDDocument doc) {
        try {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return Optional.empty();
            }
            Map<String, Found> byLowerName = new java.util.HashMap<>();
            collect(names.getEmbeddedFiles(), byLowerName, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
            for (String wanted : INVOICE_FILE_NAMES) {
                Found f = byLowerName.get(wanted.toLowerCase(Locale.ROOT));
                if (f != null) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ZugferdException ze) {
                throw ze;
            }
            throw corrupt(e);
        }
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, Found> out,
            Set<Object> seen, int depth) throws IOException {
        if (depth > MAX_NAME_TREE_DEPTH || !seen.add(node.getCOSObject())) {
            throw new ZugferdException(ZugferdException.Kind.CORRUPT_PDF,
                    "the PDF's embedded-files name tree is cyclic or nested deeper than " + MAX_NAME_TREE_DEPTH
                            + " levels; the PDF is damaged", null);
        }
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : names.entrySet()) {
                PDComplexFileSpecification spec = e.getValue();
                if (spec == null) {
                    continue;
                }
                String name = firstNonBlank(spec.getFileUnicode(), spec.getFilename(), e.getKey());
                if (name != null) {
                    out.putIfAbsent(name.toLowerCase(Locale.ROOT), new Found(name, spec));
                }
            }
        }
        List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
        if (kids != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
                collect(kid, out, seen, depth + 1);
            }
        }
    }

    /**
     * Reads an embedded file's content, decoded, refusing more than {@code maxBytes}. Uncompressed
     * and Flate-compressed streams (what ZUGFeRD writers produce) are inflated here so that a
     * compression bomb stops at the limit; other filters are decoded by PDFBox.
     *
     * @throws ZugferdException of kind NO_EMBEDDED_INVOICE, TOO_LARGE or CORRUPT_PDF
     */
    static byte[] read(Found found, long maxBytes) {
        PDComplexFileSpecification spec = found.spec();
        PDEmbeddedFile ef = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        if (ef == null) {
            throw new ZugferdException(ZugferdException.Kind.NO_EMBEDDED_INVOICE,
                    "the PDF names an invoice file '" + CiiDocuments.abbreviate(found.name())
                            + "' but does not embed its content; the PDF is damaged or only refers to an external file",
                    null);
        }
        try {
            COSStream stream = ef.getCOSObject();
            List<COSName> filters = ef.getFilters();
            InputStream in;
            if (filters.isEmpty()) {
                in = stream.createRawInputStream();
            } else if (filters.size() == 1 && COSName.FLATE_DECODE.equals(filters.get(0))
                    && stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP) == null) {
                in = new InflaterInputStream(stream.createRawInputStream());
            } else {
                in = stream.createInputStream();
            }
            try (in) {
                return readAtMost(in, maxBytes);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ZugferdException ze) {
                throw ze;
            }
            throw corrupt(e);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new ZugferdException(ZugferdException.Kind.TOO_LARGE,
                        "the embedded invoice is larger than the limit of " + maxBytes + " bytes", null);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static void closeQuietly(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // an in-memory document; nothing to release that matters
        }
    }

    private static boolean hasHeader(byte[] pdf) {
        int end = Math.min(pdf.length, HEADER_WINDOW) - HEADER.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < HEADER.length; j++) {
                if (pdf[i + j] != HEADER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static ZugferdException encrypted(Throwable cause) {
        return new ZugferdException(ZugferdException.Kind.ENCRYPTED_PDF,
                "the PDF is encrypted; ZUGFeRD / Factur-X PDFs are PDF/A-3, which forbids encryption."
                        + " Remove the encryption and try again", cause);
    }

    private static ZugferdException corrupt(Throwable cause) {
        return new ZugferdException(ZugferdException.Kind.CORRUPT_PDF,
                "the PDF cannot be parsed (" + cause.getClass().getSimpleName() + "); it is truncated or damaged",
                cause);
    }
}
