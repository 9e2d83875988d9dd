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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
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
    /** The most one stream of the PDF may inflate to (the limit of an embedded invoice, 64 MiB). */
    static final long MAX_STREAM_BYTES = ZugferdPdf.MAX_EMBEDDED_BYTES;
    /** The most all streams of the PDF together may inflate to. */
    static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;
    /** What PDFBox may hold in its stream cache (streams it writes while it works on the document). */
    private static final long MAX_STREAM_CACHE_BYTES = 256L * 1024 * 1024;

    private PdfDocuments() {
    }

    /** A file specification found in the embedded-files name tree. */
    record Found(String name, PDComplexFileSpecification spec) {
    }

    /**
     * Loads a PDF, refusing what is not a PDF, cannot be parsed or is encrypted.
     *
     * Every stream is checked by {@link PdfStreamGuard} first, so that PDFBox never inflates a
     * compression bomb; PDFBox's stream cache is limited as well.
     *
     * @throws ZugferdException of kind NOT_A_PDF, CORRUPT_PDF, ENCRYPTED_PDF or TOO_LARGE
     */
    static PDDocument load(byte[] pdf) {
        guard(pdf);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf, "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(MAX_STREAM_CACHE_BYTES).streamCache);
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
     * Checks the header and every stream of a PDF before any PDF library parses it.
     *
     * @throws ZugferdException of kind NOT_A_PDF, CORRUPT_PDF or TOO_LARGE
     */
    static void guard(byte[] pdf) {
        if (!hasHeader(pdf)) {
            throw new ZugferdException(ZugferdException.Kind.NOT_A_PDF,
                    "the input is not a PDF (no %PDF- header in its first " + HEADER_WINDOW + " bytes)", null);
        }
        PdfStreamGuard.check(pdf, MAX_STREAM_BYTES, MAX_INFLATED_BYTES);
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
     * Reads an embedded file's content, decoded, refusing more than {@code maxBytes}. The file must be
     * uncompressed or Flate-compressed (with or without a predictor in {@code DecodeParms}, what ZUGFeRD
     * writers produce); PDFBox's Flate filter decodes it into a stream that counts and stops at the limit,
     * so a compression bomb never grows past it.
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
            LimitedOutput out = new LimitedOutput(maxBytes);
            try (InputStream raw = stream.createRawInputStream()) {
                if (filters.isEmpty()) {
                    raw.transferTo(out);
                } else if (filters.size() == 1 && (COSName.FLATE_DECODE.equals(filters.get(0))
                        || COSName.FLATE_DECODE_ABBREVIATION.equals(filters.get(0)))) {
                    FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE).decode(raw, out, stream, 0);
                } else {
                    throw new ZugferdException(ZugferdException.Kind.CORRUPT_PDF, "the embedded invoice is encoded"
                            + " with " + filters + "; ZUGFeRD / Factur-X embed it uncompressed or with FlateDecode", null);
                }
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ZugferdException ze) {
                throw ze;
            }
            throw corrupt(e);
        }
    }

    /** Collects decoded bytes and refuses more than the limit as soon as it is passed. */
    private static final class LimitedOutput extends ByteArrayOutputStream {
        private final long max;

        LimitedOutput(long max) {
            this.max = max;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if ((long) count + more > max) {
                throw new ZugferdException(ZugferdException.Kind.TOO_LARGE,
                        "the embedded invoice is larger than the limit of " + max + " bytes", null);
            }
        }
    }

    /**
     * Finds a font the PDF uses without embedding it, on its pages and in the form XObjects they use (one
     * level of nesting per form, at most 10,000 resource dictionaries), so that the PDF cannot become PDF/A
     * by metadata alone.
     *
     * @return the first such font's name, empty when every font is embedded
     * @throws ZugferdException of kind CORRUPT_PDF when the resources cannot be read
     */
    static Optional<String> fontNotEmbedded(PDDocument doc) {
        try {
            java.util.ArrayDeque<org.apache.pdfbox.pdmodel.PDResources> todo = new java.util.ArrayDeque<>();
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                if (page.getResources() != null) {
                    todo.add(page.getResources());
                }
            }
            while (!todo.isEmpty() && seen.size() < 10_000) {
                org.apache.pdfbox.pdmodel.PDResources res = todo.poll();
                if (!seen.add(res.getCOSObject())) {
                    continue;
                }
                for (COSName name : res.getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = res.getFont(name);
                    if (font != null && !(font instanceof org.apache.pdfbox.pdmodel.font.PDType3Font) && !font.isEmbedded()) {
                        return Optional.of(font.getName() == null ? name.getName() : font.getName());
                    }
                }
                for (COSName name : res.getXObjectNames()) {
                    if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                            && form.getResources() != null) {
                        todo.add(form.getResources());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
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
