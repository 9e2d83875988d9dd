package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.http.ProblemException;
import de.ozgkit.sandbox.http.Reply;
import de.ozgkit.sandbox.http.RouteRequest;
import de.ozgkit.sandbox.http.Router;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serves every request of the sandbox: applies fault rules, finds the service by the first path
 * segment and its route, reads the body within the size limit, calls the handler and writes the
 * reply. Problems are answered as {@code application/problem+json}.
 */
final class SandboxHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

    private final JettySandbox sandbox;
    private final long maxRequestBytes;

    SandboxHandler(JettySandbox sandbox, long maxRequestBytes) {
        super(InvocationType.BLOCKING);
        this.sandbox = sandbox;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        List<String> segments;
        try {
            segments = PathCodec.decodedSegments(request.getHttpURI().getPath());
        } catch (IllegalArgumentException e) {
            write(response, callback, Reply.problem(400, "Bad Request", "request path is not valid: " + e.getMessage()));
            return true;
        }
        String fullPath = PathCodec.join(segments);

        List<FaultRule> faults = sandbox.faults().select(method, fullPath);
        boolean dropAnswer = false;
        for (FaultRule rule : faults) {
            switch (rule.kind()) {
                case DELAY -> sleep(rule.delay());
                case STATUS -> {
                    Reply reply = Reply.problem(rule.status(), "Injected fault",
                            "the sandbox answered " + rule.status() + " because of fault rule " + rule.method() + " "
                                    + rule.pathPattern());
                    write(response, callback, rule.retryAfter().map(reply::withRetryAfter).orElse(reply));
                    return true;
                }
                case RESET -> {
                    reset(request, callback);
                    return true;
                }
                case DROP_ANSWER -> dropAnswer = true;
                default -> throw new IllegalStateException("unknown fault kind " + rule.kind());
            }
        }

        ServiceMount raw = segments.isEmpty() ? null : sandbox.mount(segments.get(0));
        if (raw != null && raw.jettyHandler() != null) {
            return JettyHandlers.handle(raw.jettyHandler(), request, response, callback, dropAnswer
                    ? () -> reset(request, callback) : null);
        }
        Reply reply = dispatch(request, method, segments);
        if (dropAnswer) {
            reset(request, callback);
        } else {
            write(response, callback, reply);
        }
        return true;
    }

    private Reply dispatch(Request request, String method, List<String> segments) {
        ServiceMount mount = segments.isEmpty() ? null : sandbox.mount(segments.get(0));
        if (mount == null) {
            return Reply.problem(404, "Not Found", "no sandbox service at " + PathCodec.join(segments)
                    + "; services are under " + String.join(", ", sandbox.services().keySet()));
        }
        String path = PathCodec.join(segments.subList(1, segments.size()));
        Router router = mount.router();
        Optional<Router.Match> match = router.find(method, path);
        if (match.isEmpty()) {
            Set<String> allowed = router.allowedMethods(path);
            if (allowed.isEmpty()) {
                return Reply.problem(404, "Not Found", "service " + mount.serviceName() + " has no resource at " + path);
            }
            return Reply.problem(405, "Method Not Allowed", method + " is not allowed on "
                            + PathCodec.join(segments) + "; use " + String.join(", ", allowed))
                    .withHeader("Allow", String.join(", ", allowed));
        }
        try {
            byte[] body = readBody(request);
            RouteRequest routeRequest = newRouteRequest(request, method, path, match.get(), body, mount.baseUri());
            Reply reply = match.get().handler().handle(routeRequest);
            if (reply == null) {
                throw new IllegalStateException("handler of " + method + " " + match.get().template() + " returned null");
            }
            return reply;
        } catch (ProblemException e) {
            return e.toReply();
        } catch (RuntimeException e) {
            LOG.warn("sandbox service {} failed on {} {}", mount.serviceName(), method, match.get().template(), e);
            return Reply.problem(500, "Internal Server Error", "the sandbox service " + mount.serviceName()
                    + " failed: " + e.getClass().getSimpleName());
        }
    }

    private RouteRequest newRouteRequest(Request request, String method, String path, Router.Match match, byte[] body,
                                         URI serviceBaseUri) {
        Map<String, List<String>> query;
        try {
            query = JettyRouteRequest.parseUrlEncoded(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "query string is not valid URL encoding: " + e.getMessage());
        }
        HttpFields headers = request.getHeaders().asImmutable();
        List<X509Certificate> certificates = List.of();
        EndPoint.SslSessionData ssl = request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData();
        if (ssl != null && ssl.peerCertificates() != null) {
            certificates = List.of(ssl.peerCertificates());
        }
        return new JettyRouteRequest(method, path, match.template(), match.pathParams(), query,
                name -> headers.getValuesList(name), body, certificates,
                request.isSecure(), serviceBaseUri, request.getHttpURI().toURI());
    }

    private byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > maxRequestBytes) {
            throw tooLarge();
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes((int) maxRequestBytes + 1);
            if (body.length > maxRequestBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "request body could not be read: " + e.getClass().getSimpleName());
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "Content Too Large",
                "request body exceeds the sandbox limit of " + maxRequestBytes + " bytes; send a smaller body");
    }

    private static void write(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, List<String>> e : reply.headers().entrySet()) {
            for (String value : e.getValue()) {
                headers.add(new HttpField(e.getKey(), value));
            }
        }
        byte[] body = reply.body();
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Aborts the TCP connection with a reset (SO_LINGER 0), so that the client sees no answer at all. */
    static void reset(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        // below TLS, the socket's own end point
        while (endPoint instanceof EndPoint.Wrapper wrapper && wrapper.unwrap() != null) {
            endPoint = wrapper.unwrap();
        }
        if (endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("could not set SO_LINGER for a reset: {}", e.toString());
            }
        }
        EofException cause = new EofException("connection reset by a sandbox fault rule");
        endPoint.close(cause);
        callback.failed(cause);
    }

    /**
     * Answers what Jetty rejects before the handler runs (malformed request line, bad URI encoding,
     * oversized headers) in the same problem+json shape as everything else.
     */
    static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            int status = code >= 400 && code <= 599 ? code : 500;
            String reason = HttpStatus.getMessage(status);
            String detail = status < 500 && message != null && !message.isBlank()
                    ? message.replace('\r', ' ').replace('\n', ' ')
                    : "the sandbox could not process the request (" + status + " " + reason + ")";
            SandboxHandler.write(response, callback, Reply.problem(status, reason, detail));
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
