/**
 * Test support: a generated PKI ({@link de.ozgkit.testkit.TestPki}) with root CA, intermediate CA
 * and end-entity certificates described by {@link de.ozgkit.testkit.CertificateSpec}, handed out as
 * {@link de.ozgkit.testkit.IssuedCertificate} in the forms code consumes (PKCS#12, PEM, key stores,
 * {@code SSLContext}s).
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * IssuedCertificate server = pki.server();            // SAN localhost, 127.0.0.1
 * IssuedCertificate expired = pki.expiredServer();
 * IssuedCertificate client = pki.client("client-1");
 * X509CRL crl = pki.crl(client.certificate());        // revokes the client certificate
 * }</pre>
 *
 * <p>Not for production key material: keys live in memory and passwords are whatever the test says.
 */
package de.ozgkit.testkit;
