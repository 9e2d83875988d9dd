package de.ozgkit.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated submission service checked against the public API description with raw HTTP and
 * JSON built here (not with ozgkit's FIT-Connect client): paths, methods, status codes, member names,
 * media types, problem types, the token endpoint and the signed event log. Keys are 2048-bit for
 * speed; the service does not judge key sizes, clients do.
 */
class SubmissionApiSpecTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestPki pki;
    static TestDestination destination;
    static FitConnectSimulator sim;
    static Sandbox sandbox;
    static CloseableHttpClient http;

    record Answer(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void start() {
        pki = TestPki.create();
        IssuedCertificate enc = pki.intermediate().issue(CertificateSpec.builder().subject("CN=enc")
                .keyType(KeyType.RSA_2048).keyUsage(CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
        IssuedCertificate sig = pki.intermediate().issue(CertificateSpec.builder().subject("CN=sig")
                .keyType(KeyType.RSA_2048).keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE).build());
        destination = TestDestination.builder(pki.rootCertificate(), enc, sig).build();
        sim = FitConnectSimulator.builder().destination(destination).serviceKey(KeyType.RSA_2048.generate()).build();
        sandbox = Sandbox.builder().service(sim).start();
        http = HttpClients.createDefault();
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        sandbox.close();
    }

    static Answer call(String method, URI uri, String token, String contentType, byte[] body) throws Exception {
        HttpUriRequestBase r = new HttpUriRequestBase(method, uri);
        if (token != null) {
            r.addHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            r.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        }
        return http.execute(r, res -> new Answer(res.getCode(), res.getEntity() == null ? null
                : res.getEntity().getContentType(), res.getEntity() == null ? "" : EntityUtils.toString(res.getEntity(),
                StandardCharsets.UTF_8)));
    }

    static Answer api(String method, String path, String token, String contentType, String body) throws Exception {
        return call(method, URI.create(sim.submissionApi() + path), token, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static String token(String id, String secret) throws Exception {
        Answer a = call("POST", sim.tokenUri(), null, "application/x-www-form-urlencoded",
                ("grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret).getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(200);
        JsonNode t = a.json();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isPositive();
        return t.get("access_token").asText();
    }

    static String jwe(String text) throws Exception {
        JWEObject o = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(destination.encryptionKid()).build(), new Payload(text));
        o.encrypt(new RSAEncrypter((RSAPublicKey) destination.encryption().publicKey()));
        return o.serialize();
    }

    static void problem(Answer a, int status, String type) throws Exception {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("type").asText()).isEqualTo("https://schema.fitko.de/fit-connect/submission-api/problems/" + type);
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.json().get("title").asText()).isNotBlank();
    }

    @Test
    void tamperingHelpers_refuseUnknownSubmissionsAndCases_asSandboxException() {
        java.util.UUID unknown = java.util.UUID.randomUUID();
        assertThatThrownBy(() -> sim.replaceEncrypted(unknown, "x", null))
                .isInstanceOf(SandboxException.class).hasMessageContaining("has no submission " + unknown);
        assertThatThrownBy(() -> sim.replaceAttachment(unknown, unknown, new byte[1]))
                .isInstanceOf(SandboxException.class).hasMessageContaining("has no submission " + unknown);
        assertThatThrownBy(() -> sim.replaceEvent(unknown, 0, "x"))
                .isInstanceOf(SandboxException.class).hasMessageContaining("case " + unknown + " has no event at index 0");
    }

    @Test
    void tokenEndpoint_takesCredentialsFromTheFormBody_only() throws Exception {
        token(FitConnectSimulator.SENDER_CLIENT_ID, FitConnectSimulator.SENDER_CLIENT_SECRET);
        Answer wrong = call("POST", sim.tokenUri(), null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=sandbox-sender&client_secret=nope".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        HttpUriRequestBase basic = new HttpUriRequestBase("POST", sim.tokenUri());
        basic.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "sandbox-sender:sandbox-sender-secret".getBytes(StandardCharsets.UTF_8)));
        basic.setEntity(new ByteArrayEntity("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8),
                ContentType.APPLICATION_FORM_URLENCODED));
        int basicStatus = http.execute(basic, res -> res.getCode());
        assertThat(basicStatus).isEqualTo(401);
        assertThat(call("POST", sim.tokenUri(), null, "application/x-www-form-urlencoded",
                "grant_type=password".getBytes(StandardCharsets.UTF_8)).json().get("error").asText())
                .isEqualTo("unsupported_grant_type");
        problem(api("GET", "/v1/destinations/" + destination.destinationId(), null, null, null), 401, "unauthorized");
        problem(api("GET", "/v1/destinations/" + destination.destinationId(), "forged", null, null), 401, "unauthorized");
    }

    @Test
    void fullLifeCycle_asThePublicApiDescribesIt() throws Exception {
        String sender = token(FitConnectSimulator.SENDER_CLIENT_ID, FitConnectSimulator.SENDER_CLIENT_SECRET);
        String subscriber = token(destination.clientId(), destination.clientSecret());

        JsonNode dest = api("GET", "/v1/destinations/" + destination.destinationId(), sender, null, null).json();
        assertThat(dest.get("status").asText()).isEqualTo("active");
        assertThat(dest.get("encryptionKid").asText()).isEqualTo(destination.encryptionKid());
        assertThat(dest.get("services").get(0).get("submissionSchemas").get(0).has("schemaUri")).isTrue();
        JsonNode key = api("GET", "/v1/destinations/" + destination.destinationId() + "/keys/" + destination.encryptionKid(),
                sender, null, null).json();
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RSA-OAEP-256");
        assertThat(key.get("key_ops")).containsExactly(JSON.getNodeFactory().textNode("wrapKey"));
        assertThat(key.get("x5c").size()).isEqualTo(2);
        problem(api("GET", "/v1/destinations/" + UUID.randomUUID(), sender, null, null), 404, "destination-not-found");

        UUID attachment = UUID.randomUUID();
        String announce = JSON.writeValueAsString(Map.of("destinationId", destination.destinationId().toString(),
                "announcedAttachments", List.of(attachment.toString()),
                "serviceType", Map.of("name", "Test", "identifier", TestDestination.DEFAULT_SERVICE)));
        problem(api("POST", "/v1/submissions", sender, "text/plain", announce), 415, "unsupported-media-type");
        problem(api("POST", "/v1/submissions", sender, "application/json", "{\"destinationId\":"), 400, "invalid-request");
        problem(api("POST", "/v1/submissions", subscriber, "application/json", announce), 403, "forbidden");
        Answer created = api("POST", "/v1/submissions", sender, "application/json", announce);
        assertThat(created.status()).isEqualTo(201);
        UUID submissionId = UUID.fromString(created.json().get("submissionId").asText());
        UUID caseId = UUID.fromString(created.json().get("caseId").asText());
        assertThat(created.json().get("destinationId").asText()).isEqualTo(destination.destinationId().toString());

        String path = "/v1/submissions/" + submissionId;
        String submit = JSON.writeValueAsString(Map.of("encryptedMetadata", jwe("{}"), "encryptedData", jwe("{\"a\":1}")));
        problem(api("PUT", path, sender, "application/json", submit), 409, "missing-attachments");
        problem(api("PUT", path + "/attachments/" + attachment, sender, "application/octet-stream", "x"), 415,
                "unsupported-media-type");
        problem(api("PUT", path + "/attachments/" + attachment, sender, "application/jose", "not.a.jwe"), 400, "invalid-request");
        problem(api("PUT", path + "/attachments/" + UUID.randomUUID(), sender, "application/jose", jwe("x")), 404,
                "attachment-not-found");
        String attachmentJwe = jwe("Anlage \u1E9E");
        Answer uploaded = api("PUT", path + "/attachments/" + attachment, sender, "application/jose", attachmentJwe);
        assertThat(uploaded.status()).isEqualTo(204);
        problem(api("GET", path, subscriber, null, null), 404, "submission-not-found");
        assertThat(api("PUT", path, sender, "application/json", submit).status()).isEqualTo(202);
        problem(api("PUT", path, sender, "application/json", submit), 409, "submission-state-invalid");

        JsonNode list = api("GET", "/v1/submissions?destinationId=" + destination.destinationId() + "&offset=0&limit=10",
                subscriber, null, null).json();
        assertThat(list.get("totalCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(list.get("submissions").findValuesAsText("submissionId")).contains(submissionId.toString());
        problem(api("GET", "/v1/submissions?destinationId=" + destination.destinationId() + "&limit=501", subscriber,
                null, null), 400, "invalid-request");
        problem(api("GET", "/v1/submissions?destinationId=" + destination.destinationId(), sender, null, null), 403,
                "forbidden");
        JsonNode s = api("GET", path, subscriber, null, null).json();
        assertThat(s.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(s.get("attachments").get(0).asText()).isEqualTo(attachment.toString());
        assertThat(s.get("encryptedMetadata").asText()).isEqualTo(JSON.readTree(submit).get("encryptedMetadata").asText());
        Answer got = api("GET", path + "/attachments/" + attachment, subscriber, null, null);
        assertThat(got.contentType()).startsWith("application/jose");
        assertThat(got.body()).isEqualTo(attachmentJwe);

        // the event log: create and submit, signed by the service (PS512, secevent+jwt) with the JWKS key
        JsonNode events = api("GET", "/v1/cases/" + caseId + "/events", sender, null, null).json();
        assertThat(events.get("totalCount").asInt()).isEqualTo(2);
        JWKSet jwks = JWKSet.parse(api("GET", "/.well-known/jwks.json", null, null, null).body());
        SignedJWT submitted = SignedJWT.parse(events.get("eventLog").get(1).asText());
        assertThat(submitted.getHeader().getType()).isEqualTo(new JOSEObjectType("secevent+jwt"));
        assertThat(submitted.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS512);
        assertThat(submitted.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(submitted.getHeader().getKeyID())))).isTrue();
        JWTClaimsSet c = submitted.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo(sim.submissionApi().toString());
        assertThat(c.getSubject()).isEqualTo("submission:" + submissionId);
        assertThat(c.getClaim("txn")).isEqualTo("case:" + caseId);
        Map<String, Object> tags = (Map<String, Object>) ((Map<String, Object>) c.getJSONObjectClaim("events")
                .get("https://schema.fitko.de/fit-connect/events/submit-submission")).get("authenticationTags");
        String[] parts = attachmentJwe.split("\\.");
        assertThat(((Map<String, Object>) tags.get("attachments")).get(attachment.toString())).isEqualTo(parts[4]);

        // the destination accepts with a SET signed by its key; wrong tags or another key are refused with 422
        RSAKey signing = new RSAKey.Builder((RSAPublicKey) destination.signing().publicKey())
                .privateKey(destination.signing().privateKey()).build();
        problem(api("POST", "/v1/cases/" + caseId + "/events", subscriber, "application/jose",
                accept(submissionId, caseId, Map.of("metadata", "x"), signing)), 422, "invalid-event");
        RSAKey foreign = new RSAKey.Builder((RSAPublicKey) destination.encryption().publicKey())
                .privateKey(destination.encryption().privateKey()).build();
        problem(api("POST", "/v1/cases/" + caseId + "/events", subscriber, "application/jose",
                accept(submissionId, caseId, tags, foreign)), 422, "invalid-event");
        problem(api("POST", "/v1/cases/" + caseId + "/events", sender, "application/jose",
                accept(submissionId, caseId, tags, signing)), 403, "forbidden");
        assertThat(api("POST", "/v1/cases/" + caseId + "/events", subscriber, "application/jose",
                accept(submissionId, caseId, tags, signing)).status()).isEqualTo(202);
        assertThat(sim.state(submissionId)).isEqualTo("accepted");
        assertThat(api("GET", "/v1/cases/" + caseId + "/events", sender, null, null).json().get("totalCount").asInt())
                .isEqualTo(3);
        problem(api("DELETE", path, sender, null, null), 405, "method-not-allowed");
        problem(api("GET", "/v1/nothing", sender, null, null), 404, "not-found");
    }

    static String accept(UUID submissionId, UUID caseId, Map<String, Object> tags, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(new JOSEObjectType("secevent+jwt"))
                .keyID(destination.signingKid()).build(), new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .issuer(destination.destinationId().toString()).issueTime(new Date())
                .subject("submission:" + submissionId).claim("txn", "case:" + caseId)
                .claim("events", Map.of("https://schema.fitko.de/fit-connect/events/accept-submission",
                        Map.of("authenticationTags", tags))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void incompleteSubmission_isDeletedAfterItsDeadline() throws Exception {
        try (Sandbox own = Sandbox.builder().service(FitConnectSimulator.builder().destination(destination)
                .serviceKey(KeyType.RSA_2048.generate()).incompleteTimeout(java.time.Duration.ZERO).build()).start()) {
            URI api = URI.create(own.baseUri("fitconnect") + "/submission-api");
            String t = JSON.readTree(call("POST", URI.create(own.baseUri("fitconnect") + "/token"), null,
                    "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=sandbox-sender&client_secret=sandbox-sender-secret"
                            .getBytes(StandardCharsets.UTF_8)).body()).get("access_token").asText();
            Answer created = call("POST", URI.create(api + "/v1/submissions"), t, "application/json",
                    JSON.writeValueAsBytes(Map.of("destinationId", destination.destinationId().toString(),
                            "announcedAttachments", List.of(), "serviceType", Map.of("name", "T",
                                    "identifier", TestDestination.DEFAULT_SERVICE))));
            String id = created.json().get("submissionId").asText();
            Answer submit = call("PUT", URI.create(api + "/v1/submissions/" + id), t, "application/json",
                    JSON.writeValueAsBytes(Map.of("encryptedMetadata", jwe("{}"))));
            problem(submit, 404, "submission-not-found");
        }
    }
}
