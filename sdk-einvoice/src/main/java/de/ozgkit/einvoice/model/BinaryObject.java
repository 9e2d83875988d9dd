package de.ozgkit.einvoice.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Attached document (BT-125) with its MIME code (BT-125-1) and file name (BT-125-2): a binary
 * embedded in the invoice. Immutable: the content is copied in and out.
 */
public final class BinaryObject {
    private final byte[] content;
    private final String mimeCode;
    private final String filename;

    /**
     * Creates the attachment.
     *
     * @param content  the bytes; copied
     * @param mimeCode MIME code, e.g. {@code "application/pdf"}; XRechnung allows application/pdf, image/png,
     *                 image/jpeg, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,
     *                 application/vnd.oasis.opendocument.spreadsheet (and application/xml in the Extension)
     * @param filename file name, unique within the invoice (BR-DE-22)
     * @throws NullPointerException if an argument is {@code null}
     */
    public BinaryObject(byte[] content, String mimeCode, String filename) {
        this.content = Objects.requireNonNull(content, "attachment content (BT-125)").clone();
        this.mimeCode = Objects.requireNonNull(mimeCode, "attachment MIME code (BT-125-1)");
        this.filename = Objects.requireNonNull(filename, "attachment file name (BT-125-2)");
    }

    /** @return a copy of the content */
    public byte[] content() {
        return content.clone();
    }

    /** @return the number of bytes */
    public int size() {
        return content.length;
    }

    /** @return the MIME code (BT-125-1) */
    public String mimeCode() {
        return mimeCode;
    }

    /** @return the file name (BT-125-2) */
    public String filename() {
        return filename;
    }

    /** Equal when content, MIME code and file name are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryObject b && Arrays.equals(content, b.content) && mimeCode.equals(b.mimeCode)
                && filename.equals(b.filename);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(content), mimeCode, filename);
    }

    /** @return file name, MIME code and size, never the content */
    @Override
    public String toString() {
        return "BinaryObject[filename=" + filename + ", mimeCode=" + mimeCode + ", size=" + content.length + "]";
    }
}
