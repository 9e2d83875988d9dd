package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The sandbox's throw-away PKI, generated at start with the test kit's {@link TestPki} (EC P-256):
 * a root CA (the trust anchor clients get), an intermediate CA that issues the server certificate
 * for {@code 127.0.0.1} and {@code localhost} and client certificates on demand. Keys stay in memory.
 */
final class TlsMaterial implements SandboxTls {

    private final TestPki pki;
    private final IssuedCertificate server;

    private TlsMaterial(TestPki pki, IssuedCertificate server) {
        this.pki = pki;
        this.server = server;
    }

    static TlsMaterial generate() {
        try {
            TestPki pki = TestPki.create("ozgkit sandbox", KeyType.EC_P256);
            return new TlsMaterial(pki, pki.server("127.0.0.1", "localhost"));
        } catch (RuntimeException e) {
            throw new SandboxException("could not generate the sandbox's TLS certificates: " + e.getMessage(), e);
        }
    }

    @Override
    public X509Certificate caCertificate() {
        return pki.rootCertificate();
    }

    @Override
    public String caCertificatePem() {
        return pki.root().certificatePem();
    }

    @Override
    public KeyStore trustStore() {
        return pki.trustStore();
    }

    @Override
    public X509Certificate serverCertificate() {
        return server.certificate();
    }

    @Override
    public KeyStore serverKeyStore(char[] password) {
        return keyStore("server", server, password);
    }

    @Override
    public KeyStore issueClientKeyStore(String commonName, char[] password) {
        Objects.requireNonNull(commonName, "commonName");
        if (commonName.isBlank() || commonName.length() > 64) {
            throw new SandboxException("commonName must have 1 to 64 characters", null);
        }
        return keyStore("client", pki.client(commonName), password);
    }

    @Override
    public SSLContext clientSslContext() {
        return pki.trustingSslContext();
    }

    /** The server side: the server key and chain, trusting client certificates of the sandbox CA. */
    SSLContext serverSslContext() {
        try {
            char[] password = new char[]{'s'};
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverKeyStore(password), password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new SandboxException("cannot build the sandbox's TLS context: " + e, e);
        }
    }

    private static KeyStore keyStore(String alias, IssuedCertificate certificate, char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, certificate.privateKey(), password,
                    certificate.chain().toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SandboxException("cannot build a key store: " + e, e);
        }
    }
}
