package de.ozgkit.sandbox.osci;

import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Responses;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The sandbox's OSCI intermediary, listed as {@code osci-intermediary http://127.0.0.1:<port>/osci}:
 * OSCI requests are POSTed to that URI itself; its certificates are served as PEM at
 * {@code {base}/certificates/cipher.pem} and {@code {base}/certificates/signature.pem}.
 *
 * <p>Its keys are generated at start (RSA 2048, self-signed) unless given. Deliveries
 * are kept in a folder, by default a temporary one that is deleted when the sandbox stops; give a
 * folder to keep them across restarts.
 *
 * <pre>{@code
 * OsciIntermediaryService osci = new OsciIntermediaryService(Path.of("mailbox"));
 * try (Sandbox sandbox = Sandbox.builder().service(osci).maxRequestBytes(64 << 20).start()) {
 *     URI intermediary = sandbox.baseUri(OsciIntermediaryService.NAME);
 *     X509Certificate cipher = osci.intermediary().cipherCertificate();
 * }
 * }</pre>
 */
public final class OsciIntermediaryService implements SandboxService {

    /** The service's name, as {@code ozgkit sandbox} prints it. */
    public static final String NAME = "osci-intermediary";
    /** The service's base path segment. */
    public static final String PATH = "osci";

    private final Path folder;
    private final OsciIdentity identity;
    private final CertificateValidator strict;
    private volatile OsciIntermediary intermediary;

    /** An intermediary with generated keys and a temporary mailbox. */
    public OsciIntermediaryService() {
        this(null, null);
    }

    /**
     * An intermediary with generated keys and a mailbox that survives restarts.
     *
     * @param folder the mailbox folder
     */
    public OsciIntermediaryService(Path folder) {
        this(folder, null);
    }

    /**
     * @param folder   the mailbox folder, or {@code null} for a temporary one
     * @param identity the intermediary's keys, or {@code null} to generate them
     */
    public OsciIntermediaryService(Path folder, OsciIdentity identity) {
        this(folder, identity, null);
    }

    /**
     * An intermediary in strict mode: every certificate of a request must validate against the
     * validator's trust anchors at the sandbox clock's time, or the request is refused (code 9700).
     *
     * @param folder   the mailbox folder, or {@code null} for a temporary one
     * @param identity the intermediary's keys, or {@code null} to generate them
     * @param strict   the validator, or {@code null} to accept any well-formed certificate
     */
    public OsciIntermediaryService(Path folder, OsciIdentity identity, CertificateValidator strict) {
        this.folder = folder;
        this.identity = identity;
        this.strict = strict;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public OptionalLong maxRequestBytes() {
        // requests stream into a spool (a temporary file beyond 1 MiB); the intermediary checks its own limit
        return OptionalLong.of(IncomingMessage.Limits.DEFAULT.maxMessageBytes() + (1 << 20));
    }

    @Override
    public void mount(SandboxContext context) {
        Path dir = folder;
        try {
            if (dir == null) {
                Path tmp = Files.createTempDirectory("ozgkit-osci-mailbox-");
                dir = tmp;
                context.onClose(() -> Mailbox.deleteTree(tmp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the OSCI mailbox folder cannot be created", e);
        }
        OsciIdentity keys = identity != null ? identity : generated();
        OsciIntermediary im = new OsciIntermediary(keys, new Mailbox(dir), context.clock(), IncomingMessage.Limits.DEFAULT,
                strict);
        this.intermediary = im;
        context.routes().addMapping(new UriTemplatePathSpec("/"), new MethodHandler().post((request, response, callback) -> {
            try (InputStream in = Content.Source.asInputStream(request);
                 OsciIntermediary.Answer a = im.handle(in, request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
                send(response, callback, a);
            }
            return true;
        }));
        context.routes().addMapping(new UriTemplatePathSpec("/certificates/cipher.pem"), new MethodHandler().get(
                (request, response, callback) -> pem(response, callback, im.cipherCertificate())));
        context.routes().addMapping(new UriTemplatePathSpec("/certificates/signature.pem"), new MethodHandler().get(
                (request, response, callback) -> pem(response, callback, im.signatureCertificate())));
    }

    /** Streams an answer from its spool to the connection. */
    static void send(Response response, Callback callback, OsciIntermediary.Answer a) throws IOException {
        response.setStatus(a.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.length());
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            a.writeTo(out);
        }
        callback.succeeded();
    }

    private static boolean pem(Response response, Callback callback, X509Certificate c) {
        Responses.bytes(response, callback, 200, "application/x-pem-file", pem(c));
        return true;
    }

    /** @return the running intermediary (after the sandbox started) */
    public OsciIntermediary intermediary() {
        return Objects.requireNonNull(intermediary, "the sandbox has not started the OSCI intermediary yet");
    }

    /**
     * @param base the intermediary's base URI
     * @return the URI of its cipher certificate
     */
    public static URI cipherCertificateUri(URI base) {
        return URI.create(base + "/certificates/cipher.pem");
    }

    private static OsciIdentity generated() {
        IssuedCertificate cert = IssuedCertificate.selfSigned(CertificateSpec.builder()
                .subject("CN=ozgkit sandbox OSCI intermediary")
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.NON_REPUDIATION,
                        CertificateSpec.KeyUsage.KEY_ENCIPHERMENT)
                .build());
        return OsciIdentity.of(de.ozgkit.core.security.Identity.of(cert.privateKey(), cert.chain()));
    }

    static byte[] pem(X509Certificate c) {
        return ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(de.ozgkit.messaging.internal.Certs.der(c)) + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
