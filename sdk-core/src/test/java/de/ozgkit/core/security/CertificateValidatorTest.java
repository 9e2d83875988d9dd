package de.ozgkit.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.security.CertificateValidationException.Reason;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {

    private static TestPki pki;
    private static TestPki ecPki;
    private static TestPki otherPki;
    private static IssuedCertificate server;
    private static IssuedCertificate client;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create();
        ecPki = TestPki.create("EC", KeyType.EC_P256);
        otherPki = TestPki.create("Other", KeyType.EC_P256);
        server = pki.server();
        client = pki.client("Erika Mustermann");
    }

    private static CertificateValidator.Builder trusting(TestPki p) {
        return CertificateValidator.builder().trustAnchors(p.rootCertificate());
    }

    @Test
    void validChain_returnsPathUpToTheAnchor() {
        ValidatedPath path = trusting(pki).build().validate(server.chain());
        assertThat(path.certificates()).containsExactly(server.certificate(), pki.intermediate().certificate());
        assertThat(path.endEntity()).isEqualTo(server.certificate());
        assertThat(path.trustAnchor()).isEqualTo(pki.rootCertificate());
        assertThat(path.revocationChecked()).isEqualTo(RevocationCheck.NONE);

        IssuedCertificate ecServer = ecPki.server();
        assertThat(trusting(ecPki).build().validate(ecServer.chain()).trustAnchor()).isEqualTo(ecPki.rootCertificate());
    }

    @Test
    void chainWithRootInAnyOrder_isAccepted() {
        List<X509Certificate> shuffled = List.of(server.certificate(), pki.rootCertificate(), pki.intermediate().certificate());
        ValidatedPath path = trusting(pki).build().validate(shuffled);
        assertThat(path.certificates()).containsExactly(server.certificate(), pki.intermediate().certificate());
    }

    @Test
    void missingIntermediate_isUntrusted_unlessConfigured() {
        CertificateValidationException e = failure(() -> trusting(pki).build().validate(server.certificate()));
        assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
        assertThat(e.getMessage()).contains("intermediate");

        ValidatedPath path = trusting(pki).intermediates(pki.intermediate().certificate()).build()
                .validate(server.certificate());
        assertThat(path.certificates()).hasSize(2);
    }

    @Test
    void trustStore_suppliesAnchors() {
        ValidatedPath path = CertificateValidator.builder().trustStore(pki.trustStore()).build().validate(client.chain());
        assertThat(path.trustAnchor()).isEqualTo(pki.rootCertificate());
    }

    @Test
    void untrustedRoot_isRejected() {
        CertificateValidationException e = failure(() -> trusting(otherPki).build().validate(server.chainWithRoot()));
        assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
        assertThat(e.getMessage()).contains("trusted CA");

        IssuedCertificate selfSigned = IssuedCertificate.selfSigned(CertificateSpec.server("localhost"));
        assertThat(failure(() -> trusting(pki).build().validate(selfSigned.certificate())).reason())
                .isEqualTo(Reason.UNTRUSTED);
    }

    @Test
    void sameNamesButOtherKeys_isUntrusted() {
        // a PKI that copies every name of the trusted one but has its own keys
        TestPki lookalike = TestPki.create("ozgkit Test", KeyType.EC_P256);
        IssuedCertificate forged = lookalike.server();
        CertificateValidationException e = failure(() -> trusting(pki).build().validate(forged.chain()));
        assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
        assertThat(e.certificateIndex()).isEqualTo(1);
    }

    @Test
    void expiredAndNotYetValid_areRejectedWithTheirReason() {
        IssuedCertificate expired = pki.expiredServer();
        CertificateValidationException e = failure(() -> trusting(pki).build().validate(expired.chain()));
        assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(e.certificateIndex()).isZero();
        assertThat(e.certificate()).contains(expired.certificate());
        assertThat(e.getMessage()).contains("end-entity").contains("expired on").contains("renew");

        CertificateValidationException notYet = failure(() -> trusting(pki).build().validate(pki.notYetValidServer().chain()));
        assertThat(notYet.reason()).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void validityIsCheckedAtTheGivenInstant() {
        Instant now = Instant.now();
        IssuedCertificate expired = pki.issue(CertificateSpec.server("localhost").toBuilder()
                .validity(now.minus(Duration.ofMinutes(50)), now.minus(Duration.ofMinutes(10))).build());
        assertThat(failure(() -> trusting(pki).build().validate(expired.chain())).reason()).isEqualTo(Reason.EXPIRED);
        Instant whileValid = now.minus(Duration.ofMinutes(30));
        assertThat(trusting(pki).build().validate(expired.chain(), whileValid).validatedAt()).isEqualTo(whileValid);

        Instant afterExpiry = server.certificate().getNotAfter().toInstant().plusSeconds(1);
        assertThat(failure(() -> trusting(pki).build().validate(server.chain(), afterExpiry)).reason()).isEqualTo(Reason.EXPIRED);

        Clock future = Clock.fixed(afterExpiry, ZoneOffset.UTC);
        assertThat(failure(() -> trusting(pki).clock(future).build().validate(server.chain())).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void keyUsageAndExtendedKeyUsage_areEnforcedOnTheEndEntity() {
        IssuedCertificate wrong = pki.serverWithWrongKeyUsage();
        CertificateValidator tlsServer = trusting(pki).requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .requireExtendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH).build();
        CertificateValidationException e = failure(() -> tlsServer.validate(wrong.chain()));
        assertThat(e.reason()).isEqualTo(Reason.KEY_USAGE);
        assertThat(e.getMessage()).contains("DIGITAL_SIGNATURE").contains("NON_REPUDIATION");

        CertificateValidationException clientAsServer = failure(() -> tlsServer.validate(client.chain()));
        assertThat(clientAsServer.reason()).isEqualTo(Reason.KEY_USAGE);
        assertThat(clientAsServer.getMessage()).contains("SERVER_AUTH");

        assertThat(tlsServer.validate(server.chain()).endEntity()).isEqualTo(server.certificate());
        IssuedCertificate noExtensions = pki.issue(CertificateSpec.builder().subject("CN=plain").build());
        assertThat(tlsServer.validate(noExtensions.chain()).endEntity()).isEqualTo(noExtensions.certificate());
        assertThat(trusting(pki).requireExtendedKeyUsageOid("1.3.6.1.5.5.7.3.2").build().validate(client.chain())
                .endEntity()).isEqualTo(client.certificate());
        CertificateValidationException serverOid = failure(() -> trusting(pki).requireExtendedKeyUsageOid("1.3.6.1.5.5.7.3.1")
                .build().validate(client.chain()));
        assertThat(serverOid.reason()).isEqualTo(Reason.KEY_USAGE);
        assertThat(serverOid.getMessage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void nonCaIssuer_isRejected() {
        IssuedCertificate notCa = pki.issue(CertificateSpec.builder().subject("CN=not a CA")
                .keyUsage(CertificateSpec.KeyUsage.KEY_CERT_SIGN, CertificateSpec.KeyUsage.DIGITAL_SIGNATURE).build());
        IssuedCertificate below = notCa.issueUnchecked(CertificateSpec.server("localhost"));
        CertificateValidationException e = failure(() -> trusting(pki).build().validate(below.chain()));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_CA);
        assertThat(e.certificateIndex()).isEqualTo(1);

        // a CA by its basic constraints that may not sign certificates (no keyCertSign)
        IssuedCertificate caWithoutCertSign = pki.issue(CertificateSpec.builder().subject("CN=CA without certSign").ca(true)
                .pathLength(0).keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.CRL_SIGN).build());
        IssuedCertificate belowCa = caWithoutCertSign.issueUnchecked(CertificateSpec.client("x"));
        CertificateValidationException noCertSign = failure(() -> trusting(pki).build().validate(belowCa.chain()));
        assertThat(noCertSign.reason()).isEqualTo(Reason.KEY_USAGE);
        assertThat(noCertSign.certificateIndex()).isEqualTo(1);
        assertThat(noCertSign.getMessage()).contains("keyCertSign");
    }

    @Test
    void revokedViaCrl_isRejected_otherCertificatesPass() {
        IssuedCertificate revoked = pki.client("revoked");
        X509CRL crl = pki.crl(revoked.certificate());
        CertificateValidator v = trusting(pki).crls(crl).build();
        assertThat(v.revocationCheck()).isEqualTo(RevocationCheck.END_ENTITY);

        CertificateValidationException e = failure(() -> v.validate(revoked.chain()));
        assertThat(e.reason()).isEqualTo(Reason.REVOKED);
        assertThat(e.certificateIndex()).isZero();

        ValidatedPath ok = v.validate(client.chain());
        assertThat(ok.revocationChecked()).isEqualTo(RevocationCheck.END_ENTITY);
    }

    @Test
    void revocationWithoutCurrentCrl_isUnknown_unlessSoftFail() {
        Instant now = Instant.now();
        X509CRL stale = pki.intermediate().crl(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3)));
        CertificateValidationException e = failure(() -> trusting(pki).crls(stale).build().validate(client.chain()));
        assertThat(e.reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
        assertThat(e.getMessage()).contains("fresh CRL");

        CertificateValidator noCrl = trusting(pki).revocationCheck(RevocationCheck.END_ENTITY).build();
        assertThat(failure(() -> noCrl.validate(client.chain())).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);

        CertificateValidator soft = trusting(pki).revocationCheck(RevocationCheck.END_ENTITY).revocationSoftFail(true).build();
        ValidatedPath softPath = soft.validate(client.chain());
        assertThat(softPath.endEntity()).isEqualTo(client.certificate());
        assertThat(softPath.revocationChecked()).isEqualTo(RevocationCheck.END_ENTITY);
        IssuedCertificate revoked = pki.client("revoked-soft");
        CertificateValidator softWithCrl = trusting(pki).crls(pki.crl(revoked.certificate())).revocationSoftFail(true).build();
        assertThat(failure(() -> softWithCrl.validate(revoked.chain())).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void crlSignedByAnotherKey_neitherRevokesNorCounts() {
        IssuedCertificate victim = pki.client("victim");
        TestPki lookalike = TestPki.create("ozgkit Test", KeyType.EC_P256);
        X509CRL forged = lookalike.crl(victim.certificate());
        assertThat(forged.getIssuerX500Principal()).isEqualTo(pki.intermediate().certificate().getSubjectX500Principal());
        CertificateValidationException e = failure(() -> trusting(pki).crls(forged).build().validate(victim.chain()));
        assertThat(e.reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void wholePath_checksTheIntermediateAgainstTheRootsCrl() {
        X509CRL rootCrl = pki.root().crl();
        X509CRL intermediateCrl = pki.crl();
        CertificateValidator whole = trusting(pki).crls(rootCrl, intermediateCrl)
                .revocationCheck(RevocationCheck.WHOLE_PATH).build();
        assertThat(whole.validate(client.chain()).revocationChecked()).isEqualTo(RevocationCheck.WHOLE_PATH);

        CertificateValidator missingRootCrl = trusting(pki).crls(intermediateCrl).revocationCheck(RevocationCheck.WHOLE_PATH).build();
        CertificateValidationException unknown = failure(() -> missingRootCrl.validate(client.chain()));
        assertThat(unknown.reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
        assertThat(unknown.certificateIndex()).isEqualTo(1);

        X509CRL intermediateRevoked = pki.root().crl(pki.intermediate().certificate());
        CertificateValidationException revoked = failure(() -> trusting(pki).crls(intermediateRevoked, intermediateCrl)
                .revocationCheck(RevocationCheck.WHOLE_PATH).build().validate(client.chain()));
        assertThat(revoked.reason()).isEqualTo(Reason.REVOKED);
        assertThat(revoked.certificateIndex()).isEqualTo(1);
    }

    @Test
    void tamperedSignature_isBadSignature() throws Exception {
        for (IssuedCertificate c : List.of(server, ecPki.server())) {
            byte[] der = c.certificate().getEncoded();
            der[der.length - 3] ^= 0x01; // inside the signature value
            X509Certificate tampered = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            TestPki owner = c.root().equals(pki.rootCertificate()) ? pki : ecPki;
            CertificateValidationException e = failure(() -> trusting(owner).build()
                    .validate(List.of(tampered, owner.intermediate().certificate())));
            assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(e.certificateIndex()).isZero();
        }
    }

    @Test
    void tamperedContent_isBadSignature() throws Exception {
        byte[] der = server.certificate().getEncoded();
        byte[] serial = server.certificate().getSerialNumber().toByteArray();
        int at = indexOf(der, serial);
        assertThat(at).isPositive();
        der[at + serial.length - 1] ^= 0x01; // another serial number, same signature
        X509Certificate tampered = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        CertificateValidationException e = failure(() -> trusting(pki).build()
                .validate(List.of(tampered, pki.intermediate().certificate())));
        assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void pinnedCertificate_isTrustedDirectly_butStillChecked() {
        IssuedCertificate selfSigned = IssuedCertificate.selfSigned(CertificateSpec.server("localhost"));
        ValidatedPath path = CertificateValidator.builder().trustAnchors(selfSigned.certificate()).build()
                .validate(selfSigned.certificate());
        assertThat(path.trustAnchor()).isEqualTo(selfSigned.certificate());

        IssuedCertificate expiredSelfSigned = IssuedCertificate.selfSigned(CertificateSpec.server("localhost").toBuilder()
                .validity(Instant.now().minus(Duration.ofDays(5)), Instant.now().minus(Duration.ofDays(1))).build());
        assertThat(failure(() -> CertificateValidator.builder().trustAnchors(expiredSelfSigned.certificate()).build()
                .validate(expiredSelfSigned.certificate())).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void messagesDoNotNamePeople() {
        IssuedCertificate person = pki.issue(CertificateSpec.client("Erika Mustermann").toBuilder()
                .validity(Instant.now().minus(Duration.ofDays(9)), Instant.now().minus(Duration.ofDays(8))).build());
        CertificateValidationException e = failure(() -> trusting(pki).build().validate(person.chain()));
        assertThat(e.getMessage()).doesNotContain("Mustermann").contains("serial " + person.certificate().getSerialNumber().toString(16));
    }

    @Test
    void misuse_isRefusedClearly() {
        assertThatThrownBy(() -> CertificateValidator.builder().build())
                .isInstanceOfSatisfying(OzgClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION))
                .hasMessageContaining("trust anchor");
        assertThat(failure(() -> trusting(pki).build().validate(List.of())).reason()).isEqualTo(Reason.PATH);
        assertThatThrownBy(() -> CertificateValidator.builder().requireExtendedKeyUsageOid("serverAuth"))
                .isInstanceOf(OzgClientException.class).hasMessageContaining("serverAuth");
    }

    private static CertificateValidationException failure(Supplier<?> call) {
        CertificateValidationException e = catchThrowableOfType(CertificateValidationException.class, call::get);
        assertThat(e).as("expected a CertificateValidationException").isNotNull();
        return e;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
