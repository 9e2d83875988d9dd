package de.ozgkit.sandbox.postfach;

import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.account.Answer;
import de.ozgkit.sandbox.http.Reply;
import de.ozgkit.sandbox.http.RouteRequest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The citizen mailbox (Postfach). Endpoints relative to its base URI ({@code /postfach}):
 * <ul>
 *   <li>{@code POST /messages}: the signed envelope {@code {content, sha512sum, authorToken,
 *       authorCertificate}}; 201 {@code {messageId, status, ...}};</li>
 *   <li>{@code PUT /messages/{id}/attachments/{filename}}: an attachment's bytes, checked against the
 *       SHA-512 and length of the signed message;</li>
 *   <li>{@code GET /messages/{id}} and {@code PUT /messages/{id}/status}: status and its moves;</li>
 *   <li>{@code GET /inbox/{mailboxUuid}} and {@code GET /inbox/{mailboxUuid}/{id}}: the citizen's view (HTML).</li>
 * </ul>
 * The API needs mutual TLS (a client certificate from the sandbox CA); author certificates must be
 * issued by the sandbox CA or a CA given to {@link #trusting(X509Certificate...)}.
 */
public final class PostfachSimulator implements SandboxService {

    /** The service name. */
    public static final String NAME = "postfach";

    private final List<X509Certificate> extraAnchors;
    private volatile PostfachEngine engine;

    private PostfachSimulator(List<X509Certificate> extraAnchors) {
        this.extraAnchors = List.copyOf(extraAnchors);
    }

    /** @return a mailbox trusting the sandbox CA */
    public static PostfachSimulator create() {
        return new PostfachSimulator(List.of());
    }

    /**
     * @param anchors more CAs whose author certificates are accepted
     * @return a mailbox trusting the sandbox CA and these
     */
    public static PostfachSimulator trusting(X509Certificate... anchors) {
        return new PostfachSimulator(List.of(anchors));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wantsClientCertificates() {
        return true;
    }

    @Override
    public void mount(SandboxContext context) {
        List<X509Certificate> anchors = new ArrayList<>(extraAnchors);
        context.tls().map(SandboxTls::caCertificate).ifPresent(anchors::add);
        PostfachEngine e = new PostfachEngine(Json.mapper(), context.clock(), anchors, 16L * 1024 * 1024);
        this.engine = e;
        context.routes()
                .post("/messages", r -> reply(e.submit(r.contentType().orElse(null), r.body(), client(r))))
                .put("/messages/{id}/attachments/{filename}", r -> reply(e.putAttachment(r.pathParam("id"),
                        r.pathParam("filename"), r.body(), r.header("Authorization").orElse(null), client(r))))
                .get("/messages/{id}", r -> reply(e.get(r.pathParam("id"), r.header("Authorization").orElse(null), client(r))))
                .put("/messages/{id}/status", r -> reply(e.updateStatus(r.pathParam("id"), r.body(),
                        r.header("Authorization").orElse(null), client(r))))
                .get("/inbox/{mailbox}", r -> reply(e.inbox(r.pathParam("mailbox"))))
                .get("/inbox/{mailbox}/{id}", r -> reply(e.open(r.pathParam("mailbox"), r.pathParam("id"))));
    }

    /**
     * @return the engine, for tests that look into the mailbox
     * @throws IllegalStateException before the sandbox mounted the service
     */
    public PostfachEngine engine() {
        PostfachEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the mailbox is not mounted yet; start the sandbox first");
        }
        return e;
    }

    private static boolean client(RouteRequest r) {
        return !r.clientCertificates().isEmpty();
    }

    private static Reply reply(Answer a) {
        Reply r = Reply.bytes(a.status(), a.contentType(), a.body());
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }
}
