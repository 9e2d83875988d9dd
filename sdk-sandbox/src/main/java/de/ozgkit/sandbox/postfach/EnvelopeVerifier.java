package de.ozgkit.sandbox.postfach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.security.CertificateValidationException;
import de.ozgkit.core.security.CertificateValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The mailbox's own checks of the envelope {@code {content, sha512sum, authorToken,
 * authorCertificate}}, written from PROTOCOLS.md and RFC 7515/7519 without the client's code:
 * the author certificate chains to a trusted CA and is valid now; the author token is a compact
 * JWS with {@code alg} RS512 verified with that certificate's key, with {@code iat}, {@code exp}
 * (at most one hour apart, 60 seconds of clock skew), a {@code signer} and {@code roles}; the
 * {@code sha512sum} is an RSA-SHA512 signature of the decoded content by the same key.
 */
final class EnvelopeVerifier {

    private static final long SKEW_SECONDS = 60;

    /** A refused request: status and detail for a problem answer. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    /**
     * The verified token.
     *
     * @param signer the signer claim
     * @param roles  the roles claim
     */
    record Token(String signer, List<String> roles) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final List<X509Certificate> anchors;

    EnvelopeVerifier(ObjectMapper json, Clock clock, List<X509Certificate> anchors) {
        this.json = json;
        this.clock = clock;
        this.anchors = List.copyOf(anchors);
    }

    X509Certificate certificate(String base64) {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new Refused(400, "authorCertificate is not a base64 DER X.509 certificate");
        }
        if (!"RSA".equals(cert.getPublicKey().getAlgorithm())) {
            throw new Refused(400, "authorCertificate must hold an RSA key (RSA-SHA512, RS512)");
        }
        if (anchors.isEmpty()) {
            throw new Refused(401, "the mailbox trusts no CA; author certificates cannot be accepted");
        }
        try {
            CertificateValidator.builder().trustAnchors(anchors).clock(clock).build().validate(List.of(cert));
        } catch (CertificateValidationException e) {
            throw new Refused(401, "authorCertificate is not valid: " + e.getMessage());
        }
        return cert;
    }

    Token token(String jws, PublicKey key) {
        String[] parts = jws == null ? new String[0] : jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused(401, "the author token is not a compact JWS (three base64url parts)");
        }
        JsonNode header = part(parts[0], "header");
        JsonNode claims = part(parts[1], "payload");
        if (!"RS512".equals(header.path("alg").asText()) || header.has("crit")) {
            throw new Refused(401, "the author token must be signed with alg RS512 and carry no crit header");
        }
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Refused(401, "the author token's signature is not base64url");
        }
        if (!verify(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), sig)) {
            throw new Refused(401, "the author token's signature does not verify with the author certificate");
        }
        if (!claims.path("iat").isNumber() || !claims.path("exp").isNumber()) {
            throw new Refused(401, "the author token needs numeric iat and exp claims");
        }
        long now = clock.instant().getEpochSecond();
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        if (exp <= now - SKEW_SECONDS) {
            throw new Refused(401, "the author token expired at " + Instant.ofEpochSecond(exp));
        }
        if (iat > now + SKEW_SECONDS || exp <= iat || exp - iat > 3600) {
            throw new Refused(401, "the author token's iat/exp are not plausible (issued in the future or valid"
                    + " longer than one hour)");
        }
        String signer = claims.path("signer").asText("");
        if (!claims.path("signer").isTextual() || signer.isBlank()) {
            throw new Refused(401, "the author token needs a signer claim");
        }
        JsonNode roles = claims.path("roles");
        if (!roles.isArray()) {
            throw new Refused(401, "the author token needs a roles claim (array of strings)");
        }
        List<String> r = new java.util.ArrayList<>();
        roles.forEach(n -> r.add(n.asText()));
        return new Token(signer, r);
    }

    void contentSignature(byte[] content, String base64Signature, PublicKey key) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "sha512sum is not base64");
        }
        try {
            Signature s = Signature.getInstance("SHA512withRSA");
            s.initVerify(key);
            s.update(content);
            if (!s.verify(sig)) {
                throw new Refused(400, "sha512sum does not verify: the content is not what the author signed");
            }
        } catch (GeneralSecurityException e) {
            throw new Refused(400, "sha512sum is not an RSA-SHA512 signature");
        }
    }

    private JsonNode part(String b64, String what) {
        try {
            JsonNode n = json.readTree(Base64.getUrlDecoder().decode(b64));
            if (n == null || !n.isObject()) {
                throw new Refused(401, "the author token's " + what + " is not a JSON object");
            }
            return n;
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(401, "the author token's " + what + " is not base64url JSON");
        }
    }

    private static boolean verify(PublicKey key, byte[] data, byte[] sig) {
        try {
            Signature s = Signature.getInstance("SHA512withRSA");
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
