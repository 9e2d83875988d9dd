package de.ozgkit.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an OSCI message as the OSCI library does: the MIME headers of a {@code Multipart/Related}
 * entity, the SOAP part with Content-ID {@code osci@message}, then one binary part per attachment.
 * The HTTP body of an OSCI request or answer is exactly these bytes (headers included).
 */
public final class MimeOut {

    /** Content-ID of the SOAP part. */
    public static final String SOAP_PART_ID = "osci@message";

    private final OutputStream out;
    private final String boundary;

    /**
     * Starts a message: writes the entity headers.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public MimeOut(OutputStream out) throws IOException {
        this.out = out;
        this.boundary = "MIME_boundary_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Crypto.random(24));
        ascii("MIME-Version: 1.0\r\nContent-Type: Multipart/Related; boundary=" + boundary + "; type=text/xml\r\n");
    }

    /** @return the boundary */
    public String boundary() {
        return boundary;
    }

    /**
     * Writes the SOAP part.
     *
     * @param soap the SOAP envelope, UTF-8
     * @throws IOException when writing fails
     */
    public void soapPart(byte[] soap) throws IOException {
        ascii("\r\n--" + boundary + "\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "Content-ID: <" + SOAP_PART_ID + ">\r\nContent-Length: " + soap.length + "\r\n\r\n");
        out.write(soap);
    }

    /**
     * Writes a binary part.
     *
     * @param contentId   its Content-ID without angle brackets
     * @param contentType its Content-Type
     * @param length      its length in bytes
     * @param data        its bytes, copied to the end, not closed
     * @throws IOException when reading or writing fails
     */
    public void binaryPart(String contentId, String contentType, long length, InputStream data) throws IOException {
        partHeader(contentId, contentType, length);
        long copied = data.transferTo(out);
        if (copied != length) {
            throw new IOException("part " + contentId + " has " + copied + " bytes, announced were " + length);
        }
    }

    /**
     * Writes the headers of a binary part; the caller then writes exactly {@code length} bytes to
     * {@link #raw()}.
     *
     * @param contentId   its Content-ID without angle brackets
     * @param contentType its Content-Type
     * @param length      its length in bytes
     * @throws IOException when writing fails
     */
    public void partHeader(String contentId, String contentType, long length) throws IOException {
        ascii("\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + contentId + ">\r\nContent-Length: " + length + "\r\n\r\n");
    }

    /** @return the underlying stream, wrapped so that closing it does not close the target */
    public OutputStream raw() {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /**
     * Writes the closing boundary.
     *
     * @throws IOException when writing fails
     */
    public void finish() throws IOException {
        ascii("\r\n--" + boundary + "--\r\n");
    }

    private void ascii(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
