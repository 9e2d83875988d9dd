/**
 * ozgkit test kit: generated PKIs (root CA, intermediate CA, end-entity certificates) for tests
 * and for the sandbox's throw-away TLS certificates. Not meant for production key material.
 */
module de.ozgkit.testkit {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;

    exports de.ozgkit.testkit;
}
