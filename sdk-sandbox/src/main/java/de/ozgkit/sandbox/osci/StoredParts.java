package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.internal.Dom;
import de.ozgkit.messaging.internal.Dsig;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.MimeIn;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.messaging.internal.Spool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The parts of a stored delivery that an answer to FetchDelivery passes on unchanged: the body with
 * the content containers and the NonIntermediaryCertificates header (both in the canonical form the
 * originator signed, so the authors' signatures stay valid), and the attachments, read from the
 * stored file where they lie (never copied), with the SHA-256 digests the originator's verified
 * signature already carries.
 */
final class StoredParts implements AutoCloseable {

    private final String body;
    private final String nonIntermediaryCertificates;
    private final List<OutgoingMessage.Attachment> attachments;
    private final IncomingMessage msg;

    private StoredParts(String body, String nonIntermediaryCertificates, List<OutgoingMessage.Attachment> attachments,
                        IncomingMessage msg) {
        this.body = body;
        this.nonIntermediaryCertificates = nonIntermediaryCertificates;
        this.attachments = attachments;
        this.msg = msg;
    }

    static StoredParts read(Path message, IncomingMessage.Limits limits) {
        IncomingMessage msg = IncomingMessage.parse(Spool.view(message), null, null,
                new IncomingMessage.Limits(PartialDeliveries.MAX_MESSAGE_BYTES, limits.maxSoapBytes(), limits.maxParts(), limits.maxDepth()));
        try {
            String bodyId = msg.body().getAttribute("Id");
            List<String> uris = new ArrayList<>(List.of("#" + bodyId));
            String nicId = msg.header("NonIntermediaryCertificates").map(e -> e.getAttribute("Id")).orElse(null);
            if (nicId != null) {
                uris.add("#" + nicId);
            }
            Map<String, byte[]> canonical = new HashMap<>();
            Dsig.digests(msg.document(), uris, cid -> null, canonical);
            Map<String, byte[]> signed = signedDigests(msg);
            List<OutgoingMessage.Attachment> atts = new ArrayList<>();
            for (MimeIn.Part p : msg.attachments().values()) {
                boolean raw = !"base64".equalsIgnoreCase(p.transferEncoding());
                atts.add(new OutgoingMessage.Attachment(p.contentId(), p.contentType(), Spool.of(size(p), p::open),
                        raw ? signed.get("cid:" + p.contentId()) : null));
            }
            return new StoredParts(new String(canonical.get("#" + bodyId), StandardCharsets.UTF_8),
                    nicId == null ? null : new String(canonical.get("#" + nicId), StandardCharsets.UTF_8), atts, msg);
        } catch (RuntimeException e) {
            msg.close();
            throw e;
        }
    }

    /** The SHA-256 digests of the attachments in the originator's signature, verified when the delivery was stored. */
    private static Map<String, byte[]> signedDigests(IncomingMessage msg) {
        Map<String, byte[]> out = new HashMap<>();
        msg.header("ClientSignature").flatMap(b -> Dom.optional(b, OsciXml.DS, "Signature"))
                .flatMap(s -> Dom.optional(s, OsciXml.DS, "SignedInfo")).ifPresent(si -> {
                    for (Element ref : Dom.children(si, OsciXml.DS, "Reference")) {
                        String uri = ref.getAttribute("URI");
                        String alg = Dom.optional(ref, OsciXml.DS, "DigestMethod").map(m -> m.getAttribute("Algorithm")).orElse("");
                        if (uri.startsWith("cid:") && OsciXml.SHA256.equals(alg)) {
                            Dom.optional(ref, OsciXml.DS, "DigestValue")
                                    .ifPresent(v -> out.put(uri, Base64.getMimeDecoder().decode(Dom.text(v).trim())));
                        }
                    }
                });
        return out;
    }

    /** The part's size: its Content-Length for a binary part (as ozgkit and the OSCI library write them), else counted. */
    private static long size(MimeIn.Part p) {
        try {
            String declared = "base64".equalsIgnoreCase(p.transferEncoding()) ? null : p.body().getHeader("Content-Length", null);
            if (declared != null && declared.trim().matches("\\d{1,18}")) {
                return Long.parseLong(declared.trim());
            }
        } catch (jakarta.mail.MessagingException e) {
            // counted below
        }
        try (InputStream in = p.open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String body() {
        return body;
    }

    /** @return the NonIntermediaryCertificates header, may be {@code null} */
    String nonIntermediaryCertificates() {
        return nonIntermediaryCertificates;
    }

    List<OutgoingMessage.Attachment> attachments() {
        return attachments;
    }

    @Override
    public void close() {
        msg.close();
    }
}
