package de.ozgkit.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgkit.core.security.CertificateValidationException.Reason;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weak certificates below the trust anchor are refused, whether the Java runtime would accept them
 * or not: SHA-1 and MD5 signatures (also RSASSA-PSS with SHA-1), RSA and DSA keys under 2048 bits,
 * EC keys under 256 bits, on the end entity and on intermediates. And supplied CRLs are checked for
 * the CA certificates of the path by default. The weak certificates are made here with Bouncy
 * Castle, signed by the test PKI's real CA keys.
 */
class CertificateStrengthTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1000);
    private static TestPki pki;
    private static KeyPair strong;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create("Strength", KeyType.RSA_2048);
        strong = keys("RSA", 2048);
    }

    static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, PublicKey subjectKey, String signatureAlgorithm,
                                 boolean ca, String cn) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=" + cn + ",O=ozgkit Test"), subjectKey);
        if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(signatureAlgorithm)
                .setProvider(BC).build(issuerKey)));
    }

    static KeyPair keys(String algorithm, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    static KeyPair ecKeys(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static CertificateValidator validator() {
        return CertificateValidator.builder().trustAnchors(pki.rootCertificate()).build();
    }

    static CertificateValidationException failure(List<X509Certificate> chain) {
        CertificateValidationException e = catchThrowableOfType(CertificateValidationException.class,
                () -> validator().validate(chain));
        assertThat(e).as("the chain is refused").isNotNull();
        return e;
    }

    X509Certificate leaf(PublicKey key, String signatureAlgorithm) throws Exception {
        IssuedCertificate ica = pki.intermediate();
        return issue(ica.certificate(), ica.privateKey(), key, signatureAlgorithm, false, "leaf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA1withRSA", "SHA1withRSAandMGF1", "MD5withRSA"})
    void endEntitySignedWithABrokenHash_isWeak(String signatureAlgorithm) throws Exception {
        X509Certificate leaf = leaf(strong.getPublic(), signatureAlgorithm);
        CertificateValidationException e = failure(List.of(leaf, pki.intermediate().certificate()));
        assertThat(e.reason()).isEqualTo(Reason.WEAK_ALGORITHM);
        assertThat(e.certificateIndex()).isZero();
        assertThat(e.certificate()).contains(leaf);
    }

    @Test
    void endEntityWithSmallKeys_isWeak() throws Exception {
        for (KeyPair small : List.of(keys("RSA", 1024), keys("RSA", 2040), keys("DSA", 1024), ecKeys("secp224r1"),
                ecKeys("secp192r1"))) {
            X509Certificate leaf = leaf(small.getPublic(), "SHA256withRSA");
            CertificateValidationException e = failure(List.of(leaf, pki.intermediate().certificate()));
            assertThat(e.reason()).as(small.getPublic().toString()).isEqualTo(Reason.WEAK_ALGORITHM);
            assertThat(e.certificateIndex()).isZero();
            assertThat(e.getMessage()).contains(" bit").containsIgnoringCase("reissue");
        }
    }

    @Test
    void intermediateWithASmallKeyOrSha1Signature_isWeak_evenBelowAStrongLeaf() throws Exception {
        IssuedCertificate root = pki.root();
        KeyPair weakCa = keys("RSA", 1024);
        X509Certificate smallCa = issue(root.certificate(), root.privateKey(), weakCa.getPublic(), "SHA256withRSA", true, "small CA");
        X509Certificate leafOfSmall = issue(smallCa, weakCa.getPrivate(), strong.getPublic(), "SHA256withRSA",
                false, "leaf");
        CertificateValidationException e = failure(List.of(leafOfSmall, smallCa));
        assertThat(e.reason()).isEqualTo(Reason.WEAK_ALGORITHM);
        assertThat(e.certificateIndex()).isEqualTo(1);
        assertThat(e.getMessage()).contains("CA certificate #1").contains("1024 bits");

        X509Certificate sha1Ca = issue(root.certificate(), root.privateKey(), strong.getPublic(), "SHA1withRSA", true, "sha1 CA");
        X509Certificate leafOfSha1 = issue(sha1Ca, strong.getPrivate(), ecKeys("secp256r1").getPublic(), "SHA256withRSA",
                false, "leaf");
        CertificateValidationException sha1 = failure(List.of(leafOfSha1, sha1Ca));
        assertThat(sha1.reason()).isEqualTo(Reason.WEAK_ALGORITHM);
        assertThat(sha1.certificateIndex()).isEqualTo(1);
        assertThat(sha1.getMessage()).contains("SHA-1");
    }

    @Test
    void strongCertificates_pass() throws Exception {
        for (KeyPair key : List.of(strong, ecKeys("secp256r1"), ecKeys("secp384r1"))) {
            for (String alg : List.of("SHA256withRSA", "SHA512withRSA", "SHA256withRSAandMGF1")) {
                X509Certificate leaf = leaf(key.getPublic(), alg);
                assertThat(validator().validate(List.of(leaf, pki.intermediate().certificate())).endEntity()).isEqualTo(leaf);
            }
        }
    }

    @Test
    void suppliedCrls_areCheckedForTheCaCertificatesByDefault() {
        IssuedCertificate client = pki.client("still valid");
        X509CRL intermediateRevoked = pki.root().crl(pki.intermediate().certificate());
        X509CRL intermediateCrl = pki.crl();
        CertificateValidator byDefault = CertificateValidator.builder().trustAnchors(pki.rootCertificate())
                .crls(intermediateRevoked, intermediateCrl).build();
        assertThat(byDefault.revocationCheck()).isEqualTo(RevocationCheck.END_ENTITY);
        CertificateValidationException e = catchThrowableOfType(CertificateValidationException.class,
                () -> byDefault.validate(client.chain()));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.REVOKED);
        assertThat(e.certificateIndex()).isEqualTo(1);
        assertThat(e.certificate()).contains(pki.intermediate().certificate());

        // a CA certificate without a CRL of its issuer passes; the end entity still needs one
        CertificateValidator onlyIntermediateCrl = CertificateValidator.builder().trustAnchors(pki.rootCertificate())
                .crls(intermediateCrl).build();
        assertThat(onlyIntermediateCrl.validate(client.chain()).revocationChecked()).isEqualTo(RevocationCheck.END_ENTITY);

        // a CRL in the root's name but signed by another key revokes nothing
        TestPki lookalike = TestPki.create("Strength", KeyType.EC_P256);
        X509CRL forged = lookalike.root().crl(pki.intermediate().certificate());
        assertThat(forged.getIssuerX500Principal()).isEqualTo(pki.rootCertificate().getSubjectX500Principal());
        assertThat(CertificateValidator.builder().trustAnchors(pki.rootCertificate()).crls(forged, intermediateCrl).build()
                .validate(client.chain()).endEntity()).isEqualTo(client.certificate());

        // switched off explicitly, nothing is checked
        assertThat(CertificateValidator.builder().trustAnchors(pki.rootCertificate()).crls(intermediateRevoked)
                .revocationCheck(RevocationCheck.NONE).build().validate(client.chain()).endEntity())
                .isEqualTo(client.certificate());
    }
}
