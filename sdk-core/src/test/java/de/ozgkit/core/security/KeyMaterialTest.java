package de.ozgkit.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgkit.core.security.KeyMaterialException.Reason;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

    private static final char[] PASSWORD = "Geheim-Passwort-42".toCharArray();
    private static final String PASSWORD_TEXT = new String(PASSWORD);

    private static TestPki rsa;
    private static TestPki ec;
    private static IssuedCertificate rsaClient;
    private static IssuedCertificate ecClient;

    @BeforeAll
    static void pki() {
        rsa = TestPki.create();
        ec = TestPki.create("EC", KeyType.EC_P256);
        rsaClient = rsa.client("client-rsa");
        ecClient = ec.client("client-ec");
    }

    // ------------------------------------------------------------ PKCS#12

    @Test
    void pkcs12_fromBytesPathAndStream_loadsKeyAndChain(@TempDir Path dir) {
        for (IssuedCertificate c : List.of(rsaClient, ecClient)) {
            byte[] p12 = c.pkcs12(PASSWORD);
            Path file = c.writePkcs12(dir.resolve("id.p12"), PASSWORD);
            for (Identity id : List.of(KeyMaterial.pkcs12(p12, PASSWORD), KeyMaterial.pkcs12(file, PASSWORD),
                    KeyMaterial.pkcs12(new ByteArrayInputStream(p12), PASSWORD))) {
                assertThat(id.privateKey()).isEqualTo(c.privateKey());
                assertThat(id.certificate()).isEqualTo(c.certificate());
                assertThat(id.chain()).containsExactlyElementsOf(c.chain());
                assertThat(id.alias()).isEqualTo(IssuedCertificate.KEY_ALIAS);
                assertThat(id.toString()).doesNotContain(PASSWORD_TEXT).contains("chainLength=2");
            }
        }
    }

    @Test
    void pkcs12_wrongPassword_isReportedAsSuch_withoutEchoingIt() {
        byte[] p12 = rsaClient.pkcs12(PASSWORD);
        KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(p12, "geheim-passwort-42".toCharArray()));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).contains("password does not open").doesNotContainIgnoringCase("geheim-passwort");

        assertThat(failure(() -> KeyMaterial.pkcs12(p12, new char[0])).reason()).isEqualTo(Reason.WRONG_PASSWORD);
    }

    @Test
    void pkcs12_wrongFormat_namesTheFormatAndTheFix(@TempDir Path dir) throws Exception {
        KeyMaterialException pem = failure(() -> KeyMaterial.pkcs12(
                rsaClient.privateKeyPem().getBytes(StandardCharsets.US_ASCII), PASSWORD));
        assertThat(pem.reason()).isEqualTo(Reason.WRONG_FORMAT);
        assertThat(pem.getMessage()).contains("PEM text").contains("KeyMaterial.pem");

        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setCertificateEntry("ca", rsa.rootCertificate());
        ByteArrayOutputStream jksBytes = new ByteArrayOutputStream();
        jks.store(jksBytes, PASSWORD);
        KeyMaterialException jksFailure = failure(() -> KeyMaterial.pkcs12(jksBytes.toByteArray(), PASSWORD));
        assertThat(jksFailure.reason()).isEqualTo(Reason.WRONG_FORMAT);
        assertThat(jksFailure.getMessage()).contains("JKS").contains("keytool");

        byte[] der = rsaClient.certificate().getEncoded();
        assertThat(failure(() -> KeyMaterial.pkcs12(der, PASSWORD)).reason()).isEqualTo(Reason.WRONG_FORMAT);
        assertThat(failure(() -> KeyMaterial.pkcs12(new byte[0], PASSWORD)).reason()).isEqualTo(Reason.WRONG_FORMAT);
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        assertThat(failure(() -> KeyMaterial.pkcs12(noise, PASSWORD)).reason()).isEqualTo(Reason.WRONG_FORMAT);
        noise[0] = 0x30;
        assertThat(failure(() -> KeyMaterial.pkcs12(noise, PASSWORD)).reason()).isEqualTo(Reason.WRONG_FORMAT);
        Path txt = Files.writeString(dir.resolve("notes.txt"), "just text");
        assertThat(failure(() -> KeyMaterial.pkcs12(txt, PASSWORD)).reason()).isEqualTo(Reason.WRONG_FORMAT);
    }

    @Test
    void pkcs12_truncatedAnywhere_isWrongFormat() {
        byte[] p12 = ecClient.pkcs12(PASSWORD);
        for (int len : new int[] {1, 4, 16, 100, p12.length / 3, p12.length / 2, p12.length - 40, p12.length - 1}) {
            byte[] cut = Arrays.copyOf(p12, len);
            KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(cut, PASSWORD));
            assertThat(e.reason()).as("cut to %d of %d bytes", len, p12.length).isEqualTo(Reason.WRONG_FORMAT);
            assertThat(e.getMessage()).contains("truncated");
        }
    }

    @Test
    void pkcs12_withOnlyCertificates_isMissingKey() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", rsa.rootCertificate());
        ks.setCertificateEntry("client", rsaClient.certificate());
        byte[] p12 = store(ks);
        KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(p12, PASSWORD));
        assertThat(e.reason()).isEqualTo(Reason.MISSING_KEY);
        assertThat(e.getMessage()).contains("no private key").contains("openssl pkcs12 -export");
    }

    @Test
    void pkcs12_withTwoKeys_needsAnAlias() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("first", rsaClient.privateKey(), PASSWORD, rsaClient.chain().toArray(new X509Certificate[0]));
        IssuedCertificate second = rsa.client("second");
        ks.setKeyEntry("second", second.privateKey(), PASSWORD, second.chain().toArray(new X509Certificate[0]));
        byte[] p12 = store(ks);

        KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(p12, PASSWORD));
        assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS_KEY);
        assertThat(e.getMessage()).contains("first").contains("second").contains("alias");
        assertThat(KeyMaterial.pkcs12(p12, PASSWORD, "second").certificate()).isEqualTo(second.certificate());
        assertThat(failure(() -> KeyMaterial.pkcs12(p12, PASSWORD, "third")).reason()).isEqualTo(Reason.MISSING_KEY);
    }

    @Test
    void pkcs12_keyWithOtherPasswordThanFile_isWrongPassword() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", rsaClient.privateKey(), "other-key-password".toCharArray(),
                rsaClient.chain().toArray(new X509Certificate[0]));
        byte[] p12 = store(ks);
        KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(p12, PASSWORD));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).contains("different password").doesNotContain("other-key-password");
    }

    @Test
    void pkcs12_keyOfAnotherCertificate_isMismatch() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        IssuedCertificate other = rsa.client("other");
        ks.setKeyEntry("k", other.privateKey(), PASSWORD, rsaClient.chain().toArray(new X509Certificate[0]));
        byte[] p12 = store(ks);
        KeyMaterialException e = failure(() -> KeyMaterial.pkcs12(p12, PASSWORD));
        assertThat(e.reason()).isEqualTo(Reason.KEY_CERT_MISMATCH);
        assertThat(e.getMessage()).contains("does not belong");
    }

    @Test
    void pkcs12_fileProblems_areIoOrFormat(@TempDir Path dir) throws Exception {
        KeyMaterialException missing = failure(() -> KeyMaterial.pkcs12(dir.resolve("nope.p12"), PASSWORD));
        assertThat(missing.reason()).isEqualTo(Reason.IO);
        assertThat(missing.getMessage()).contains("nope.p12").contains("does not exist").doesNotContain(dir.toString());
        assertThat(failure(() -> KeyMaterial.pkcs12(dir, PASSWORD)).reason()).isEqualTo(Reason.IO);

        Path huge = dir.resolve("huge.p12");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(KeyMaterial.MAX_BYTES + 1L);
        }
        KeyMaterialException tooLarge = failure(() -> KeyMaterial.pkcs12(huge, PASSWORD));
        assertThat(tooLarge.reason()).isEqualTo(Reason.WRONG_FORMAT);
        assertThat(tooLarge.getMessage()).contains("larger than");
    }

    @Test
    void pkcs12KeyStore_loadsForTlsConfig(@TempDir Path dir) throws Exception {
        Path file = rsaClient.writePkcs12(dir.resolve("c.p12"), PASSWORD);
        KeyStore ks = KeyMaterial.pkcs12KeyStore(file, PASSWORD);
        assertThat(ks.isKeyEntry(IssuedCertificate.KEY_ALIAS)).isTrue();
        assertThat(failure(() -> KeyMaterial.pkcs12KeyStore(file, "x".toCharArray())).reason()).isEqualTo(Reason.WRONG_PASSWORD);
    }

    // ------------------------------------------------------------ PEM

    @Test
    void pem_allPrivateKeyForms_loadTheSameKey() throws Exception {
        for (IssuedCertificate c : List.of(rsaClient, ecClient)) {
            assertThat(KeyMaterial.privateKey(c.privateKeyPem(), null)).isEqualTo(c.privateKey());
            assertMatches(KeyMaterial.privateKey(c.privateKeyTraditionalPem(), null), c);
            assertThat(KeyMaterial.privateKey(c.encryptedPrivateKeyPem(PASSWORD), PASSWORD)).isEqualTo(c.privateKey());
            assertMatches(KeyMaterial.privateKey(legacyEncryptedPem(c.privateKey()), PASSWORD), c);
        }
        assertThat(rsaClient.privateKeyTraditionalPem()).contains("BEGIN RSA PRIVATE KEY");
        assertThat(ecClient.privateKeyTraditionalPem()).contains("BEGIN EC PRIVATE KEY");
    }

    @Test
    void pem_encryptedKey_wrongOrMissingPassword() throws Exception {
        for (String pem : List.of(ecClient.encryptedPrivateKeyPem(PASSWORD), legacyEncryptedPem(rsaClient.privateKey()))) {
            KeyMaterialException wrong = failure(() -> KeyMaterial.privateKey(pem, "Geheim-Passwort-43".toCharArray()));
            assertThat(wrong.reason()).isEqualTo(Reason.WRONG_PASSWORD);
            assertThat(wrong.getMessage()).doesNotContain("Geheim");
            KeyMaterialException none = failure(() -> KeyMaterial.privateKey(pem, null));
            assertThat(none.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
        }
    }

    @Test
    void pem_keyAndChainInSeparateFilesOrOneFile_anyOrder(@TempDir Path dir) throws Exception {
        IssuedCertificate server = ec.server();
        Path key = Files.writeString(dir.resolve("key.pem"), server.encryptedPrivateKeyPem(PASSWORD));
        Path chain = Files.writeString(dir.resolve("chain.pem"), server.chainPem());
        Identity separate = KeyMaterial.pem(key, chain, PASSWORD);
        assertThat(separate.chain()).containsExactlyElementsOf(server.chain());

        // intermediate and root first, key last: the chain is put in order and the root kept at the end
        String combined = pem(ec.root().certificate()) + pem(ec.intermediate().certificate()) + server.certificatePem()
                + "some comment between blocks\n" + server.privateKeyPem();
        Path one = Files.writeString(dir.resolve("combined.pem"), combined);
        Identity fromOne = KeyMaterial.pem(one, null);
        assertThat(fromOne.chain()).containsExactlyElementsOf(server.chainWithRoot());
        assertThat(fromOne.privateKey()).isEqualTo(server.privateKey());

        Identity fromText = KeyMaterial.pem(server.privateKeyTraditionalPem(), server.certificatePem(), null);
        assertThat(fromText.chain()).containsExactly(server.certificate());
    }

    @Test
    void pem_missingKeyMissingCertificateTwoKeysMismatch() {
        IssuedCertificate c = rsaClient;
        KeyMaterialException noCert = failure(() -> KeyMaterial.pem(c.privateKeyPem(), c.privateKeyPem(), null));
        assertThat(noCert.reason()).isEqualTo(Reason.MISSING_CERTIFICATE);
        KeyMaterialException noKey = failure(() -> KeyMaterial.pem(c.certificatePem(), c.certificatePem(), null));
        assertThat(noKey.reason()).isEqualTo(Reason.MISSING_KEY);
        KeyMaterialException twoKeys = failure(() -> KeyMaterial.pem(c.privateKeyPem() + ecClient.privateKeyPem(),
                c.certificatePem(), null));
        assertThat(twoKeys.reason()).isEqualTo(Reason.AMBIGUOUS_KEY);
        KeyMaterialException rsaKeyEcCert = failure(() -> KeyMaterial.pem(c.privateKeyPem(), ecClient.certificatePem(), null));
        assertThat(rsaKeyEcCert.reason()).isEqualTo(Reason.KEY_CERT_MISMATCH);
        IssuedCertificate sibling = rsa.client("sibling");
        KeyMaterialException sameAlgorithm = failure(() -> KeyMaterial.pem(sibling.privateKeyPem(), c.certificatePem(), null));
        assertThat(sameAlgorithm.reason()).isEqualTo(Reason.KEY_CERT_MISMATCH);
    }

    @Test
    void pem_damagedInput_isWrongFormat() throws Exception {
        String key = rsaClient.privateKeyPem();
        String badBase64 = key.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!@@@@##");
        String noEnd = key.substring(0, key.indexOf("-----END"));
        String cutBody = key.substring(0, key.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        String unknownBlock = "-----BEGIN SOMETHING ELSE-----\nAAAA\n-----END SOMETHING ELSE-----\n";
        for (String bad : List.of(badBase64, noEnd, cutBody, unknownBlock, "no pem at all", "")) {
            KeyMaterialException e = failure(() -> KeyMaterial.privateKey(bad, null));
            assertThat(e.reason()).as(bad).isEqualTo(Reason.WRONG_FORMAT);
        }
        byte[] der = rsaClient.privateKey().getEncoded();
        Path file = Files.write(Files.createTempFile("key", ".der"), der);
        try {
            KeyMaterialException e = failure(() -> KeyMaterial.privateKey(file, null));
            assertThat(e.reason()).isEqualTo(Reason.WRONG_FORMAT);
            assertThat(e.getMessage()).contains("binary").contains("openssl");
        } finally {
            Files.delete(file);
        }
        String cert = rsaClient.certificatePem();
        String cutCert = cert.substring(0, cert.length() / 2) + "\n-----END CERTIFICATE-----\n";
        assertThat(failure(() -> KeyMaterial.pem(key, cutCert, null)).reason()).isEqualTo(Reason.WRONG_FORMAT);
    }

    @Test
    void certificates_pemAndDer(@TempDir Path dir) throws Exception {
        IssuedCertificate server = rsa.server();
        assertThat(KeyMaterial.certificates(server.chainPem().getBytes(StandardCharsets.US_ASCII)))
                .containsExactlyElementsOf(server.chain());
        Path der = Files.write(dir.resolve("cert.der"), server.certificate().getEncoded());
        assertThat(KeyMaterial.certificates(der)).containsExactly(server.certificate());
        byte[] cut = Arrays.copyOf(server.certificate().getEncoded(), 200);
        assertThat(failure(() -> KeyMaterial.certificates(cut)).reason()).isEqualTo(Reason.WRONG_FORMAT);
        assertThat(failure(() -> KeyMaterial.certificates(server.privateKeyPem().getBytes(StandardCharsets.US_ASCII))).reason())
                .isEqualTo(Reason.MISSING_CERTIFICATE);
    }

    @Test
    void crl_pemAndDer() throws Exception {
        X509CRL crl = rsa.crl(rsaClient.certificate());
        assertThat(KeyMaterial.crl(crl.getEncoded())).isEqualTo(crl);
        assertThat(KeyMaterial.crl(pem(crl).getBytes(StandardCharsets.US_ASCII))).isEqualTo(crl);
        byte[] cut = Arrays.copyOf(crl.getEncoded(), 50);
        assertThat(failure(() -> KeyMaterial.crl(cut)).reason()).isEqualTo(Reason.WRONG_FORMAT);
    }

    @Test
    void identity_producesKeyStoreAndKeyManager() throws Exception {
        Identity id = KeyMaterial.pkcs12(rsaClient.pkcs12(PASSWORD), PASSWORD);
        KeyStore ks = id.toKeyStore("x".toCharArray());
        assertThat(ks.getKey(id.alias(), "x".toCharArray())).isEqualTo(rsaClient.privateKey());
        assertThat(id.keyManager().getPrivateKey(id.alias())).isEqualTo(rsaClient.privateKey());
        assertThat(id.keyManager().getCertificateChain(id.alias())).containsExactlyElementsOf(rsaClient.chain());
        assertThat(failure(() -> Identity.of(rsaClient.privateKey(), List.of())).reason()).isEqualTo(Reason.MISSING_CERTIFICATE);
    }

    @Test
    void identity_ofCertificateSpecWithoutKeyUsage_stillMatchesKey() {
        IssuedCertificate bare = rsa.issue(CertificateSpec.builder().subject("CN=bare").build());
        assertThat(Identity.of(bare.privateKey(), bare.chain()).certificate()).isEqualTo(bare.certificate());
    }

    // ------------------------------------------------------------ helpers

    static KeyMaterialException failure(Supplier<?> call) {
        KeyMaterialException e = catchThrowableOfType(KeyMaterialException.class, call::get);
        assertThat(e).as("expected a KeyMaterialException").isNotNull();
        assertThat(e.getMessage()).doesNotContain(PASSWORD_TEXT);
        return e;
    }

    private static byte[] store(KeyStore ks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, PASSWORD);
        return out.toByteArray();
    }

    private static String pem(Object o) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    /** OpenSSL's legacy encryption ("Proc-Type: 4,ENCRYPTED", DEK-Info AES-256-CBC). */
    private static String legacyEncryptedPem(PrivateKey jdkKey) throws Exception {
        // Bouncy Castle's own key object writes SEC 1 with the curve, as OpenSSL does
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        PrivateKey key = java.security.KeyFactory.getInstance(jdkKey.getAlgorithm(), bc)
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(jdkKey.getEncoded()));
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(new JcaMiscPEMGenerator(key, new JcePEMEncryptorBuilder("AES-256-CBC")
                    .setProvider(bc).build(PASSWORD)));
        }
        assertThat(sw.toString()).contains("Proc-Type: 4,ENCRYPTED");
        return sw.toString();
    }

    private static void assertMatches(PrivateKey key, IssuedCertificate c) throws Exception {
        Signature s = Signature.getInstance(c.certificate().getSigAlgName());
        s.initSign(key);
        s.update(new byte[] {1});
        byte[] sig = s.sign();
        s.initVerify(c.certificate());
        s.update(new byte[] {1});
        assertThat(s.verify(sig)).isTrue();
    }
}
