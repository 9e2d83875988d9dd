package de.ozgkit.fitconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.Sleeper;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.core.internal.OAuth2TokenSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The FIT-Connect submission API (v1) over core's pipeline: paths, media types and expected status
 * codes as the public API description defines them. Error answers become core's typed exceptions
 * with the parsed problem (type URIs such as
 * {@code https://schema.fitko.de/fit-connect/submission-api/problems/submission-not-found}).
 *
 * <p>Thread-safe; closes the transport it created.
 */
public final class SubmissionApi implements AutoCloseable {

    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final HttpPipeline api;

    /**
     * @param config       timeouts, TLS, retries; its base URI is the submission API's root (paths start with /v1)
     * @param tokenUri     the OAuth token endpoint
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param scopes       scopes to request, may be empty
     * @param clock        decides token expiry
     */
    public SubmissionApi(OzgClientConfig config, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
                         Clock clock) {
        config.requireBaseUri();
        this.ownsTransport = config.transport().isEmpty();
        this.transport = config.transport().orElseGet(() -> HttpTransport.create(config));
        // FIT-Connect's token endpoint takes the client credentials in the form body (client_secret_post)
        Credentials.OAuth2ClientCredentials credentials = new Credentials.OAuth2ClientCredentials(tokenUri, clientId,
                clientSecret, scopes, Credentials.ClientAuthentication.CLIENT_SECRET_POST);
        this.api = new HttpPipeline(config.toBuilder().transport(transport).credentials(credentials).build(),
                Sleeper.SYSTEM, clock);
    }

    /** @return the OAuth2 token source (for diagnostics) */
    public OAuth2TokenSource tokens() {
        return api.oauth2().orElseThrow();
    }

    /** @return the submission API's root URI, which is also the issuer of the service's SETs */
    public URI root() {
        return api.config().requireBaseUri();
    }

    private HttpRequest.Builder get(String... path) {
        return HttpRequest.builder("GET", api.resolve(path)).header("Accept", "application/json");
    }

    private JsonNode json(HttpRequest request, int... expected) {
        HttpPipeline.Exchange ex = api.call(request);
        HttpResponse r = ex.response();
        expect(request, r, expected);
        try {
            return FcJson.read(r.body());
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, request + ": the answer is not JSON", e,
                    ex.attempts());
        }
    }

    private static void expect(HttpRequest request, HttpResponse r, int... expected) {
        for (int e : expected) {
            if (r.status() == e) {
                return;
            }
        }
        throw new OzgClientException(OzgClientException.Kind.PROTOCOL, request + ": the submission API answered "
                + r.status() + " where the API defines " + java.util.Arrays.toString(expected), null, 1);
    }

    /**
     * @param destinationId the destination
     * @return its public information ({@code GET /v1/destinations/{id}})
     */
    public JsonNode destination(UUID destinationId) {
        return json(get("v1", "destinations", destinationId.toString()).build(), 200);
    }

    /**
     * @param destinationId the destination
     * @param kid           the key id
     * @return the JWK JSON ({@code GET /v1/destinations/{id}/keys/{kid}})
     */
    public String key(UUID destinationId, String kid) {
        return FcJson.write(json(get("v1", "destinations", destinationId.toString(), "keys", kid).build(), 200));
    }

    /**
     * @param body the announcement: destinationId, announcedAttachments, serviceType, optional callback
     * @return destinationId, submissionId and caseId ({@code POST /v1/submissions} -> 201)
     */
    public JsonNode createSubmission(ObjectNode body) {
        // one POST, not retried: a lost answer leaves an incomplete submission the service deletes later
        return json(HttpRequest.builder("POST", api.resolve("v1", "submissions")).header("Accept", "application/json")
                .body("application/json", FcJson.write(body)).build(), 201);
    }

    /**
     * Uploads an attachment as compact JWE, streamed ({@code PUT .../attachments/{id}}, {@code application/jose} -> 204).
     *
     * @param submissionId the submission
     * @param attachmentId the attachment
     * @param length       the JWE's exact length
     * @param writer       writes the JWE, once per attempt
     */
    public void uploadAttachment(UUID submissionId, UUID attachmentId, long length, HttpRequest.BodyWriter writer) {
        HttpRequest request = HttpRequest.builder("PUT", api.resolve("v1", "submissions", submissionId.toString(),
                "attachments", attachmentId.toString())).body("application/jose", length, writer).build();
        expect(request, api.call(request).response(), 204);
    }

    /**
     * @param submissionId      the submission
     * @param encryptedMetadata the metadata JWE
     * @param encryptedData     the data JWE, may be {@code null}
     * @return the answer ({@code PUT /v1/submissions/{id}} -> 202; 200 is taken as well)
     */
    public JsonNode submit(UUID submissionId, String encryptedMetadata, String encryptedData) {
        ObjectNode body = FcJson.object().put("encryptedMetadata", encryptedMetadata);
        if (encryptedData != null) {
            body.put("encryptedData", encryptedData);
        }
        return json(HttpRequest.builder("PUT", api.resolve("v1", "submissions", submissionId.toString()))
                .header("Accept", "application/json").body("application/json", FcJson.write(body)).build(), 202, 200);
    }

    /**
     * @param destinationId the destination
     * @param offset        the offset
     * @param limit         the page size (1..500)
     * @return the page ({@code GET /v1/submissions?destinationId=&offset=&limit=})
     */
    public JsonNode listSubmissions(UUID destinationId, int offset, int limit) {
        URI uri = URI.create(api.resolve("v1", "submissions") + "?destinationId=" + destinationId + "&offset=" + offset
                + "&limit=" + limit);
        return json(HttpRequest.builder("GET", uri).header("Accept", "application/json").build(), 200);
    }

    /**
     * @param submissionId the submission
     * @return the submission with its encrypted metadata and data ({@code GET /v1/submissions/{id}})
     */
    public JsonNode submission(UUID submissionId) {
        return json(get("v1", "submissions", submissionId.toString()).build(), 200);
    }

    /**
     * Downloads an attachment's JWE into a handler, streamed.
     *
     * @param submissionId the submission
     * @param attachmentId the attachment
     * @param handler      reads the JWE; called again from the start if the download is retried
     */
    public void downloadAttachment(UUID submissionId, UUID attachmentId, HttpTransport.BodyHandler handler) {
        HttpRequest request = HttpRequest.builder("GET", api.resolve("v1", "submissions", submissionId.toString(),
                "attachments", attachmentId.toString())).header("Accept", "application/jose").build();
        expect(request, api.call(request, handler).response(), 200);
    }

    /**
     * @param caseId the case
     * @return every SET of the case's event log, oldest first, read page by page
     */
    public List<String> events(UUID caseId) {
        List<String> out = new java.util.ArrayList<>();
        int offset = 0;
        while (true) {
            URI uri = URI.create(api.resolve("v1", "cases", caseId.toString(), "events") + "?offset=" + offset
                    + "&limit=500");
            JsonNode page = json(HttpRequest.builder("GET", uri).header("Accept", "application/json").build(), 200);
            List<String> log = FcJson.texts(page, "eventLog");
            out.addAll(log);
            int total = page.path("totalCount").asInt(out.size());
            offset += log.size();
            if (log.isEmpty() || offset >= total) {
                return out;
            }
        }
    }

    /**
     * @param caseId the case
     * @param set    a signed SET of the destination ({@code POST /v1/cases/{id}/events}, {@code application/jose})
     */
    public void postEvent(UUID caseId, String set) {
        HttpRequest request = HttpRequest.builder("POST", api.resolve("v1", "cases", caseId.toString(), "events"))
                .body("application/jose", set.getBytes(StandardCharsets.US_ASCII)).build();
        expect(request, api.call(request).response(), 202, 204);
    }

    /** @return the service's JWKS text ({@code GET /.well-known/jwks.json}) */
    public String serviceJwks() {
        return FcJson.write(json(get(".well-known", "jwks.json").build(), 200));
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
