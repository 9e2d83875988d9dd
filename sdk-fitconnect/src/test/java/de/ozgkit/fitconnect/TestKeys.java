package de.ozgkit.fitconnect;

import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The RSA 4096 keys the tests share, generated once per test JVM (in parallel: each takes seconds):
 * a test PKI, the destination's encryption and signature certificates issued by it, and the
 * submission service's signature key.
 */
public final class TestKeys {

    public static final TestPki PKI;
    public static final IssuedCertificate ENCRYPTION;
    public static final IssuedCertificate SIGNING;
    public static final KeyPair SERVICE;

    static {
        // background work must run code of another class: a lambda's body belongs to this class, whose
        // initialisation the other thread would wait for
        PKI = TestPki.create("ozgkit FIT-Connect Test", KeyType.RSA_2048);
        CompletableFuture<IssuedCertificate> enc = CompletableFuture.supplyAsync(new Issue(PKI.intermediate(),
                "CN=Test Destination Encryption", CertificateSpec.KeyUsage.KEY_ENCIPHERMENT));
        CompletableFuture<KeyPair> service = CompletableFuture.supplyAsync(new Generate());
        SIGNING = new Issue(PKI.intermediate(), "CN=Test Destination Signature",
                CertificateSpec.KeyUsage.DIGITAL_SIGNATURE).get();
        ENCRYPTION = enc.join();
        SERVICE = service.join();
    }

    private TestKeys() {
    }

    private record Issue(IssuedCertificate ca, String subject, CertificateSpec.KeyUsage usage)
            implements Supplier<IssuedCertificate> {
        @Override
        public IssuedCertificate get() {
            return ca.issue(CertificateSpec.builder().subject(subject).keyType(KeyType.RSA_4096).keyUsage(usage).build());
        }
    }

    private static final class Generate implements Supplier<KeyPair> {
        @Override
        public KeyPair get() {
            return KeyType.RSA_4096.generate();
        }
    }
}
