package de.ozgkit.einvoice.pdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Bounds what PDFBox may decode before the PDF reaches it. PDFBox 3 inflates cross-reference streams
 * while it loads a PDF and object streams when an object inside them is used, each into a memory
 * buffer without a limit (its stream cache covers only streams it writes), so that a one-megabyte PDF
 * whose cross-reference stream inflates to a gigabyte exhausts the heap before any check of ours. This
 * guard therefore looks at every stream of the file first:
 *
 * <ul>
 *   <li>its filter chain (from the stream dictionary) must be none, {@code FlateDecode}, one image filter
 *       ({@code DCTDecode}, {@code JPXDecode}, {@code JBIG2Decode}, {@code CCITTFaxDecode}), or
 *       {@code FlateDecode} before an image filter; anything else ({@code LZWDecode}, {@code ASCII85Decode},
 *       {@code ASCIIHexDecode}, {@code RunLengthDecode}, longer chains, a filter given by reference) is
 *       refused, so no chain can hide a compression bomb from the count below. PDF/A forbids LZW, and
 *       PDF/A writers use Flate;</li>
 *   <li>its data is inflated the way PDFBox's Flate filter does it (two header bytes skipped, raw
 *       deflate, stop at the end of the deflate stream or at broken data) and only counted, never kept:
 *       more than {@code maxStreamBytes} for one stream or {@code maxTotalBytes} for all is refused as
 *       {@link ZugferdException.Kind#TOO_LARGE}. A predictor ({@code DecodeParms}) never makes the
 *       output larger than the inflated data, so the count bounds it too.</li>
 * </ul>
 *
 * <p>Memory: one 16 KiB buffer; time: one inflation of every Flate stream, up to the limits.
 */
final class PdfStreamGuard {

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBJ = "obj".getBytes(StandardCharsets.US_ASCII);
    /** How far before the stream keyword its object header is looked for. */
    private static final int MAX_DICTIONARY = 64 * 1024;
    private static final Pattern FILTER = Pattern.compile("/Filter(?![A-Za-z0-9#])\\s*(/[^\\s/\\[\\]<>()%]+|\\[[^\\]]*\\]|\\d+\\s+\\d+\\s+R)?");
    private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()%]+)");
    private static final Pattern ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");

    private PdfStreamGuard() {
    }

    /**
     * @param pdf            the whole PDF
     * @param maxStreamBytes the most one stream may inflate to
     * @param maxTotalBytes  the most all streams together may inflate to
     * @throws ZugferdException of kind TOO_LARGE (a stream inflates beyond a limit) or CORRUPT_PDF (a stream
     *                          without object header, or a filter chain that is refused)
     */
    static void check(byte[] pdf, long maxStreamBytes, long maxTotalBytes) {
        long total = 0;
        byte[] out = new byte[16 * 1024];
        Inflater inflater = new Inflater(true);
        try {
            for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
                if (at > 0 && Character.isLetterOrDigit(pdf[at - 1] & 0xFF)) {
                    continue;   // "endstream", or the word inside other text
                }
                int data = at + STREAM.length;
                if (data < pdf.length && Character.isLetterOrDigit(pdf[data] & 0xFF)) {
                    continue;
                }
                List<String> filters = filters(pdf, at);
                if (!allowed(filters)) {
                    throw new ZugferdException(ZugferdException.Kind.CORRUPT_PDF, "the PDF has a stream with the filter"
                            + " chain " + filters + ", which ozgkit does not decode: only FlateDecode and image filters"
                            + " are read (as PDF/A writers use them), so that no chain can hide a compression bomb", null);
                }
                while (data < pdf.length && pdf[data] == ' ') {
                    data++;
                }
                if (data < pdf.length && pdf[data] == '\r') {
                    data++;
                }
                if (data < pdf.length && pdf[data] == '\n') {
                    data++;
                }
                long inflated = inflatedSize(inflater, pdf, data, out, Math.min(maxStreamBytes, maxTotalBytes - total) + 1);
                if (inflated > maxStreamBytes) {
                    throw tooLarge("one stream of the PDF inflates to more than the limit of " + maxStreamBytes + " bytes");
                }
                total += inflated;
                if (total > maxTotalBytes) {
                    throw tooLarge("the streams of the PDF inflate to more than the limit of " + maxTotalBytes + " bytes together");
                }
            }
        } finally {
            inflater.end();
        }
    }

    private static ZugferdException tooLarge(String what) {
        return new ZugferdException(ZugferdException.Kind.TOO_LARGE, what + "; it is refused before parsing"
                + " (a compression bomb, or a PDF far larger than an invoice needs)", null);
    }

    /** Counts what PDFBox's Flate filter would produce from the data, up to {@code limit} bytes. */
    private static long inflatedSize(Inflater inflater, byte[] pdf, int data, byte[] out, long limit) {
        int start = data + 2;   // PDFBox skips the two zlib header bytes whatever they are
        if (start >= pdf.length) {
            return 0;
        }
        inflater.reset();
        inflater.setInput(pdf, start, pdf.length - start);
        long count = 0;
        try {
            while (!inflater.finished() && count < limit) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                count += n;
            }
        } catch (DataFormatException e) {
            // not deflate data (an image, an uncompressed stream) or broken: PDFBox stops there too
        }
        return count;
    }

    /** @return the filter names of the stream whose keyword is at {@code at}, abbreviations expanded */
    private static List<String> filters(byte[] pdf, int at) {
        int from = Math.max(0, at - MAX_DICTIONARY);
        int header = lastIndexOf(pdf, OBJ, from, at);
        if (header < 0) {
            throw new ZugferdException(ZugferdException.Kind.CORRUPT_PDF, "the PDF has a stream outside an object"
                    + " (no \"obj\" before it); the PDF is damaged", null);
        }
        String dictionary = unescape(new String(pdf, header + OBJ.length, at - header - OBJ.length,
                StandardCharsets.ISO_8859_1));
        Matcher m = FILTER.matcher(dictionary);
        List<String> names = new ArrayList<>(2);
        if (!m.find()) {
            return names;
        }
        String value = m.group(1);
        if (value == null || value.endsWith("R")) {
            names.add("(" + (value == null ? "missing" : "by reference " + value) + ")");
            return names;
        }
        Matcher n = NAME.matcher(value);
        while (n.find()) {
            names.add(switch (n.group(1)) {
                case "Fl" -> "FlateDecode";
                case "DCT" -> "DCTDecode";
                case "CCF" -> "CCITTFaxDecode";
                case "LZW" -> "LZWDecode";
                case "A85" -> "ASCII85Decode";
                case "AHx" -> "ASCIIHexDecode";
                case "RL" -> "RunLengthDecode";
                default -> n.group(1);
            });
        }
        return names;
    }

    private static boolean allowed(List<String> filters) {
        return switch (filters.size()) {
            case 0 -> true;
            case 1 -> filters.get(0).equals("FlateDecode") || image(filters.get(0));
            case 2 -> filters.get(0).equals("FlateDecode") && image(filters.get(1));
            default -> false;
        };
    }

    private static boolean image(String filter) {
        return filter.equals("DCTDecode") || filter.equals("JPXDecode") || filter.equals("JBIG2Decode")
                || filter.equals("CCITTFaxDecode");
    }

    /** Names may spell characters as {@code #xx} ({@code /Fl#61teDecode}); the PDF reader reads them decoded. */
    private static String unescape(String s) {
        return s.indexOf('#') < 0 ? s
                : ESCAPE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            if (a[i] != what[0]) {
                continue;
            }
            for (int k = 1; k < what.length; k++) {
                if (a[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The last "obj" keyword (not "endobj") in {@code [from, to)}. */
    private static int lastIndexOf(byte[] a, byte[] what, int from, int to) {
        outer:
        for (int i = to - what.length; i >= from; i--) {
            for (int k = 0; k < what.length; k++) {
                if (a[i + k] != what[k]) {
                    continue outer;
                }
            }
            if (i > 0 && Character.isLetter(a[i - 1] & 0xFF)) {
                continue;   // endobj
            }
            return i;
        }
        return -1;
    }
}
