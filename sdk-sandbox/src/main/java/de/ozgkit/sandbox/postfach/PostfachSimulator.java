package de.ozgkit.sandbox.postfach;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.account.Answer;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The citizen mailbox (Postfach). Endpoints relative to its base URI ({@code /postfach}):
 * <ul>
 *   <li>{@code POST /messages}: the signed envelope {@code {content, sha512sum, authorToken,
 *       authorCertificate}}; 201 {@code {messageId, status, ...}};</li>
 *   <li>{@code PUT /messages/{id}/attachments/{index}}: an attachment's bytes (its position in the
 *       signed message, from 0), checked against the
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
        PathMappingsHandler routes = context.routes();
        routes.addMapping(new UriTemplatePathSpec("/messages"), new MethodHandler().post((request, response, callback) ->
                write(response, callback, e.submit(request.getHeaders().get(HttpHeader.CONTENT_TYPE), Requests.body(request),
                        client(request)))));
        routes.addMapping(new UriTemplatePathSpec("/messages/{id}/attachments/{index}"), new MethodHandler()
                .put((request, response, callback) -> write(response, callback, e.putAttachment(
                        Requests.pathParam(request, "id"), Requests.pathParam(request, "index"), Requests.body(request),
                        authorization(request), client(request)))));
        routes.addMapping(new UriTemplatePathSpec("/messages/{id}"), new MethodHandler().get((request, response, callback) ->
                write(response, callback, e.get(Requests.pathParam(request, "id"), authorization(request), client(request)))));
        routes.addMapping(new UriTemplatePathSpec("/messages/{id}/status"), new MethodHandler()
                .put((request, response, callback) -> write(response, callback, e.updateStatus(
                        Requests.pathParam(request, "id"), Requests.body(request), authorization(request), client(request)))));
        routes.addMapping(new UriTemplatePathSpec("/inbox/{mailbox}"), new MethodHandler().get((request, response, callback) ->
                write(response, callback, e.inbox(Requests.pathParam(request, "mailbox")))));
        routes.addMapping(new UriTemplatePathSpec("/inbox/{mailbox}/{id}"), new MethodHandler()
                .get((request, response, callback) -> write(response, callback, e.open(Requests.pathParam(request, "mailbox"),
                        Requests.pathParam(request, "id")))));
    }

    /**
     * @return the engine, for tests that look into the mailbox
     * @throws SandboxException before the sandbox mounted the service
     */
    public PostfachEngine engine() {
        PostfachEngine e = engine;
        if (e == null) {
            throw new SandboxException("the mailbox is not mounted yet; start the sandbox first", null);
        }
        return e;
    }

    private static boolean client(Request request) {
        return !Requests.clientCertificates(request).isEmpty();
    }

    private static String authorization(Request request) {
        return request.getHeaders().get(HttpHeader.AUTHORIZATION);
    }

    private static boolean write(Response response, Callback callback, Answer a) {
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        Responses.bytes(response, callback, a.status(), a.contentType(), a.body());
        return true;
    }
}
