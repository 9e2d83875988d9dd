package de.ozgkit.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import de.ozgkit.sandbox.fitconnect.FitConnectSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sender written straight from the public API description with the JDK's HTTP client and nimbus,
 * as senders in the field do it (compressed JWEs, metadata 1.x) or as a broken one would (wrong
 * hashes, invalid metadata, another key). Not ozgkit's client.
 */
final class RawSender {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FitConnectSimulator sim;
    private final String token;

    RawSender(FitConnectSimulator sim) throws Exception {
        this.sim = sim;
        String form = "grant_type=client_credentials&client_id=" + FitConnectSimulator.SENDER_CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(FitConnectSimulator.SENDER_CLIENT_SECRET, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.token = JSON.readTree(r.body()).get("access_token").asText();
    }

    static String sha512(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(b));
    }

    static String encrypt(byte[] plain, RSAPublicKey key, String kid, boolean zip) throws Exception {
        JWEHeader.Builder h = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).keyID(kid);
        if (zip) {
            h.compressionAlgorithm(CompressionAlgorithm.DEF);
        }
        JWEObject jwe = new JWEObject(h.build(), new Payload(plain));
        jwe.encrypt(new RSAEncrypter(key));
        return jwe.serialize();
    }

    HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.submissionApi() + path))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates, uploads and submits; returns submissionId and caseId. */
    UUID[] send(UUID destinationId, String serviceId, String encryptedMetadata, String encryptedData,
                Map<UUID, String> attachments) throws Exception {
        String announce = JSON.writeValueAsString(Map.of("destinationId", destinationId.toString(),
                "announcedAttachments", attachments.keySet().stream().map(UUID::toString).toList(),
                "serviceType", Map.of("name", "Test", "identifier", serviceId)));
        JsonNode created = JSON.readTree(call("POST", "/v1/submissions", "application/json", announce).body());
        UUID submissionId = UUID.fromString(created.get("submissionId").asText());
        for (Map.Entry<UUID, String> a : attachments.entrySet()) {
            HttpResponse<String> r = call("PUT", "/v1/submissions/" + submissionId + "/attachments/" + a.getKey(),
                    "application/jose", a.getValue());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
            }
        }
        Map<String, String> body = encryptedData == null ? Map.of("encryptedMetadata", encryptedMetadata)
                : Map.of("encryptedMetadata", encryptedMetadata, "encryptedData", encryptedData);
        HttpResponse<String> r = call("PUT", "/v1/submissions/" + submissionId, "application/json",
                JSON.writeValueAsString(body));
        if (r.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
        }
        return new UUID[] {submissionId, UUID.fromString(created.get("caseId").asText())};
    }

    /** Metadata 1.0.0 as an older sender writes it (no $schema, publicServiceType). */
    static String metadata1(String dataHash, List<Map<String, Object>> attachments) throws Exception {
        Map<String, Object> content = dataHash == null ? Map.of("attachments", attachments)
                : Map.of("attachments", attachments, "data", Map.of("hash", Map.of("type", "sha512", "content", dataHash),
                "submissionSchema", Map.of("schemaUri", de.ozgkit.sandbox.fitconnect.TestDestination.DEFAULT_SCHEMA,
                        "mimeType", "application/json")));
        return JSON.writeValueAsString(Map.of("contentStructure", content,
                "publicServiceType", Map.of("identifier", de.ozgkit.sandbox.fitconnect.TestDestination.DEFAULT_SERVICE)));
    }

    static Map<String, Object> attachment(UUID id, String hash) {
        return Map.of("attachmentId", id.toString(), "hash", Map.of("type", "sha512", "content", hash),
                "purpose", "attachment", "mimeType", "application/pdf");
    }
}
