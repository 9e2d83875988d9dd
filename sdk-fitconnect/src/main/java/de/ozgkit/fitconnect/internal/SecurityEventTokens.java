package de.ozgkit.fitconnect.internal;

import de.ozgkit.core.OzgClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgkit.fitconnect.AuthenticationTags;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.Event;
import de.ozgkit.fitconnect.EventLogEntry;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.Problem;
import java.io.IOException;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Security Event Tokens (RFC 8417) of the FIT-Connect event log: signed JWTs with
 * {@code typ: secevent+jwt} and PS512, claims {@code jti}, {@code iss}, {@code iat},
 * {@code sub: submission:<id>}, {@code txn: case:<id>} and exactly one event. Verified and created
 * with nimbus-jose-jwt.
 */
public final class SecurityEventTokens {

    /** The {@code typ} of a SET. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("secevent+jwt");
    /** The payload schema written into SETs this client creates. */
    public static final String PAYLOAD_SCHEMA = "https://schema.fitko.de/fit-connect/set-payload/1.0.0/set-payload.schema.json";

    private static final Set<Event> BY_SERVICE = Set.of(Event.CREATE_SUBMISSION, Event.SUBMIT_SUBMISSION,
            Event.NOTIFY_SUBMISSION, Event.DELETE_SUBMISSION);
    private static final Set<Event> BY_DESTINATION = Set.of(Event.FORWARD_SUBMISSION, Event.ACCEPT_SUBMISSION);

    /** Finds the public key of a SET's issuer. */
    @FunctionalInterface
    public interface KeyResolver {
        /**
         * @param issuer the {@code iss}: the service's URL or a destination id
         * @param kid    the {@code kid} of the header
         * @return the key, or {@code null} when none is known
         */
        RSAKey resolve(String issuer, String kid);
    }

    private SecurityEventTokens() {
    }

