/**
 * ozgkit test kit: generated PKIs (root CA, intermediate CA, end-entity certificates) for tests
 * and for the sandbox's throw-away TLS certificates. Not meant for production key material. The
 * SMTP test server is in {@code sdk-testkit-mail} (automatic module {@code de.ozgkit.testkit.mail}),
 * which keeps GreenMail, a jar without a module name, out of this descriptor.
 */
module de.ozgkit.testkit {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.junit.jupiter.api;

    exports de.ozgkit.testkit;
}
