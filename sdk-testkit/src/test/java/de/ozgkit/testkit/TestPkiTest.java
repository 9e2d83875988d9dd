package de.ozgkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    private static final char[] PASSWORD = "test-password".toCharArray();
    private static TestPki rsa;
    private static TestPki ec;

    @BeforeAll
    static void createPkis() {
        rsa = TestPki.create();
        ec = TestPki.create("EC", KeyType.EC_P256);
    }

    @Test
    void server_hasLocalhostAndLoopbackSans_andServerAuth() throws Exception {
        X509Certificate cert = rsa.server().certificate();

        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            if ((Integer) san.get(0) == 2) {
                dns.add((String) san.get(1));
            } else if ((Integer) san.get(0) == 7) {
                ips.add((String) san.get(1));
            }
        }
        assertThat(dns).containsExactly("localhost");
        assertThat(ips).containsExactly("127.0.0.1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    }

    @Test
    void chain_validatesWithJdkPkixAgainstRoot() throws Exception {
        IssuedCertificate client = rsa.client("client-1");
        assertThat(client.chain()).containsExactly(client.certificate(), rsa.intermediate().certificate());
        assertThat(client.chainWithRoot()).hasSize(3).last().isEqualTo(rsa.rootCertificate());
        assertThat(client.root()).isEqualTo(rsa.rootCertificate());

        pkixValidate(client.chain(), rsa.rootCertificate());
    }

    @Test
    void chain_fromOtherPki_failsJdkPkix() {
        assertThatThrownBy(() -> pkixValidate(rsa.server().chain(), ec.rootCertificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void cas_haveBasicConstraintsAndCertSignUsage() {
        assertThat(rsa.root().isCa()).isTrue();
        assertThat(rsa.root().certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(rsa.intermediate().certificate().getBasicConstraints()).isZero();
        assertThat(rsa.intermediate().certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(rsa.intermediate().certificate().getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(rsa.root().certificate().getSubjectX500Principal())
                .isEqualTo(rsa.root().certificate().getIssuerX500Principal());
        assertThat(rsa.intermediate().certificate().getIssuerX500Principal())
                .isEqualTo(rsa.root().certificate().getSubjectX500Principal());
    }

    @Test
    void ecPki_usesEcKeysAndEcdsa() throws Exception {
        IssuedCertificate server = ec.server();
        assertThat(server.privateKey()).isInstanceOf(ECPrivateKey.class);
        assertThat(server.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(rsa.server().privateKey()).isInstanceOf(RSAPrivateKey.class);
        assertThat(rsa.server().certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        pkixValidate(server.chain(), ec.rootCertificate());
    }

    @Test
    void keyMatchesCertificate() throws Exception {
        for (IssuedCertificate c : List.of(rsa.client("k"), ec.client("k"))) {
            String alg = c.certificate().getSigAlgName();
            Signature s = Signature.getInstance(alg);
            s.initSign(c.privateKey());
            s.update(new byte[] {1, 2, 3});
            byte[] sig = s.sign();
            s.initVerify(c.certificate());
            s.update(new byte[] {1, 2, 3});
            assertThat(s.verify(sig)).isTrue();
        }
    }

    @Test
    void expiredAndNotYetValid_failValidityCheck() {
        assertThatThrownBy(() -> rsa.expiredServer().certificate().checkValidity())
                .isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> rsa.notYetValidServer().certificate().checkValidity())
                .isInstanceOf(CertificateNotYetValidException.class);
    }

    @Test
    void wrongKeyUsage_hasNeitherServerAuthNorDigitalSignature() throws Exception {
        X509Certificate cert = rsa.serverWithWrongKeyUsage().certificate();
        assertThat(cert.getKeyUsage()[0]).isFalse();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.4");
    }

    @Test
    void spec_rejectsInvertedValidityAndBadIpLiteral() {
        java.time.Instant now = java.time.Instant.now();
        assertThatThrownBy(() -> CertificateSpec.builder().validity(now, now.minusSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notAfter");
        assertThatThrownBy(() -> CertificateSpec.builder().ipAddress("localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IP literal");
        assertThatThrownBy(CertificateSpec::server).isInstanceOf(IllegalArgumentException.class);
        assertThat(CertificateSpec.server("::1", "example.test").ipAddresses()).containsExactly("::1");
    }

    @Test
    void issue_byNonCa_isRefusedUnlessUnchecked() {
        IssuedCertificate leaf = rsa.client("leaf");
        assertThatThrownBy(() -> leaf.issue(CertificateSpec.client("child")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a CA");
        IssuedCertificate child = leaf.issueUnchecked(CertificateSpec.client("child"));
        assertThat(child.certificate().getIssuerX500Principal()).isEqualTo(leaf.certificate().getSubjectX500Principal());
        assertThatThrownBy(() -> pkixValidate(child.chain(), rsa.rootCertificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void pkcs12_roundTripsWithPassword_andRefusesAnotherPassword(@TempDir Path dir) throws Exception {
        IssuedCertificate client = ec.client("p12");
        Path file = client.writePkcs12(dir.resolve("client.p12"), PASSWORD);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        assertThat(ks.getKey(IssuedCertificate.KEY_ALIAS, PASSWORD)).isEqualTo(client.privateKey());
        assertThat(ks.getCertificateChain(IssuedCertificate.KEY_ALIAS)).containsExactlyElementsOf(client.chain());

        KeyStore other = KeyStore.getInstance("PKCS12");
        assertThatThrownBy(() -> other.load(new ByteArrayInputStream(client.pkcs12(PASSWORD)), "wrong".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void trustStore_holdsTheRootAsTrustedEntry() throws Exception {
        KeyStore ts = rsa.trustStore();
        assertThat(ts.size()).isEqualTo(1);
        String alias = ts.aliases().nextElement();
        assertThat(ts.isCertificateEntry(alias)).isTrue();
        assertThat(ts.getCertificate(alias)).isEqualTo(rsa.rootCertificate());
    }

    @Test
    void pem_certificateAndChainParseBack() throws Exception {
        IssuedCertificate server = rsa.server();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        assertThat(server.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(cf.generateCertificate(new ByteArrayInputStream(server.certificatePem().getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(server.certificate());
        Collection<? extends java.security.cert.Certificate> chain = cf.generateCertificates(new ByteArrayInputStream(server.chainPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(new ArrayList<Object>(chain)).containsExactlyElementsOf(server.chain());
    }

    @Test
    void pem_privateKeyFormsParseBackToTheSameKey() throws Exception {
        for (IssuedCertificate c : List.of(rsa.client("pem"), ec.client("pem"))) {
            String pkcs8 = c.privateKeyPem();
            assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(parseKey(pkcs8, null)).isEqualTo(c.privateKey());

            String traditional = c.privateKeyTraditionalPem();
            assertThat(traditional).startsWith(c.privateKey() instanceof RSAPrivateKey
                    ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");
            assertMatches(parseKey(traditional, null), c.certificate());

            String encrypted = c.encryptedPrivateKeyPem(PASSWORD);
            assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            assertThat(parseKey(encrypted, PASSWORD)).isEqualTo(c.privateKey());
            assertThatThrownBy(() -> parseKey(encrypted, "wrong".toCharArray())).isInstanceOf(PKCSException.class);
        }
    }

    @Test
    void crl_isSignedByIntermediateAndListsRevokedSerials() throws Exception {
        IssuedCertificate revoked = rsa.client("revoked");
        IssuedCertificate good = rsa.client("good");
        X509CRL crl = rsa.crl(revoked.certificate());

        crl.verify(rsa.intermediate().publicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(rsa.intermediate().certificate().getSubjectX500Principal());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(good.certificate())).isFalse();
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        assertThat(crl.getNonCriticalExtensionOIDs()).contains("2.5.29.20", "2.5.29.35");
    }

    @Test
    void sslContexts_handshakeOverLoopback_withHostnameVerificationAndClientAuth() throws Exception {
        IssuedCertificate server = rsa.server();
        IssuedCertificate client = rsa.client("mtls-client");
        assertThat(handshake(server.sslContext(), client.sslContext(), true)).isEqualTo("ok");
    }

    @Test
    void sslContexts_clientOfOtherPki_isRejectedByServer() throws Exception {
        IssuedCertificate server = rsa.server();
        IssuedCertificate foreignClient = ec.client("foreign");
        assertThatThrownBy(() -> handshake(server.sslContext(), foreignClient.sslContext(rsa.rootCertificate()), true))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void trustingSslContext_rejectsServerOfOtherPki() {
        IssuedCertificate server = ec.server();
        assertThatThrownBy(() -> handshake(server.sslContext(), rsa.trustingSslContext(), false))
                .isInstanceOf(SSLHandshakeException.class);
    }

    /** Runs one TLS exchange on loopback; the client verifies the host name "localhost". */
    private static String handshake(SSLContext serverCtx, SSLContext clientCtx, boolean needClientAuth) throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) serverCtx.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(needClientAuth);
            ss.setSoTimeout(10_000);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    try (OutputStream out = s.getOutputStream()) {
                        out.write("ok".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (java.io.IOException e) {
                    // the client sees the failure
                }
            });
            try (SSLSocket c = (SSLSocket) clientCtx.getSocketFactory().createSocket("localhost", ss.getLocalPort())) {
                c.setSoTimeout(10_000);
                SSLParameters p = c.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                c.setSSLParameters(p);
                c.startHandshake();
                String answer = new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                if (answer.isEmpty()) {
                    throw new java.io.IOException("the server closed the connection without an answer");
                }
                return answer;
            } finally {
                served.get(15, TimeUnit.SECONDS);
            }
        }
    }

    private static void assertMatches(PrivateKey key, X509Certificate cert) throws Exception {
        Signature s = Signature.getInstance(cert.getSigAlgName());
        s.initSign(key);
        s.update(new byte[] {4, 2});
        byte[] sig = s.sign();
        s.initVerify(cert);
        s.update(new byte[] {4, 2});
        assertThat(s.verify(sig)).as("key matches the certificate").isTrue();
    }

    private static void pkixValidate(List<X509Certificate> chain, X509Certificate root) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
    }

    private static PrivateKey parseKey(String pem, char[] password) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                return conv.getPrivateKey(((PKCS8EncryptedPrivateKeyInfo) o)
                        .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(password)));
            }
            if (o instanceof PEMKeyPair) {
                return conv.getPrivateKey(((PEMKeyPair) o).getPrivateKeyInfo());
            }
            return conv.getPrivateKey((PrivateKeyInfo) o);
        }
    }
}
