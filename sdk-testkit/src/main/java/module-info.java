/**
 * ozgkit test kit: generated PKIs (root CA, intermediate CA, end-entity certificates) for tests
 * and for the sandbox's throw-away TLS certificates. Not meant for production key material.
 */
module de.ozgkit.testkit {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;

    // GreenMail's jar has no module name of its own; "greenmail" is derived from its file name
    requires greenmail;
    requires transitive jakarta.mail;
    requires org.junit.jupiter.api;

    exports de.ozgkit.testkit;
    exports de.ozgkit.testkit.mail;
}
