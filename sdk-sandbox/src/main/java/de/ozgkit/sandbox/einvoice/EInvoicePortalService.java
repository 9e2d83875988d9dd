package de.ozgkit.sandbox.einvoice;

import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.InvoiceProfile;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's invoice portal ({@value #NAME}): an {@link EInvoicePortal} on a free SMTP port,
 * published as {@code einvoice-portal smtp://127.0.0.1:<port>}, with
 * {@code GET {base}/einvoice-portal/receipts} (the receipts as JSON) and
 * {@code GET {base}/einvoice-portal/ca.pem} (the CA that issued the SMTP server's certificate).
 *
 * <p>STARTTLS uses the sandbox's server certificate when the sandbox runs with TLS, otherwise a
 * certificate from a throw-away test PKI made at start. SMTP credentials: {@code sandbox} /
 * {@code sandbox}.
 *
 * <p>Like the German invoice portals, it accepts only XRechnung by default
 * ({@code EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG)}): an invoice of another profile, say
 * plain EN 16931 or ZUGFeRD, is rejected with the error {@code OZGKIT-PROFILE-NOT-ACCEPTED} in its report.
 * Give the constructor another validator to accept more, e.g. {@code EInvoiceValidator.create()} for every
 * profile.
 *
 * <pre>{@code
 * EInvoicePortalService portal = new EInvoicePortalService();
 * try (Sandbox sandbox = Sandbox.builder().service(portal).start()) {
 *     // deliver to portal.portal().port() trusting portal.caCertificate() ...
 *     portal.portal().receipts();
 * }
 * }</pre>
 */
public final class EInvoicePortalService implements SandboxService {

    /** The service name, base path segment and the name of the published SMTP endpoint. */
    public static final String NAME = "einvoice-portal";

    /** Protects the sandbox's server key while it is handed over in memory. */
    private static final char[] PASSWORD = "einvoice-portal".toCharArray();

    private final EInvoiceValidator validator;
    private volatile EInvoicePortal portal;
    private volatile X509Certificate ca;

    /** Creates the service with a validator that accepts only XRechnung ({@link #xrechnungOnly()}). */
    public EInvoicePortalService() {
        this(xrechnungOnly());
    }

    /**
     * Creates the service.
     *
     * @param validator the validator the portal checks invoices with; its required profiles decide what the
     *                  portal accepts
     */
    public EInvoicePortalService(EInvoiceValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** @return the validator of a portal that accepts only XRechnung invoices, as the German portals do */
    public static EInvoiceValidator xrechnungOnly() {
        return EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void mount(SandboxContext context) {
        SSLContext serverTls;
        if (context.tls().isPresent()) {
            SandboxTls tls = context.tls().get();
            serverTls = serverContext(tls.serverKeyStore(PASSWORD), PASSWORD);
            ca = tls.caCertificate();
        } else {
            // EC keys: generated in milliseconds, so every sandbox start stays quick
            TestPki pki = TestPki.create("ozgkit sandbox invoice portal", KeyType.EC_P256);
            IssuedCertificate server = pki.server("127.0.0.1", "localhost");
            serverTls = server.sslContext();
            ca = pki.rootCertificate();
        }
        EInvoicePortal p = EInvoicePortal.builder().validator(validator).tls(serverTls).clock(context.clock()).start();
        context.onClose(p);
        portal = p;
        context.publish(NAME, p.smtpUri());
        context.routes().addMapping(new UriTemplatePathSpec("/receipts"), new MethodHandler().get((request, response, callback) -> {
            Responses.json(response, callback, 200, p.receiptsAsJson());
            return true;
        }));
        byte[] caPem = pem(ca).getBytes(StandardCharsets.US_ASCII);
        context.routes().addMapping(new UriTemplatePathSpec("/ca.pem"), new MethodHandler().get((request, response, callback) -> {
            Responses.bytes(response, callback, 200, "application/x-pem-file", caPem);
            return true;
        }));
    }

    private static SSLContext serverContext(KeyStore keyStore, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SandboxException("cannot use the sandbox's server key for the invoice portal's SMTP server: "
                    + e.getMessage(), e);
        }
    }

    private static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new SandboxException("cannot encode the invoice portal's CA certificate as PEM: " + e.getMessage(), e);
        }
    }

    /**
     * @return the running portal
     * @throws SandboxException before the sandbox has mounted the service
     */
    public EInvoicePortal portal() {
        EInvoicePortal p = portal;
        if (p == null) {
            throw new SandboxException("the invoice portal runs only while a sandbox has mounted it; start a sandbox"
                    + " with this service (Sandbox.builder().service(...).start()) first", null);
        }
        return p;
    }

    /**
     * @return the CA certificate that issued the SMTP server's certificate; trust it in the sender
     * @throws SandboxException before the sandbox has mounted the service
     */
    public X509Certificate caCertificate() {
        portal();
        return ca;
    }
}
