package de.ozgkit.sandbox.postfach;

import de.ozgkit.sandbox.SandboxException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.sandbox.account.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logic of the sandbox mailbox (Postfach), free of HTTP. The API shape (paths, JSON) is the
 * sandbox's own, documented in docs/account.md; the envelope fields are those of PROTOCOLS.md.
 * Every API call needs a TLS client certificate; later calls on a message need a fresh author
 * token of the message's author as {@code Authorization: Bearer}. Thread-safe.
 */
public final class PostfachEngine {

    private static final Set<String> ENVELOPE = Set.of("content", "sha512sum", "authorToken", "authorCertificate");
    private static final Set<String> OPTIONAL = Set.of("service", "applicationId", "reference", "replyAddress");
    private static final Set<String> PROCESSING = Set.of("PROCESSING", "ACTION_REQUIRED", "COMPLETED");

    private final ObjectMapper json;
    private final Clock clock;
    private final EnvelopeVerifier verifier;
    private final long maxAttachmentBytes;
    private final Map<String, MailboxMessage> messages = new ConcurrentHashMap<>();

    /**
     * @param json               the JSON mapper
     * @param clock              the clock
     * @param anchors            CAs whose author certificates are accepted
     * @param maxAttachmentBytes the largest attachment accepted
     */
    public PostfachEngine(ObjectMapper json, Clock clock, List<X509Certificate> anchors, long maxAttachmentBytes) {
        this.json = json;
        this.clock = clock;
        this.verifier = new EnvelopeVerifier(json, clock, anchors);
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /**
     * {@code POST /messages}: verifies and stores a message.
     *
     * @param contentType       the request's media type
     * @param body              the envelope
     * @param clientCertificate whether the TLS client presented a trusted certificate
     * @return 201 {@code {messageId, status}}, or a problem
     */
    public Answer submit(String contentType, byte[] body, boolean clientCertificate) {
        try {
            requireClient(clientCertificate);
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new EnvelopeVerifier.Refused(415, "the envelope must be application/json");
            }
            JsonNode envelope = readObject(body, "the envelope");
            for (var it = envelope.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!ENVELOPE.contains(f)) {
                    throw new EnvelopeVerifier.Refused(400, "the envelope has the unknown field " + f
                            + "; it holds exactly content, sha512sum, authorToken and authorCertificate");
                }
            }
            X509Certificate cert = verifier.certificate(text(envelope, "authorCertificate"));
            EnvelopeVerifier.Token token = verifier.token(text(envelope, "authorToken"), cert.getPublicKey());
            byte[] content;
            try {
                content = Base64.getDecoder().decode(text(envelope, "content"));
            } catch (IllegalArgumentException e) {
                throw new EnvelopeVerifier.Refused(400, "content is not base64");
            }
            verifier.contentSignature(content, text(envelope, "sha512sum"), cert.getPublicKey());
            JsonNode message = readObject(content, "the content");
            Map<String, String> fields = new LinkedHashMap<>();
            for (String f : List.of("mailboxUuid", "sender", "title", "content")) {
                fields.put(f, text(message, f));
            }
            for (String f : OPTIONAL) {
                if (message.has(f)) {
                    fields.put(f, text(message, f));
                }
            }
            if (fields.get("mailboxUuid").isBlank() || fields.get("title").isBlank()) {
                throw new EnvelopeVerifier.Refused(400, "mailboxUuid and title must not be blank");
            }
            List<MailboxMessage.Declared> declared = new ArrayList<>();
            JsonNode attachments = message.path("attachments");
            if (!attachments.isMissingNode() && !attachments.isArray()) {
                throw new EnvelopeVerifier.Refused(400, "attachments must be an array");
            }
            Set<String> names = new java.util.HashSet<>();
            for (JsonNode a : attachments) {
                String filename = text(a, "filename");
                String sha = text(a, "sha512sum");
                if (!sha.matches("[0-9a-f]{128}")) {
                    throw new EnvelopeVerifier.Refused(400, "attachment sha512sum must be 128 lower-case hex digits");
                }
                if (!a.path("contentLength").canConvertToLong() || a.path("contentLength").asLong() < 0
                        || a.path("contentLength").asLong() > maxAttachmentBytes) {
                    throw new EnvelopeVerifier.Refused(400, "attachment contentLength must be 0.." + maxAttachmentBytes);
                }
                if (filename.isEmpty() || !names.add(filename)) {
                    throw new EnvelopeVerifier.Refused(400, "attachment filenames must be non-empty and unique");
                }
                declared.add(new MailboxMessage.Declared(filename, a.path("mediaType").asText("application/octet-stream"),
                        sha, a.path("contentLength").asLong()));
            }
            MailboxMessage m = new MailboxMessage(UUID.randomUUID().toString(), fields, declared, cert, token.signer(),
                    clock.instant());
            messages.put(m.id(), m);
            return jsonAnswer(201, state(m)).withLocation("messages/" + m.id());
        } catch (EnvelopeVerifier.Refused e) {
            return problem(e);
        }
    }

    /**
     * {@code PUT /messages/{id}/attachments/{index}}: the attachment at that position (from 0) of
     * the signed message's {@code attachments}.
     *
     * @param id                the message id
     * @param index             the attachment's position in the signed message, from 0
     * @param body              its bytes
     * @param authorization     the Authorization header
     * @param clientCertificate whether the TLS client presented a certificate
     * @return 200 {@code {messageId, status}}, or a problem
     */
    public Answer putAttachment(String id, String index, byte[] body, String authorization, boolean clientCertificate) {
        try {
            MailboxMessage m = authorised(id, authorization, clientCertificate);
            int position = index.matches("[0-9]{1,4}") ? Integer.parseInt(index) : -1;
            if (position < 0 || position >= m.declared().size()) {
                throw new EnvelopeVerifier.Refused(404, "the message declares no attachment number " + index
                        + " (attachments are numbered from 0 in the order of the signed message)");
            }
            MailboxMessage.Declared d = m.declared().get(position);
            String filename = d.filename();
            if (body.length != d.contentLength() || !sha512(body).equals(d.sha512())) {
                throw new EnvelopeVerifier.Refused(400, "the attachment's length or SHA-512 differs from what the"
                        + " signed message declares");
            }
            if (m.receivedAttachments().contains(filename) && !m.hasReceived(filename, body)) {
                throw new EnvelopeVerifier.Refused(409, "the attachment was already received");
            }
            m.receive(filename, body);
            return jsonAnswer(200, state(m));
        } catch (EnvelopeVerifier.Refused e) {
            return problem(e);
        }
    }

    /**
     * {@code GET /messages/{id}}.
     *
     * @param id                the message id
     * @param authorization     the Authorization header
     * @param clientCertificate whether the TLS client presented a certificate
     * @return 200 with the message's state, or a problem
     */
    public Answer get(String id, String authorization, boolean clientCertificate) {
        try {
            return jsonAnswer(200, state(authorised(id, authorization, clientCertificate)));
        } catch (EnvelopeVerifier.Refused e) {
            return problem(e);
        }
    }

    /**
     * {@code PUT /messages/{id}/status} with {@code {"status": "PROCESSING"|"ACTION_REQUIRED"|"COMPLETED"}}.
     *
     * @param id                the message id
     * @param body              the JSON body
     * @param authorization     the Authorization header
     * @param clientCertificate whether the TLS client presented a certificate
     * @return 200 with the message's state, 409 for a move the status flow does not allow, or a problem
     */
    public Answer updateStatus(String id, byte[] body, String authorization, boolean clientCertificate) {
        try {
            MailboxMessage m = authorised(id, authorization, clientCertificate);
            String next = text(readObject(body, "the body"), "status");
            if (!PROCESSING.contains(next)) {
                throw new EnvelopeVerifier.Refused(400, "status must be PROCESSING, ACTION_REQUIRED or COMPLETED");
            }
            synchronized (m) {
                String current = m.status();
                if (current.equals("INITIATED") || current.equals("COMPLETED")) {
                    throw new EnvelopeVerifier.Refused(409, "a message in status " + current + " cannot move to " + next);
                }
                m.status(next);
            }
            return jsonAnswer(200, state(m));
        } catch (EnvelopeVerifier.Refused e) {
            return problem(e);
        }
    }

    /**
     * {@code GET /inbox/{mailboxUuid}}: the citizen's inbox as a small HTML page.
     *
     * @param mailboxUuid the mailbox
     * @return the page
     */
    public Answer inbox(String mailboxUuid) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Postfach</title></head><body>\n<h1>Postfach</h1>\n<table>\n<tr><th>Eingang</th><th>Absender</th>"
                + "<th>Betreff</th><th>Status</th><th>Anhänge</th></tr>\n");
        for (MailboxMessage m : messages(mailboxUuid)) {
            html.append("<tr><td>").append(m.created()).append("</td><td>").append(Answer.escape(m.field("sender")))
                    .append("</td><td><a href=\"").append(Answer.escape(segment(mailboxUuid) + "/" + segment(m.id()))).append("\">")
                    .append(Answer.escape(m.field("title"))).append("</a></td><td>").append(m.status()).append("</td><td>");
            for (MailboxMessage.Declared d : m.declared()) {
                html.append(Answer.escape(d.filename())).append(' ');
            }
            html.append("</td></tr>\n");
        }
        return Answer.html(200, html.append("</table>\n</body></html>\n").toString());
    }

    /**
     * {@code GET /inbox/{mailboxUuid}/{id}}: one message; opening it moves SUBMITTED to RECEIVED.
     *
     * @param mailboxUuid the mailbox
     * @param id          the message id
     * @return the page, or 404
     */
    public Answer open(String mailboxUuid, String id) {
        MailboxMessage m = messages.get(id);
        if (m == null || !m.field("mailboxUuid").equals(mailboxUuid)) {
            return Answer.html(404, "<!DOCTYPE html>\n<html><body><p>Keine solche Nachricht.</p></body></html>\n");
        }
        synchronized (m) {
            if (m.status().equals("SUBMITTED")) {
                m.status("RECEIVED");
            }
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>")
                .append(Answer.escape(m.field("title"))).append("</title></head><body>\n<h1>")
                .append(Answer.escape(m.field("title"))).append("</h1>\n<p>Von ").append(Answer.escape(m.field("sender")))
                .append("</p>\n<pre>").append(Answer.escape(m.field("content"))).append("</pre>\n");
        for (String f : List.of("service", "applicationId", "reference", "replyAddress")) {
            if (m.field(f) != null) {
                html.append("<p>").append(f).append(": ").append(Answer.escape(m.field(f))).append("</p>\n");
            }
        }
        return Answer.html(200, html.append("</body></html>\n").toString());
    }

    /**
     * @param mailboxUuid a mailbox
     * @return its messages, oldest first
     */
    public List<MailboxMessage> messages(String mailboxUuid) {
        return messages.values().stream().filter(m -> m.field("mailboxUuid").equals(mailboxUuid))
                .sorted(Comparator.comparing(MailboxMessage::created)).toList();
    }

    private static String segment(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private MailboxMessage authorised(String id, String authorization, boolean clientCertificate) {
        requireClient(clientCertificate);
        MailboxMessage m = messages.get(id);
        if (m == null) {
            throw new EnvelopeVerifier.Refused(404, "no message " + id);
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new EnvelopeVerifier.Refused(401, "send an author token as Authorization: Bearer");
        }
        verifier.token(authorization.substring(7).strip(), m.author().getPublicKey());
        return m;
    }

    private static void requireClient(boolean clientCertificate) {
        if (!clientCertificate) {
            throw new EnvelopeVerifier.Refused(401, "the mailbox API needs mutual TLS: present a client certificate"
                    + " issued by the sandbox CA (start the sandbox with TLS)");
        }
    }

    private ObjectNode state(MailboxMessage m) {
        ObjectNode o = json.createObjectNode();
        o.put("messageId", m.id());
        o.put("mailboxUuid", m.field("mailboxUuid"));
        o.put("status", m.status());
        o.put("createdAt", m.created().toString());
        var received = o.putArray("receivedAttachments");
        m.receivedAttachments().forEach(received::add);
        return o;
    }

    private JsonNode readObject(byte[] body, String what) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                throw new EnvelopeVerifier.Refused(400, what + " must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new EnvelopeVerifier.Refused(400, what + " is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new EnvelopeVerifier.Refused(400, "the field " + field + " must be a string");
        }
        return v.asText();
    }

    private static String sha512(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new SandboxException("this Java runtime offers no SHA-512 MessageDigest; run on a JDK with the standard providers", e);
        }
    }

    private Answer jsonAnswer(int status, JsonNode body) {
        try {
            return new Answer(status, "application/json", json.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer problem(EnvelopeVerifier.Refused e) {
        ObjectNode p = json.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", switch (e.status) {
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            default -> "Bad Request";
        });
        p.put("status", e.status);
        p.put("detail", e.getMessage());
        try {
            return new Answer(e.status, "application/problem+json", json.writeValueAsBytes(p), Map.of());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
