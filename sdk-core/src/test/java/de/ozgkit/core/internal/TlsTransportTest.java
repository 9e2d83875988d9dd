package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsExchange;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.security.KeyMaterial;
import de.ozgkit.core.security.KeyMaterialException;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mutual TLS through the real transport (Apache HttpClient) and pipeline against real
 * HTTPS servers on loopback, with certificates generated for each run.
 */
class TlsTransportTest {

    private static final char[] P12_PASSWORD = "p12-Passwort".toCharArray();

    private static TestPki pki;
    private static TestPki otherPki;
    private static IssuedCertificate server;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create();
        otherPki = TestPki.create("Other", KeyType.EC_P256);
        server = pki.server();
    }

    private static OzgClientConfig config(TestHttpServer s, TlsConfig tls) {
        OzgClientConfig.Builder b = OzgClientConfig.builder().baseUri(s.uri("/")).retryPolicy(RetryPolicy.none());
        return tls == null ? b.build() : b.tls(tls).build();
    }

    private static TestHttpServer okServer(IssuedCertificate cert) throws Exception {
        return TestHttpServer.startTls(cert.sslContext(), false, (req, ex) -> respond(ex, 200, "text/plain", "hello"));
    }

    private static String get(OzgClientConfig config, TestHttpServer s) {
        try (HttpPipeline p = new HttpPipeline(config)) {
            return new String(p.call(HttpRequest.builder("GET", s.uri("/ping")).build()).response().body(),
                    StandardCharsets.UTF_8);
        }
    }

    private static OzgClientException tlsFailure(OzgClientConfig config, TestHttpServer s) {
        OzgClientException e = catchThrowableOfType(OzgClientException.class, () -> get(config, s));
        assertThat(e).as("expected the request to fail").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(OzgClientException.Kind.TLS);
        assertThat(e.getMessage()).contains("TLS handshake failed");
        return e;
    }

    @Test
    void trustedCa_isAccepted() throws Exception {
        try (TestHttpServer s = okServer(server)) {
            assertThat(get(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s)).isEqualTo("hello");
            assertThat(get(config(s, TlsConfig.builder().trustStore(pki.trustStore()).build()), s)).isEqualTo("hello");
            assertThat(s.seen()).hasSize(2);
        }
    }

    @Test
    void untrustedCa_isRejectedAsTls_andNotRetried() throws Exception {
        try (TestHttpServer s = okServer(server)) {
            OzgClientConfig config = OzgClientConfig.builder().baseUri(s.uri("/")).retryPolicy(RetryPolicy.DEFAULT)
                    .tls(TlsConfig.builder().trustCertificates(otherPki.rootCertificate()).build()).build();
            OzgClientException e = tlsFailure(config, s);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(s.seen()).isEmpty();
        }
    }

    @Test
    void jdkDefaultTrust_rejectsAGeneratedCa() throws Exception {
        try (TestHttpServer s = okServer(server)) {
            tlsFailure(config(s, null), s);
            assertThat(s.seen()).isEmpty();
        }
    }

    @Test
    void hostnameMismatch_isRejected_unlessVerificationIsOff() throws Exception {
        IssuedCertificate elsewhere = pki.server("service.example.test", "10.0.0.1");
        try (TestHttpServer s = okServer(elsewhere)) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s);
            assertThat(s.seen()).isEmpty();
            assertThat(get(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .hostnameVerification(false).build()), s)).isEqualTo("hello");
        }
        // the name alone is not enough either: the client connects to 127.0.0.1
        IssuedCertificate nameOnly = pki.server("localhost");
        try (TestHttpServer s = okServer(nameOnly)) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s);
        }
    }

    @Test
    void expiredAndNotYetValidServerCertificates_areRejected() throws Exception {
        for (IssuedCertificate bad : List.of(pki.expiredServer(), pki.notYetValidServer())) {
            try (TestHttpServer s = okServer(bad)) {
                tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s);
                assertThat(s.seen()).isEmpty();
            }
        }
    }

    @Test
    void serverCertificateForAnotherPurpose_isRejected() throws Exception {
        try (TestHttpServer s = okServer(pki.serverWithWrongKeyUsage())) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s);
        }
    }

    /** A server that demands a client certificate of {@code clientCa} and answers with the client certificate's serial. */
    private static TestHttpServer mtlsServer(TestPki clientCa, List<Certificate> seenClientCerts) throws Exception {
        return TestHttpServer.startTls(server.sslContext(clientCa.rootCertificate()), true, (req, ex) -> {
            Certificate[] peer;
            try {
                peer = ((HttpsExchange) ex).getSSLSession().getPeerCertificates();
            } catch (SSLPeerUnverifiedException e) {
                respond(ex, 500, "text/plain", "no client certificate");
                return;
            }
            seenClientCerts.add(peer[0]);
            respond(ex, 200, "text/plain", "client ok");
        });
    }

    @Test
    void mutualTls_withTheRightPkcs12ClientCertificate_isAccepted(@TempDir Path dir) throws Exception {
        IssuedCertificate client = pki.client("fachverfahren-1");
        Path p12 = client.writePkcs12(dir.resolve("client.p12"), P12_PASSWORD);
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            TlsConfig tls = TlsConfig.builder().trustCertificates(pki.rootCertificate()).clientPkcs12(p12, P12_PASSWORD).build();
            assertThat(tls.hasClientCertificate()).isTrue();
            assertThat(get(config(s, tls), s)).isEqualTo("client ok");
            assertThat(seen).containsExactly(client.certificate());

            // the key store route of TlsConfig, fed by KeyMaterial
            TlsConfig viaKeyStore = TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .clientKeyStore(KeyMaterial.pkcs12KeyStore(p12, P12_PASSWORD), P12_PASSWORD).build();
            assertThat(get(config(s, viaKeyStore), s)).isEqualTo("client ok");

            // and PEM, through an Identity
            TlsConfig viaPem = TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .clientIdentity(KeyMaterial.pem(client.encryptedPrivateKeyPem(P12_PASSWORD), client.chainPem(), P12_PASSWORD))
                    .build();
            assertThat(get(config(s, viaPem), s)).isEqualTo("client ok");
            assertThat(seen).hasSize(3);
        }
    }

    @Test
    void mutualTls_withEcKeys_isAccepted(@TempDir Path dir) throws Exception {
        TestPki ec = TestPki.create("EC clients", KeyType.EC_P256);
        IssuedCertificate client = ec.client("ec-client");
        Path p12 = client.writePkcs12(dir.resolve("ec.p12"), P12_PASSWORD);
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(ec, seen)) {
            TlsConfig tls = TlsConfig.builder().trustCertificates(pki.rootCertificate()).clientPkcs12(p12, P12_PASSWORD).build();
            assertThat(get(config(s, tls), s)).isEqualTo("client ok");
            assertThat(seen).containsExactly(client.certificate());
        }
    }

    @Test
    void mutualTls_withoutClientCertificate_isRejected() throws Exception {
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()), s);
            assertThat(seen).isEmpty();
            assertThat(s.seen()).isEmpty();
        }
    }

    @Test
    void mutualTls_overTls12_withAndWithoutClientCertificate() throws Exception {
        IssuedCertificate client = pki.client("tls12-client");
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            OzgClientException e = tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .protocols("TLSv1.2").build()), s);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(get(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate()).protocols("TLSv1.2")
                    .clientCertificate(client.privateKey(), client.chain().toArray(new java.security.cert.X509Certificate[0]))
                    .build()), s)).isEqualTo("client ok");
            assertThat(seen).containsExactly(client.certificate());
        }
    }

    @Test
    void mutualTls_rejection_isNotRetried_evenForRetrySafeRequests() throws Exception {
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            OzgClientConfig config = OzgClientConfig.builder().baseUri(s.uri("/")).retryPolicy(RetryPolicy.DEFAULT)
                    .tls(TlsConfig.builder().trustCertificates(pki.rootCertificate()).build()).build();
            OzgClientException e = tlsFailure(config, s);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("client certificate");
        }
    }

    @Test
    void mutualTls_withClientCertificateOfAnotherCa_isRejected(@TempDir Path dir) throws Exception {
        IssuedCertificate stranger = otherPki.client("fachverfahren-1");
        Path p12 = stranger.writePkcs12(dir.resolve("stranger.p12"), P12_PASSWORD);
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .clientPkcs12(p12, P12_PASSWORD).build()), s);
            assertThat(seen).isEmpty();
            assertThat(s.seen()).isEmpty();
        }
    }

    @Test
    void mutualTls_withExpiredClientCertificate_isRejected() throws Exception {
        IssuedCertificate expired = pki.issue(de.ozgkit.testkit.CertificateSpec.client("old").toBuilder()
                .validity(java.time.Instant.now().minusSeconds(7200), java.time.Instant.now().minusSeconds(600)).build());
        List<Certificate> seen = new CopyOnWriteArrayList<>();
        try (TestHttpServer s = mtlsServer(pki, seen)) {
            tlsFailure(config(s, TlsConfig.builder().trustCertificates(pki.rootCertificate())
                    .clientCertificate(expired.privateKey(), expired.chain().toArray(new java.security.cert.X509Certificate[0]))
                    .build()), s);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void clientPkcs12_withWrongPassword_failsWhenConfigured(@TempDir Path dir) {
        Path p12 = pki.client("c").writePkcs12(dir.resolve("c.p12"), P12_PASSWORD);
        KeyMaterialException e = catchThrowableOfType(KeyMaterialException.class,
                () -> TlsConfig.builder().clientPkcs12(p12, "falsch".toCharArray()));
        assertThat(e.reason()).isEqualTo(KeyMaterialException.Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).contains("c.p12").doesNotContain("falsch");
    }
}