    /**
     * Verifies one SET of a case's event log.
     *
     * @param token         the compact SET
     * @param keys          resolves the issuer's key
     * @param serviceIssuer the submission service's issuer URL ({@code iss} of its own SETs)
     * @param caseId        the case whose log it came from ({@code txn} must name it)
     * @param submissionId  the submission it must be about ({@code sub}), or {@code null} to accept any
     * @param destinationId the destination of the submission, or {@code null} when unknown; destination
     *                      events must be issued by it
     * @return the verified entry
     * @throws FitConnectVerificationException naming the failed check
     */
    public static EventLogEntry verify(String token, KeyResolver keys, String serviceIssuer, UUID caseId,
                                       UUID submissionId, UUID destinationId) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail(Check.SET_MALFORMED, "an event log entry is not a signed JWT (" + e.getMessage() + ")", e);
        }
        JWSHeader header = jwt.getHeader();
        if (!TYPE.equals(header.getType()) || !JWSAlgorithm.PS512.equals(header.getAlgorithm())
                || header.getKeyID() == null) {
            throw fail(Check.SET_HEADER, "an event log entry has typ " + header.getType() + ", alg " + header.getAlgorithm()
                    + " and kid " + (header.getKeyID() == null ? "none" : "\"" + header.getKeyID() + "\"")
                    + "; a SET needs typ secevent+jwt, alg PS512 and a kid", null);
        }
        String issuer = claims.getIssuer();
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            events = null;
        }
        if (claims.getJWTID() == null || issuer == null || claims.getIssueTime() == null || claims.getSubject() == null
                || claims.getClaim("txn") == null || events == null || events.size() != 1) {
            throw fail(Check.SET_MALFORMED, "an event log entry lacks jti, iss, iat, sub, txn or exactly one event", null);
        }
        RSAKey key = keys.resolve(issuer, header.getKeyID());
        if (key == null) {
            throw fail(Check.SET_UNKNOWN_KEY, "no key \"" + header.getKeyID() + "\" is known for the issuer of an event log"
                    + " entry", null);
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw fail(Check.SET_SIGNATURE, "the signature of an event log entry does not verify with its issuer's key"
                        + " \"" + header.getKeyID() + "\"", null);
            }
        } catch (JOSEException e) {
            throw fail(Check.SET_SIGNATURE, "the signature of an event log entry cannot be verified (" + e.getMessage() + ")",
                    e);
        }
        UUID txn = prefixedUuid(String.valueOf(claims.getClaim("txn")), "case:");
        if (txn == null || !txn.equals(caseId)) {
            throw fail(Check.SET_TRANSACTION, "an entry in the event log of case " + caseId + " names "
                    + (txn == null ? "no valid case" : "case " + txn) + " in txn", null);
        }
        UUID sub = prefixedUuid(claims.getSubject(), "submission:");
        if (sub == null && !claims.getSubject().startsWith("reply:")) {
            throw fail(Check.SET_SUBJECT, "an event log entry's sub is neither submission:<uuid> nor reply:<uuid>", null);
        }
        if (submissionId != null && !submissionId.equals(sub)) {
            throw fail(Check.SET_SUBJECT, "the event is about " + claims.getSubject() + ", not about submission "
                    + submissionId, null);
        }
        String eventUri = events.keySet().iterator().next();
        Event event = Event.lookup(eventUri).orElse(null);
        boolean byService = issuer.equals(serviceIssuer);
        if (event != null && sub != null) {
            boolean ok = event == Event.REJECT_SUBMISSION ? byService || isDestination(issuer, destinationId)
                    : BY_SERVICE.contains(event) ? byService
                    : BY_DESTINATION.contains(event) && isDestination(issuer, destinationId);
            if (!ok) {
                throw fail(Check.SET_ISSUER, "event " + eventUri + " was issued by " + (byService ? "the submission service"
                        : "\"" + issuer + "\"") + ", which may not issue it", null);
            }
        }
        JsonNode payload;
        try {
            payload = FcJson.mapper().valueToTree(events.get(eventUri));
        } catch (IllegalArgumentException e) {
            throw fail(Check.SET_MALFORMED, "an event's payload is not JSON", e);
        }
        return new EventLogEntry(claims.getJWTID(), eventUri, issuer, claims.getIssueTime().toInstant(), sub, txn,
                tags(payload), problems(payload), token);
    }

    private static boolean isDestination(String issuer, UUID destinationId) {
        UUID d = FcJson.parseUuid(issuer).orElse(null);
        return d != null && (destinationId == null || d.equals(destinationId));
    }

    private static UUID prefixedUuid(String value, String prefix) {
        return value != null && value.startsWith(prefix) ? FcJson.parseUuid(value.substring(prefix.length())).orElse(null)
                : null;
    }

    private static AuthenticationTags tags(JsonNode payload) {
        JsonNode t = payload == null ? null : payload.get("authenticationTags");
        if (t == null || !t.isObject() || !t.path("metadata").isTextual()) {
            return null;
        }
        Map<UUID, String> attachments = new LinkedHashMap<>();
        JsonNode a = t.get("attachments");
        if (a != null && a.isObject()) {
            for (var it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                UUID id = FcJson.parseUuid(e.getKey()).orElse(null);
                if (id == null || !e.getValue().isTextual()) {
                    throw fail(Check.SET_MALFORMED, "an event's authenticationTags name an attachment that is not a UUID",
                            null);
                }
                attachments.put(id, e.getValue().textValue());
            }
        }
        return new AuthenticationTags(t.get("metadata").textValue(), FcJson.text(t, "data").orElse(null), attachments);
    }

    private static List<Problem> problems(JsonNode payload) {
        List<Problem> out = new ArrayList<>();
        JsonNode p = payload == null ? null : payload.get("problems");
        if (p != null && p.isArray()) {
            for (JsonNode e : p) {
                out.add(new Problem(FcJson.text(e, "type").orElse("about:blank"), FcJson.text(e, "title").orElse(""),
                        FcJson.text(e, "detail").orElse(null), FcJson.text(e, "instance").orElse(null)));
            }
        }
        return out;
    }

    /**
     * Creates and signs a SET of the destination (accept or reject).
     *
     * @param event         the event
     * @param destinationId the issuer
     * @param submissionId  the subject
     * @param caseId        the case
     * @param tags          the authentication tags, may be {@code null}
     * @param problems      the problems of a rejection
     * @param signingKey    the destination's private signing key
     * @param kid           its key id
     * @param now           the issue time
     * @return the compact SET
     */
    public static String create(Event event, UUID destinationId, UUID submissionId, UUID caseId, AuthenticationTags tags,
                                List<Problem> problems, PrivateKey signingKey, String kid, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (tags != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("metadata", tags.metadata());
            if (tags.data() != null) {
                t.put("data", tags.data());
            }
            Map<String, Object> a = new LinkedHashMap<>();
            tags.attachments().forEach((id, tag) -> a.put(id.toString(), tag));
            t.put("attachments", a);
            payload.put("authenticationTags", t);
        }
        if (!problems.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", p.type());
                m.put("title", p.title());
                if (p.detail() != null) {
                    m.put("detail", p.detail());
                }
                if (p.instance() != null) {
                    m.put("instance", p.instance());
                }
                list.add(m);
            }
            payload.put("problems", list);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("$schema", PAYLOAD_SCHEMA)
                .jwtID(UUID.randomUUID().toString())
                .issuer(destinationId.toString())
                .issueTime(Date.from(now))
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event.code(), payload))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(TYPE).keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "the destination's signing key cannot sign with PS512: " + e.getMessage(), e, 0);
        }
        return jwt.serialize();
    }

    private static FitConnectVerificationException fail(Check check, String message, Throwable cause) {
        return new FitConnectVerificationException(check, message, Problem.invalidEventLog(), cause);
    }

    /**
     * Reads a JWKS document into its RSA keys.
     *
     * @param jwks the JWKS JSON
     * @return the RSA keys by kid
     * @throws IOException when the document is not a JWKS
     */
    public static Map<String, RSAKey> rsaKeys(String jwks) throws IOException {
        try {
            Map<String, RSAKey> out = new LinkedHashMap<>();
            for (var k : com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys()) {
                if (k instanceof RSAKey r && r.getKeyID() != null) {
                    out.put(r.getKeyID(), r.toPublicJWK());
                }
            }
            return out;
        } catch (ParseException e) {
            throw new IOException("not a JWK set: " + e.getMessage(), e);
        }
    }
}
