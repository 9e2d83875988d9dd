package de.ozgkit.sandbox.osci;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST {base}/recipients}: registers a passive recipient with the running sandbox
 * intermediary, for vendors that run their recipient beside {@code ozgkit sandbox}:
 *
 * <pre>
 * POST /osci/recipients
 * Content-Type: application/json
 *
 * {"uri": "http://127.0.0.1:8080/osci", "cipherCertificate": "-----BEGIN CERTIFICATE-----...",
 *  "signatureCertificate": "-----BEGIN CERTIFICATE-----..."}
 * </pre>
 *
 * Answers 201 with the registered URI, or 400 (problem+json) for a URI that is not absolute
 * http(s) without query and fragment, or a certificate that cannot be read.
 */
final class RecipientRegistration {

    private final OsciIntermediary intermediary;

    RecipientRegistration(OsciIntermediary intermediary) {
        this.intermediary = intermediary;
    }

    boolean register(Request request, Response response, Callback callback) {
        JsonNode json = Requests.jsonTree(request);
        String text = json.path("uri").asText("");
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            Responses.problem(response, callback, 400, "Bad Request", "uri must be an absolute http(s) URI without query"
                    + " and fragment");
            return true;
        }
        X509Certificate cipher = certificate(json.path("cipherCertificate").asText(""));
        X509Certificate signature = certificate(json.path("signatureCertificate").asText(""));
        if (cipher == null || signature == null) {
            Responses.problem(response, callback, 400, "Bad Request", "cipherCertificate and signatureCertificate must each be"
                    + " one X.509 certificate in PEM");
            return true;
        }
        intermediary.registerRecipient(uri, cipher, signature);
        Responses.json(response, callback, 201, Map.of("uri", uri.toString()));
        return true;
    }

    private static X509Certificate certificate(String pem) {
        if (pem.isBlank() || pem.length() > 64 * 1024) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
    }
}
