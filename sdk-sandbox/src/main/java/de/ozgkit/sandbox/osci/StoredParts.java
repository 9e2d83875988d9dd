package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.internal.Dsig;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.MimeIn;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.messaging.internal.Spool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a stored delivery that an answer to FetchDelivery passes on unchanged: the body with
 * the content containers and the NonIntermediaryCertificates header (both in the canonical form the
 * originator signed, so the authors' signatures stay valid), and the attachments.
 */
final class StoredParts implements AutoCloseable {

    private final String body;
    private final String nonIntermediaryCertificates;
    private final List<OutgoingMessage.Attachment> attachments;
    private final List<Spool> spools;

    private StoredParts(String body, String nonIntermediaryCertificates, List<OutgoingMessage.Attachment> attachments,
                        List<Spool> spools) {
        this.body = body;
        this.nonIntermediaryCertificates = nonIntermediaryCertificates;
        this.attachments = attachments;
        this.spools = spools;
    }

    static StoredParts read(Path message, IncomingMessage.Limits limits) {
        Spool stored;
        try (InputStream in = Files.newInputStream(message)) {
            stored = Spool.copyOf(in, limits.maxMessageBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("stored delivery " + message.getParent().getFileName() + " cannot be read", e);
        }
        List<Spool> spools = new ArrayList<>();
        spools.add(stored);
        try (IncomingMessage msg = IncomingMessage.parse(stored, null, null, limits)) {
            String bodyId = msg.body().getAttribute("Id");
            List<String> uris = new ArrayList<>(List.of("#" + bodyId));
            String nicId = msg.header("NonIntermediaryCertificates").map(e -> e.getAttribute("Id")).orElse(null);
            if (nicId != null) {
                uris.add("#" + nicId);
            }
            Map<String, byte[]> canonical = new HashMap<>();
            Dsig.digests(msg.document(), uris, cid -> null, canonical);
            List<OutgoingMessage.Attachment> atts = new ArrayList<>();
            for (MimeIn.Part p : msg.attachments().values()) {
                Spool s;
                try (InputStream in = p.open()) {
                    s = Spool.copyOf(in, limits.maxMessageBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spools.add(s);
                atts.add(new OutgoingMessage.Attachment(p.contentId(), p.contentType(), s));
            }
            return new StoredParts(new String(canonical.get("#" + bodyId), StandardCharsets.UTF_8),
                    nicId == null ? null : new String(canonical.get("#" + nicId), StandardCharsets.UTF_8), atts, spools);
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
        spools.forEach(Spool::close);
    }
}
