package de.ozgkit.sandbox.einvoice;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds the XML attachments of a received mail, with limits on nesting and size. */
final class PortalMails {

    /** An XML attachment. */
    record XmlAttachment(String fileName, byte[] content) {
    }

    /** The mail is nested too deeply or an attachment is too large. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 8;

    private PortalMails() {
    }

    static List<XmlAttachment> xmlAttachments(Part message, long maxBytes)
            throws MessagingException, IOException, TooLarge {
        List<XmlAttachment> out = new ArrayList<>();
        collect(message, out, maxBytes, 0);
        return out;
    }

    private static void collect(Part part, List<XmlAttachment> out, long maxBytes, int depth)
            throws MessagingException, IOException, TooLarge {
        if (depth > MAX_DEPTH) {
            throw new TooLarge("the mail nests more than " + MAX_DEPTH + " multiparts");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, out, maxBytes, depth + 1);
            }
            return;
        }
        String fileName = part.getFileName();
        boolean xmlType = part.isMimeType("application/xml") || part.isMimeType("text/xml");
        boolean xmlName = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xml");
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (attached && (xmlType || xmlName)) {
            out.add(new XmlAttachment(fileName == null ? "" : fileName, read(part, maxBytes)));
        }
    }

    private static byte[] read(Part part, long maxBytes) throws MessagingException, IOException, TooLarge {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge("an attachment is larger than " + maxBytes + " bytes");
                }
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        }
    }
}
