package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxTls;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

/**
 * The sandbox's throw-away PKI: an ECDSA P-256 CA generated at start, a server certificate for
 * {@code 127.0.0.1} and {@code localhost}, and client certificates on demand. Keys stay in memory.
 */
final class TlsMaterial implements SandboxTls {

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final KeyPair serverKeys;
    private final X509Certificate serverCertificate;

    private TlsMaterial(KeyPair caKeys, X509Certificate caCertificate, KeyPair serverKeys, X509Certificate serverCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
        this.serverKeys = serverKeys;
        this.serverCertificate = serverCertificate;
    }

    static TlsMaterial generate() {
        try {
            KeyPair caKeys = newKeyPair();
            X509Certificate ca = caCertificate(caKeys);
            KeyPair serverKeys = newKeyPair();
            X509Certificate server = issue(caKeys, ca, serverKeys, "127.0.0.1", true);
            return new TlsMaterial(caKeys, ca, serverKeys, server);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new SandboxException("could not generate the sandbox's TLS certificates: " + e, e);
        }
    }

    @Override
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    @Override
    public String caCertificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(caCertificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("CA certificate cannot be encoded", e);
        }
    }

    @Override
    public KeyStore trustStore() {
        try {
            KeyStore store = emptyStore();
            store.setCertificateEntry("ozgkit-sandbox-ca", caCertificate);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    @Override
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    @Override
    public KeyStore serverKeyStore(char[] password) {
        return keyStore("server", serverKeys, serverCertificate, password);
    }

    @Override
    public KeyStore issueClientKeyStore(String commonName, char[] password) {
        Objects.requireNonNull(commonName, "commonName");
        if (commonName.isBlank() || commonName.length() > 64) {
            throw new IllegalArgumentException("commonName must have 1 to 64 characters");
        }
        try {
            KeyPair keys = newKeyPair();
            X509Certificate cert = issue(caKeys, caCertificate, keys, commonName, false);
            return keyStore("client", keys, cert, password);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a client certificate: " + e, e);
        }
    }

    @Override
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
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

    private KeyStore keyStore(String alias, KeyPair keys, X509Certificate cert, char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[]{cert, caCertificate});
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a key store", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair keys)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException, java.io.IOException {
        X500Name name = new X500Name("CN=ozgkit sandbox CA,O=ozgkit sandbox");
        Instant now = Instant.now();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys);
    }

    private static X509Certificate issue(KeyPair caKeys, X509Certificate ca, KeyPair keys, String commonName, boolean server)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException, java.io.IOException {
        Instant now = Instant.now();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X500Name subject = new X500Name(new org.bouncycastle.asn1.x500.X500NameBuilder()
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, commonName)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, "ozgkit sandbox")
                .build().getRDNs());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return sign(builder, caKeys);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }
}
