package de.ozgkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A generated certificate together with its private key and the chain of the CAs that issued it,
 * with helpers to hand it over in the forms real code consumes: PKCS#12 (bytes, file or
 * {@link KeyStore}), PEM (certificate, chain, private key as PKCS#8, PKCS#1/SEC1 or encrypted
 * PKCS#8), trust stores and {@link SSLContext}s. A CA certificate can {@link #issue issue} further
 * certificates and {@link #crl sign CRLs}.
 *
 * <p>Immutable and thread-safe. Only for tests and throw-away sandbox certificates.
 */
public final class IssuedCertificate {

    /** The alias of the key entry in the key stores and PKCS#12 files produced here. */
    public static final String KEY_ALIAS = "ozgkit-test";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Used only where the JDK lacks an algorithm (PEM encryption); never registered globally. */
    private static final Provider BC = new BouncyCastleProvider();

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final IssuedCertificate issuer;
    private final AtomicLong crlNumber = new AtomicLong();

    private IssuedCertificate(KeyPair keyPair, X509Certificate certificate, IssuedCertificate issuer) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.issuer = issuer;
    }

    /**
     * Generates a self-signed certificate (a root CA when the spec says {@code ca(true)}).
     *
     * @param spec what the certificate looks like
     * @return the certificate with its key
     */
    public static IssuedCertificate selfSigned(CertificateSpec spec) {
        KeyPair kp = spec.keyType().generate();
        X509Certificate cert = build(spec, kp.getPublic(), new X500Principal(spec.subject()), kp.getPrivate(), null);
        return new IssuedCertificate(kp, cert, null);
    }

    /**
     * Issues a certificate signed by this one's key. Works only when this is a CA certificate
     * (basicConstraints cA=true); use {@link #issueUnchecked} to sign with a non-CA on purpose.
     *
     * @param spec what the new certificate looks like
     * @return the new certificate with its key; its chain continues with this certificate's chain
     * @throws IllegalStateException when this certificate is not a CA
     */
    public IssuedCertificate issue(CertificateSpec spec) {
        if (!isCa()) {
            throw new IllegalStateException(certificate.getSubjectX500Principal().getName()
                    + " is not a CA certificate; use issueUnchecked to sign with it anyway");
        }
        return issueUnchecked(spec);
    }

    /**
     * Issues a certificate signed by this one's key even when this is not a CA certificate, to test
     * that validators reject such chains.
     *
     * @param spec what the new certificate looks like
     * @return the new certificate with its key
     */
    public IssuedCertificate issueUnchecked(CertificateSpec spec) {
        KeyPair kp = spec.keyType().generate();
        X509Certificate cert = build(spec, kp.getPublic(), certificate.getSubjectX500Principal(),
                keyPair.getPrivate(), certificate);
        return new IssuedCertificate(kp, cert, this);
    }

    /** @return whether this certificate says cA=true in basicConstraints */
    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** @return the public key */
    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** @return the key pair */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the issuer's certificate and key, empty for a self-signed certificate */
    public Optional<IssuedCertificate> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The chain as a TLS peer presents it: this certificate first, then the intermediate CAs, without
     * the self-signed root (unless this certificate is the root itself).
     *
     * @return the chain, end-entity first
     */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        for (IssuedCertificate i = issuer; i != null && i.issuer != null; i = i.issuer) {
            chain.add(i.certificate);
        }
        return Collections.unmodifiableList(chain);
    }

    /** @return the chain including the self-signed root, end-entity first */
    public List<X509Certificate> chainWithRoot() {
        List<X509Certificate> chain = new ArrayList<>();
        for (IssuedCertificate i = this; i != null; i = i.issuer) {
            chain.add(i.certificate);
        }
        return Collections.unmodifiableList(chain);
    }

    /** @return the self-signed certificate at the top of this chain (the trust anchor) */
    public X509Certificate root() {
        IssuedCertificate i = this;
        while (i.issuer != null) {
            i = i.issuer;
        }
        return i.certificate;
    }

    /**
     * Signs a CRL (version 2, with CRL number and authority key identifier) that revokes the given
     * certificates with reason keyCompromise. Valid from one hour ago for seven days.
     *
     * @param revoked certificates issued by this CA
     * @return the CRL
     */
    public X509CRL crl(X509Certificate... revoked) {
        Instant now = Instant.now();
        return crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), revoked);
    }

    /**
     * Signs a CRL that revokes the given certificates with reason keyCompromise.
     *
     * @param thisUpdate when the CRL was issued (revocation date of the entries as well)
     * @param nextUpdate when the next CRL is due
     * @param revoked    certificates issued by this CA
     * @return the CRL
     */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        try {
            JcaX509v2CRLBuilder b = new JcaX509v2CRLBuilder(certificate, Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate r : revoked) {
                b.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            return new JcaX509CRLConverter().getCRL(b.build(signer(keyPair.getPrivate())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the CRL: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#12 key store in memory holding the private key and {@link #chain()} under
     * {@link #KEY_ALIAS}.
     *
     * @param password store and key password
     * @return the loaded key store
     */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), password, chain().toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    /**
     * The private key and {@link #chain()} as a PKCS#12 file's content, written by the JDK.
     *
     * @param password store and key password
     * @return the bytes of a {@code .p12} file
     */
    public byte[] pkcs12(char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore(password).store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write PKCS#12: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #pkcs12(char[])} to a file.
     *
     * @param file     target file, replaced if present
     * @param password store and key password
     * @return the file
     */
    public Path writePkcs12(Path file, char[] password) {
        try {
            Files.write(file, pkcs12(password));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a PKCS#12 key store (no password) holding this certificate as the only trusted entry */
    public KeyStore trustStore() {
        return trustStoreOf(certificate);
    }

    /**
     * A key store holding the given certificates as trusted entries.
     *
     * @param certificates trust anchors
     * @return the key store (no password)
     */
    public static KeyStore trustStoreOf(X509Certificate... certificates) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates) {
                ks.setCertificateEntry("trusted-" + i++, c);
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    /** @return this certificate as PEM ({@code BEGIN CERTIFICATE}) */
    public String certificatePem() {
        return pem(certificate);
    }

    /** @return {@link #chain()} as concatenated PEM certificates, end-entity first */
    public String chainPem() {
        return pem(chain().toArray());
    }

    /** @return the private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) */
    public String privateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The private key in the traditional OpenSSL form: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) for
     * RSA, SEC 1 ({@code BEGIN EC PRIVATE KEY}) for EC.
     *
     * @return the PEM text
     */
    public String privateKeyTraditionalPem() {
        if (keyPair.getPrivate() instanceof ECPrivateKey) {
            // written by hand so that the curve and the public key are included, as OpenSSL does
            ECPrivateKey ec = (ECPrivateKey) keyPair.getPrivate();
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(), ec.getS(), spki.getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters());
            try {
                return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pem(keyPair.getPrivate());
    }

    /**
     * The private key as encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY}): PBES2 with
     * PBKDF2-HMAC-SHA256 and AES-256-CBC.
     *
     * @param password the encryption password
     * @return the PEM text
     */
    public String encryptedPrivateKeyPem(char[] password) {
        try {
            OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(10_000)
                    .setRandom(RANDOM)
                    .setProvider(BC)
                    .setPassword(password)
                    .build();
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), enc).generate());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt the private key: " + e.getMessage(), e);
        }
    }

    /**
     * An {@link SSLContext} presenting this certificate and key, trusting the root of this chain
     * (so a server built from it accepts clients of the same PKI, and a client trusts servers of it).
     *
     * @return the context
     */
    public SSLContext sslContext() {
        return sslContext(root());
    }

    /**
     * An {@link SSLContext} presenting this certificate and key, trusting exactly the given anchors.
     *
     * @param trustAnchors trusted certificates; none means the JDK's default trust anchors
     * @return the context
     */
    public SSLContext sslContext(X509Certificate... trustAnchors) {
        try {
            char[] pw = "ozgkit-test".toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(pw), pw);
            return TestPki.sslContext(kmf, trustAnchors);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]";
    }

    static TrustManagerFactory trustManagers(X509Certificate... anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors.length == 0 ? null : trustStoreOf(anchors));
        return tmf;
    }

    private static String pem(Object... objects) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(KeyType.signatureAlgorithmFor(key)).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot create a signer: " + e.getMessage(), e);
        }
    }

    private static X509Certificate build(CertificateSpec spec, PublicKey subjectKey, X500Principal issuerName,
                                         PrivateKey issuerKey, X509Certificate issuerCert) {
        Instant now = Instant.now();
        Instant notBefore = spec.notBefore().orElse(now.minus(Duration.ofHours(1)));
        Instant notAfter = spec.notAfter().orElse(now.plus(Duration.ofDays(30)));
        BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
                    Date.from(notAfter), new X500Principal(spec.subject()), subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, !spec.isCa() ? new BasicConstraints(false)
                    : spec.pathLength().map(BasicConstraints::new).orElseGet(() -> new BasicConstraints(true)));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            if (!spec.keyUsage().isEmpty()) {
                int bits = 0;
                for (CertificateSpec.KeyUsage u : spec.keyUsage()) {
                    bits |= keyUsageBit(u);
                }
                b.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(bits));
            }
            if (!spec.extendedKeyUsage().isEmpty()) {
                List<KeyPurposeId> purposes = new ArrayList<>();
                for (CertificateSpec.ExtendedKeyUsage u : spec.extendedKeyUsage()) {
                    purposes.add(keyPurpose(u));
                }
                b.addExtension(Extension.extendedKeyUsage, false,
                        new org.bouncycastle.asn1.x509.ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
            }
            List<GeneralName> sans = new ArrayList<>();
            spec.dnsNames().forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
            spec.ipAddresses().forEach(n -> sans.add(new GeneralName(GeneralName.iPAddress, n)));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue " + spec + ": " + e.getMessage(), e);
        }
    }

    private static int keyUsageBit(CertificateSpec.KeyUsage u) {
        switch (u) {
            case DIGITAL_SIGNATURE: return org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
            case NON_REPUDIATION: return org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
            case KEY_ENCIPHERMENT: return org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
            case DATA_ENCIPHERMENT: return org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment;
            case KEY_AGREEMENT: return org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
            case KEY_CERT_SIGN: return org.bouncycastle.asn1.x509.KeyUsage.keyCertSign;
            case CRL_SIGN: return org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
            default: throw new IllegalArgumentException(Objects.toString(u));
        }
    }

    private static KeyPurposeId keyPurpose(CertificateSpec.ExtendedKeyUsage u) {
        switch (u) {
            case SERVER_AUTH: return KeyPurposeId.id_kp_serverAuth;
            case CLIENT_AUTH: return KeyPurposeId.id_kp_clientAuth;
            case CODE_SIGNING: return KeyPurposeId.id_kp_codeSigning;
            case EMAIL_PROTECTION: return KeyPurposeId.id_kp_emailProtection;
            case TIME_STAMPING: return KeyPurposeId.id_kp_timeStamping;
            case OCSP_SIGNING: return KeyPurposeId.id_kp_OCSPSigning;
            default: throw new IllegalArgumentException(Objects.toString(u));
        }
    }
}
