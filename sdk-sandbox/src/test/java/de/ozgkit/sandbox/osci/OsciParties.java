package de.ozgkit.sandbox.osci;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.time.Duration;

/** Generated parties and clients for the OSCI tests against the sandbox. */
public final class OsciParties {

    private static final TestPki PKI = TestPki.create("OSCI test CA", KeyType.RSA_2048);

    private OsciParties() {
    }

    /** @return a validator that trusts exactly the parties made here */
    public static de.ozgkit.core.security.CertificateValidator validator() {
        return de.ozgkit.core.security.CertificateValidator.builder().trustAnchors(PKI.rootCertificate())
                .intermediates(PKI.intermediate().certificate()).build();
    }

    /**
     * @param cn        a common name
     * @param notBefore start of validity
     * @param notAfter  end of validity
     * @return a party whose certificate is valid only in that period
     */
    public static IssuedCertificate party(String cn, java.time.Instant notBefore, java.time.Instant notAfter) {
        return PKI.issue(CertificateSpec.builder().subject("CN=" + cn).validity(notBefore, notAfter)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
    }

    /**
     * @param cn a common name
     * @return a party whose one RSA-2048 key signs and decrypts
     */
    public static IssuedCertificate party(String cn) {
        return PKI.issue(CertificateSpec.builder().subject("CN=" + cn)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.NON_REPUDIATION,
                        CertificateSpec.KeyUsage.KEY_ENCIPHERMENT, CertificateSpec.KeyUsage.DATA_ENCIPHERMENT)
                .build());
    }

    /**
     * @param c a party
     * @return its OSCI identity
     */
    public static OsciIdentity identity(IssuedCertificate c) {
        return OsciIdentity.of(Identity.of(c.privateKey(), c.chain()));
    }

    /**
     * @param sandbox a running sandbox with the OSCI intermediary
     * @param service the intermediary service
     * @param who     the client's party
     * @return an ozgkit client of the sandbox intermediary
     */
    public static OsciClient client(Sandbox sandbox, OsciIntermediaryService service, IssuedCertificate who) {
        return builder(sandbox, service, who).build();
    }

    /**
     * @param sandbox a running sandbox with the OSCI intermediary
     * @param service the intermediary service
     * @param who     the client's party
     * @return a builder of an ozgkit client of the sandbox intermediary, to add settings
     */
    public static OsciClient.Builder builder(Sandbox sandbox, OsciIntermediaryService service, IssuedCertificate who) {
        return OsciClient.builder()
                .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME))
                        .readTimeout(Duration.ofSeconds(30)).build())
                .originator(identity(who))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate());
    }
}
