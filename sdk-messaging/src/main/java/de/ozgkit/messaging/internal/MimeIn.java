package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OSCI message: a {@code Multipart/Related} MIME entity whose headers either start the
 * body (as the OSCI library sends it) or come from the HTTP {@code Content-Type}. One pass of
 * {@link MimeScan} finds the part boundaries; each part is then read by Jakarta Mail
 * ({@link MimeBodyPart}) over a view of the {@link SharedInputStream}, so parts are views of the
 * spooled body and are never copied into the heap.
 *
 * <p>The scan stops at the first delimiter beyond the allowed number of parts, so that a MIME
 * structure bomb (hundreds of thousands of tiny parts) is refused without building its parts.
 */
public final class MimeIn {

    /** One part of the message. */
    public record Part(String contentId, String contentType, String transferEncoding, MimeBodyPart body) {
        /**
         * @return the part's bytes, base64-decoded when its transfer encoding says so
         * @throws OsciException when the part cannot be read
         */
        public InputStream open() {
            try {
                InputStream raw = body.getRawInputStream();
                if ("base64".equalsIgnoreCase(transferEncoding) || "text/base64".equalsIgnoreCase(contentType)) {
                    return java.util.Base64.getMimeDecoder().wrap(raw);
                }
                return raw;
            } catch (MessagingException e) {
                throw new OsciException(OsciCheck.STRUCTURE, "MIME part " + contentId + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    private MimeIn() {
    }

    /**
     * Parses a message.
     *
     * @param in              the whole body as a shared stream (a spool over bytes or a file)
     * @param httpContentType the HTTP Content-Type, used when the body starts without MIME headers; may be {@code null}
     * @param maxParts        the most parts accepted
     * @return the parts in order; the first is the SOAP part
     * @throws OsciException of check STRUCTURE for anything that is not such a message
     */
    public static List<Part> parse(SharedInputStream in, String httpContentType, int maxParts) {
        InputStream stream = (InputStream) in;
        try {
            String contentType;
            long start;
            stream.mark(2);
            int b1 = stream.read();
            int b2 = stream.read();
            stream.reset();
            if (b1 == '-' && b2 == '-') {
                contentType = httpContentType;
                start = 0;
            } else {
                InternetHeaders headers = new InternetHeaders(stream);
                contentType = headers.getHeader("Content-Type", null);
                start = in.getPosition();
            }
            if (contentType == null) {
                throw new OsciException(OsciCheck.STRUCTURE, "the message has no Content-Type; an OSCI message is a"
                        + " Multipart/Related MIME entity");
            }
            ContentType ct = lenient(contentType);
            if (!ct.match("multipart/related")) {
                throw new OsciException(OsciCheck.STRUCTURE, "the message is " + ct.getBaseType()
                        + ", not Multipart/Related as OSCI requires");
            }
            String boundary = ct.getParameter("boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
                throw new OsciException(OsciCheck.STRUCTURE, "the Multipart/Related Content-Type has no usable boundary");
            }
            MimeScan.Result found;
            try (InputStream scanned = in.newStream(start, -1)) {
                found = MimeScan.scan(scanned, boundary, maxParts);
            } catch (MimeScan.TooManyParts e) {
                throw new OsciException(OsciCheck.STRUCTURE, "the message has more than " + maxParts
                        + " MIME parts; refused as a MIME structure bomb");
            }
            int count = found.parts().size();
            if (count == 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "the message has no MIME parts");
            }
            List<Part> parts = new ArrayList<>(count);
            Map<String, Boolean> ids = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                MimeScan.Range range = found.parts().get(i);
                MimeBodyPart p = new MimeBodyPart(in.newStream(start + range.start(), start + range.end()));
                String id = p.getContentID();
                if (id == null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "MIME part " + (i + 1) + " has no Content-ID");
                }
                id = id.trim();
                if (id.startsWith("<") && id.endsWith(">")) {
                    id = id.substring(1, id.length() - 1);
                }
                if (ids.put(id, Boolean.TRUE) != null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "two MIME parts have the Content-ID " + id);
                }
                String type = p.getContentType() == null ? "application/octet-stream" : p.getContentType();
                if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    throw new OsciException(OsciCheck.STRUCTURE, "MIME part " + id + " is itself multipart; OSCI has no nested parts");
                }
                String enc = p.getHeader("Content-Transfer-Encoding", null);
                parts.add(new Part(id, type, enc == null ? "binary" : enc.trim(), p));
            }
            if (!MimeOut.SOAP_PART_ID.equals(parts.get(0).contentId())) {
                throw new OsciException(OsciCheck.STRUCTURE, "the first MIME part has the Content-ID " + parts.get(0).contentId()
                        + "; OSCI requires the SOAP part " + MimeOut.SOAP_PART_ID + " first");
            }
            return parts;
        } catch (ParseException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the MIME headers are malformed: " + e.getMessage(), e);
        } catch (MessagingException | IOException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the MIME structure is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a Content-Type whose parameters may be unquoted although they contain characters such
     * as '/' (the OSCI library writes its boundaries so): each value runs to the next ';'.
     */
    static ContentType lenient(String value) throws ParseException {
        String[] pieces = value.split(";");
        String base = pieces[0].trim();
        int slash = base.indexOf('/');
        if (slash <= 0) {
            throw new ParseException("Content-Type \"" + base + "\" has no subtype");
        }
        jakarta.mail.internet.ParameterList params = new jakarta.mail.internet.ParameterList();
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = p.substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            params.set(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
        }
        return new ContentType(base.substring(0, slash).trim(), base.substring(slash + 1).trim(), params);
    }
}
