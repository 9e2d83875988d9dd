package de.ozgkit.account.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgkit.account.postfach.Attachment;
import de.ozgkit.account.postfach.MessageReceipt;
import de.ozgkit.account.postfach.MessageStatus;
import de.ozgkit.account.postfach.PostfachClient;
import de.ozgkit.account.postfach.PostfachMessage;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.core.internal.Json;
import de.ozgkit.core.security.Identity;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link PostfachClient}: builds and signs the envelope, sends it and the attachments through
 * core's pipeline (retries, TLS, error mapping), reads status answers. Thread-safe.
 */
public final class DefaultPostfachClient implements PostfachClient {

    private final HttpPipeline pipeline;
    private final Identity author;
    private final String signer;
    private final List<String> roles;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final String certificate;

    /**
     * @param config        transport settings with the mailbox's base URI
     * @param author        RSA key and certificate
     * @param signer        the token's signer claim
     * @param roles         the token's roles claim
     * @param tokenLifetime token validity
     * @param clock         the clock for iat and exp
     */
    public DefaultPostfachClient(OzgClientConfig config, Identity author, String signer, List<String> roles,
                                 Duration tokenLifetime, Clock clock) {
        this.pipeline = new HttpPipeline(config);
        this.author = author;
        this.signer = signer;
        this.roles = List.copyOf(roles);
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
        try {
            this.certificate = Base64.getEncoder().encodeToString(author.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw OzgClientException.configuration("the author certificate cannot be encoded: " + e.getMessage());
        }
    }

    @Override
    public MessageReceipt send(PostfachMessage message) {
        Objects.requireNonNull(message, "message");
        byte[] content = messageJson(message);
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("content", Base64.getEncoder().encodeToString(content));
        envelope.put("sha512sum", Base64.getEncoder().encodeToString(sign(content)));
        envelope.put("authorToken", authorToken());
        envelope.put("authorCertificate", certificate);
        HttpResponse created = pipeline.call(HttpRequest.builder("POST", pipeline.resolve("messages"))
                .body("application/json", json(envelope)).header("Accept", "application/json").build()).response();
        JsonNode answer = read(created);
        String id = text(answer, "messageId");
        MessageStatus status = MessageStatus.fromCode(text(answer, "status"));
        for (int i = 0; i < message.attachments().size(); i++) {
            Attachment a = message.attachments().get(i);
            // addressed by position, so that no file name has to survive URL encoding
            HttpResponse r = pipeline.call(HttpRequest.builder("PUT", pipeline.resolve("messages", id, "attachments",
                            Integer.toString(i))).body(a.mediaType(), a.content()).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + authorToken()).build()).response();
            status = MessageStatus.fromCode(text(read(r), "status"));
        }
        return new MessageReceipt(id, status);
    }

    @Override
    public MessageStatus status(String messageId) {
        HttpResponse r = pipeline.call(HttpRequest.builder("GET", pipeline.resolve("messages", messageId))
                .header("Accept", "application/json").header("Authorization", "Bearer " + authorToken()).build()).response();
        return MessageStatus.fromCode(text(read(r), "status"));
    }

    @Override
    public MessageStatus updateStatus(String messageId, MessageStatus status) {
        ObjectNode body = Json.mapper().createObjectNode().put("status", status.code());
        HttpResponse r = pipeline.call(HttpRequest.builder("PUT", pipeline.resolve("messages", messageId, "status"))
                .body("application/json", json(body)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + authorToken()).build()).response();
        return MessageStatus.fromCode(text(read(r), "status"));
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /** The message as JSON, exactly the bytes that are signed. */
    static byte[] messageJson(PostfachMessage m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("mailboxUuid", m.mailboxUuid());
        o.put("sender", m.sender());
        o.put("title", m.title());
        o.put("content", m.content());
        putIfSet(o, "service", m.service());
        putIfSet(o, "applicationId", m.applicationId());
        putIfSet(o, "reference", m.reference());
        putIfSet(o, "replyAddress", m.replyAddress());
        ArrayNode attachments = o.putArray("attachments");
        for (Attachment a : m.attachments()) {
            attachments.addObject().put("filename", a.filename()).put("mediaType", a.mediaType())
                    .put("sha512sum", a.sha512()).put("contentLength", a.content().length);
        }
        return json(o);
    }

    private static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private byte[] sign(byte[] content) {
        try {
            Signature s = Signature.getInstance("SHA512withRSA");
            s.initSign(author.privateKey());
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw OzgClientException.configuration("cannot sign with the author key: " + e.getMessage());
        }
    }

    /** A fresh author token: RS512, iat, exp, signer, roles, a unique jti. */
    String authorToken() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(tokenLifetime)))
                .claim("signer", signer)
                .claim("roles", roles)
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(author.privateKey()));
        } catch (JOSEException e) {
            throw OzgClientException.configuration("cannot sign the author token: " + e.getMessage());
        }
        return jwt.serialize();
    }

    private static byte[] json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "cannot write the Postfach request as JSON: " + e.getMessage(), e, 0);
        }
    }

    private static JsonNode read(HttpResponse r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the mailbox answered " + r.status()
                    + " with a body that is not JSON: " + e.getMessage(), e, 1);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the mailbox's answer lacks the text field "
                    + field, null, 1);
        }
        return v.asText();
    }
}
