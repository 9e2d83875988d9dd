package de.ozgkit.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A generated public key infrastructure for tests: a self-signed root CA, an intermediate CA
 * issued by the root, and end-entity certificates issued by the intermediate on demand (TLS
 * servers for {@code localhost}/{@code 127.0.0.1}, TLS clients, and deliberately broken ones:
 * expired, not yet valid, wrong key usage). Keys are fresh RSA or EC keys made by the JDK;
 * certificates and CRLs are built with Bouncy Castle. Nothing is registered globally.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * IssuedCertificate server = pki.server();              // localhost + 127.0.0.1
 * IssuedCertificate client = pki.client("fachverfahren-1");
 * SSLContext serverSsl = server.sslContext();           // trusts the PKI's root (for mutual TLS)
 * byte[] p12 = client.pkcs12("changeit".toCharArray());
 * }</pre>
 *
 * <p>Thread-safe. Every instance is a separate PKI; two instances do not trust each other.
 */
public final class TestPki {

    private final String name;
    private final KeyType keyType;
    private final IssuedCertificate root;
    private final IssuedCertificate intermediate;

    private TestPki(String name, KeyType keyType) {
        this.name = name;
        this.keyType = keyType;
        this.root = IssuedCertificate.selfSigned(CertificateSpec.ca(name + " Root CA").toBuilder()
                .keyType(keyType).build());
        this.intermediate = root.issue(CertificateSpec.ca(name + " Intermediate CA").toBuilder()
                .keyType(keyType).pathLength(0).build());
    }

    /** @return a new RSA PKI named "ozgkit Test" */
    public static TestPki create() {
        return create("ozgkit Test", KeyType.RSA_2048);
    }

    /**
     * Creates a PKI whose CAs and preset end-entity certificates use the given key type.
     *
     * @param keyType RSA or EC
     * @return the new PKI
     */
    public static TestPki create(KeyType keyType) {
        return create("ozgkit Test", keyType);
    }

    /**
     * Creates a named PKI; the name appears in the CA subjects, e.g. {@code CN=<name> Root CA}.
     *
     * @param name    a name telling PKIs apart in error messages, e.g. {@code "Other"}
     * @param keyType RSA or EC
     * @return the new PKI
     */
    public static TestPki create(String name, KeyType keyType) {
        return new TestPki(Objects.requireNonNull(name, "name"), Objects.requireNonNull(keyType, "keyType"));
    }

    /** @return the name given at creation */
    public String name() {
        return name;
    }

    /** @return the key type of the CAs and of the presets */
    public KeyType keyType() {
        return keyType;
    }

    /** @return the self-signed root CA */
    public IssuedCertificate root() {
        return root;
    }

    /** @return the intermediate CA (path length 0) that issues the end-entity certificates */
    public IssuedCertificate intermediate() {
        return intermediate;
    }

    /** @return the root CA's certificate, the trust anchor */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** @return a key store (no password) trusting only this PKI's root */
    public KeyStore trustStore() {
        return root.trustStore();
    }

    /**
     * Issues an end-entity certificate from the intermediate CA. The spec's key type is used as is.
     *
     * @param spec what the certificate looks like
     * @return the certificate with its key and chain
     */
    public IssuedCertificate issue(CertificateSpec spec) {
        return intermediate.issue(spec);
    }

    /** @return a TLS server certificate for {@code localhost} and {@code 127.0.0.1}, valid now */
    public IssuedCertificate server() {
        return server("localhost", "127.0.0.1");
    }

    /**
     * Issues a TLS server certificate for the given names.
     *
     * @param hosts host names and IP literals for the subject alternative name
     * @return the certificate
     */
    public IssuedCertificate server(String... hosts) {
        return issue(withKeyType(CertificateSpec.server(hosts)));
    }

    /**
     * Issues a TLS client certificate.
     *
     * @param commonName the subject's CN
     * @return the certificate
     */
    public IssuedCertificate client(String commonName) {
        return issue(withKeyType(CertificateSpec.client(commonName)));
    }

    /** @return a server certificate for localhost/127.0.0.1 that expired yesterday */
    public IssuedCertificate expiredServer() {
        Instant now = Instant.now();
        return issue(withKeyType(CertificateSpec.server("localhost", "127.0.0.1")).toBuilder()
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build());
    }

    /** @return a server certificate for localhost/127.0.0.1 that becomes valid tomorrow */
    public IssuedCertificate notYetValidServer() {
        Instant now = Instant.now();
        return issue(withKeyType(CertificateSpec.server("localhost", "127.0.0.1")).toBuilder()
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());
    }

    /**
     * A certificate for localhost/127.0.0.1 that is unfit for a TLS server: key usage only
     * nonRepudiation and extended key usage only emailProtection.
     *
     * @return the certificate
     */
    public IssuedCertificate serverWithWrongKeyUsage() {
        return issue(withKeyType(CertificateSpec.server("localhost", "127.0.0.1")).toBuilder()
                .keyUsage(CertificateSpec.KeyUsage.NON_REPUDIATION)
                .extendedKeyUsage(CertificateSpec.ExtendedKeyUsage.EMAIL_PROTECTION)
                .build());
    }

    /**
     * A CRL from the intermediate CA revoking the given certificates.
     *
     * @param revoked certificates issued by the intermediate CA
     * @return the CRL, valid from one hour ago for seven days
     */
    public X509CRL crl(X509Certificate... revoked) {
        return intermediate.crl(revoked);
    }

    /** @return an {@link SSLContext} without a key of its own that trusts only this PKI's root (a plain TLS client) */
    public SSLContext trustingSslContext() {
        return sslContext(null, rootCertificate());
    }

    @Override
    public String toString() {
        return "TestPki[" + name + ", " + keyType + "]";
    }

    private CertificateSpec withKeyType(CertificateSpec spec) {
        return spec.toBuilder().keyType(keyType).build();
    }

    static SSLContext sslContext(KeyManagerFactory kmf, X509Certificate... trustAnchors) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(),
                    IssuedCertificate.trustManagers(trustAnchors).getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext: " + e.getMessage(), e);
        }
    }
}
