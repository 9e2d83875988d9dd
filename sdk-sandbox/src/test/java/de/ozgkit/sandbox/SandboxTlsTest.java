package de.ozgkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import javax.net.ssl.HttpsURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with the generated certificate, trust, and client certificates (mutual TLS). */
class SandboxTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A status and body, read over a fresh HTTPS connection with the given TLS context. */
    private record Answer(int statusCode, String body) {
    }

    private static Answer get(SSLContext context, URI uri) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
        connection.setSSLSocketFactory(context.getSocketFactory());
        connection.setRequestProperty("Connection", "close");
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        try {
            int status = connection.getResponseCode();
            InputStream in = status >= HttpURLConnection.HTTP_BAD_REQUEST ? connection.getErrorStream() : connection.getInputStream();
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private static SSLContext withClientCertificate(SandboxTls trust, KeyStore clientKeys) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(clientKeys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust.trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    /** PKIX-validates a chain (leaf first, trust anchor optional) against the CA certificate. */
    private static void validate(java.security.cert.Certificate[] chain, X509Certificate ca) throws GeneralSecurityException {
        List<X509Certificate> path = new java.util.ArrayList<>();
        for (java.security.cert.Certificate c : chain) {
            if (!c.equals(ca)) {
                path.add((X509Certificate) c);
            }
        }
        java.security.cert.PKIXParameters parameters = new java.security.cert.PKIXParameters(
                java.util.Set.of(new java.security.cert.TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        java.security.cert.CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    @Test
    void https_isTrustedThroughTheSandboxCa() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).withBuiltInServices().service(new EchoService()).start()) {
            SandboxTls tls = sandbox.tls().orElseThrow();
            assertThat(sandbox.baseUri("health").getScheme()).isEqualTo("https");

            Answer health = get(tls.clientSslContext(), sandbox.baseUri("health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");

            JsonNode info = Json.mapper().readTree(get(tls.clientSslContext(),
                    Http.uri(sandbox.baseUri("echo"), "/base")).body());
            assertThat(info.path("secure").asBoolean()).isTrue();
            assertThat(info.path("base").asText()).startsWith("https://127.0.0.1:");
        }
    }

    @Test
    void https_isRefusedByClientsThatDoNotTrustTheSandboxCa() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).withBuiltInServices().start();
             Sandbox other = Sandbox.builder().tls(true).start()) {
            assertThatThrownBy(() -> get(SSLContext.getDefault(), sandbox.baseUri("health")))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(() -> get(other.tls().orElseThrow().clientSslContext(), sandbox.baseUri("health")))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void certificates_chainToTheCaAndNameTheLoopbackAddress() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).start()) {
            SandboxTls tls = sandbox.tls().orElseThrow();
            X509Certificate server = tls.serverCertificate();
            server.checkValidity();
            KeyStore serverKeys = tls.serverKeyStore(PASSWORD);
            assertThat(serverKeys.getCertificate("server")).isEqualTo(server);
            assertThat(serverKeys.getKey("server", PASSWORD)).isNotNull();
            validate(serverKeys.getCertificateChain("server"), tls.caCertificate());
            List<String> names = server.getSubjectAlternativeNames().stream().map(san -> san.get(0) + ":" + san.get(1)).toList();
            assertThat(names).containsExactlyInAnyOrder("7:127.0.0.1", "2:localhost");
            assertThat(tls.caCertificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(server.getBasicConstraints()).isEqualTo(-1);

            X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(tls.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
            assertThat(fromPem).isEqualTo(tls.caCertificate());
            assertThat(tls.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");

        }
    }

    @Test
    void clientCertificate_reachesTheServiceWhenTheServiceWantsIt() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).service(new EchoService(true)).start()) {
            SandboxTls tls = sandbox.tls().orElseThrow();
            URI cert = Http.uri(sandbox.baseUri("echo"), "/cert");

            KeyStore client = tls.issueClientKeyStore("fachverfahren-1", PASSWORD);
            validate(client.getCertificateChain("client"), tls.caCertificate());

            Answer with = get(withClientCertificate(tls, client), cert);
            assertThat(Json.mapper().readTree(with.body()).path("subject").asText()).contains("CN=fachverfahren-1");

            Answer without = get(tls.clientSslContext(), cert);
            assertThat(Json.mapper().readTree(without.body()).path("subject").asText()).isEqualTo("none");
        }
    }

    @Test
    void clientCertificate_fromAnotherCa_isRefused() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).service(new EchoService(true)).start();
             Sandbox other = Sandbox.builder().tls(true).start()) {
            SandboxTls tls = sandbox.tls().orElseThrow();
            KeyStore foreign = other.tls().orElseThrow().issueClientKeyStore("intruder", PASSWORD);
            assertThatThrownBy(() -> get(withClientCertificate(tls, foreign), Http.uri(sandbox.baseUri("echo"), "/cert")))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void needClientAuth_refusesClientsWithoutCertificate() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).clientAuth(ClientAuth.NEED).withBuiltInServices().start()) {
            SandboxTls tls = sandbox.tls().orElseThrow();
            assertThatThrownBy(() -> get(tls.clientSslContext(), sandbox.baseUri("health"))).isInstanceOf(IOException.class);
            KeyStore client = tls.issueClientKeyStore("fachverfahren-2", PASSWORD);
            assertThat(get(withClientCertificate(tls, client), sandbox.baseUri("health")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void issueClientKeyStore_validatesTheName() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().tls(true).start()) {
            assertThatThrownBy(() -> sandbox.tls().orElseThrow().issueClientKeyStore(" ", PASSWORD))
                    .hasMessageContaining("commonName");
            assertThat(List.of(sandbox.tls().orElseThrow().trustStore().aliases().nextElement())).hasSize(1);
        }
    }
}
