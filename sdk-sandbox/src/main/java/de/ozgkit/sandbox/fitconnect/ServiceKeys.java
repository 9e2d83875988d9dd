package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.sandbox.SandboxException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated submission service's own signature key (RSA, PS512): it signs the service's Security
 * Event Tokens and is published in {@code /.well-known/jwks.json}.
 */
final class ServiceKeys {

    private final RSAKey key;
    private final String issuer;

    ServiceKeys(KeyPair pair, String issuer) {
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("submission-service-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS512)
                .build();
        this.issuer = issuer;
    }

    String issuer() {
        return issuer;
    }

    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /**
     * Signs an event of the service.
     *
     * @param eventUri     the event
     * @param submissionId the subject
     * @param caseId       the case
     * @param payload      the event's payload
     * @param now          the issue time
     * @return the compact SET
     */
    String sign(String eventUri, UUID submissionId, UUID caseId, Map<String, Object> payload, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("$schema", "https://schema.fitko.de/fit-connect/set-payload/1.0.0/set-payload.schema.json")
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .issueTime(Date.from(now))
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(eventUri, payload))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512)
                .type(new JOSEObjectType("secevent+jwt")).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new SandboxException("cannot sign a SET: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
