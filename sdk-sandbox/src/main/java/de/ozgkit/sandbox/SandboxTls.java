package de.ozgkit.sandbox;

import javax.net.ssl.SSLContext;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The TLS material of a sandbox started with TLS: a throw-away certificate authority generated at
 * start, the server certificate it issued for {@code 127.0.0.1} and {@code localhost}, and client
 * certificates on demand for mutual TLS.
 *
 * <p>Clients trust the sandbox by trusting {@link #caCertificate()}, e.g. through
 * {@link #trustStore()} or {@link #clientSslContext()}. The keys live only in memory and die with
 * the sandbox. Thread-safe.
 */
public interface SandboxTls {

    /** @return the CA certificate that issued the server (and client) certificates */
    X509Certificate caCertificate();

    /** @return the CA certificate in PEM form, for tools such as {@code curl --cacert} */
    String caCertificatePem();

    /** @return a new in-memory PKCS#12 trust store holding only the CA certificate (no password) */
    KeyStore trustStore();

    /** @return the server's certificate */
    X509Certificate serverCertificate();

    /**
     * Returns a new in-memory PKCS#12 key store with the server's key and chain, for simulators
     * that run their own TLS servers (e.g. SMTP with STARTTLS).
     *
     * @param password the password to protect the key entry with
     * @return the key store; the entry's alias is {@code server}
     */
    KeyStore serverKeyStore(char[] password);

    /**
     * Issues a client certificate from the sandbox CA, for mutual TLS against the sandbox.
     *
     * @param commonName the subject's common name, e.g. {@code fachverfahren-1}
     * @param password   the password to protect the key entry with
     * @return a new in-memory PKCS#12 key store; the entry's alias is {@code client}
     */
    KeyStore issueClientKeyStore(String commonName, char[] password);

    /** @return a new TLS context that trusts the sandbox CA and presents no client certificate */
    SSLContext clientSslContext();
}
