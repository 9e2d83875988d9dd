package de.ozgkit.sandbox.http;

import de.ozgkit.sandbox.SandboxException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The handler of one route: picks the {@link Request.Handler} for the request's method and answers
 * {@code 405 Method Not Allowed} with an {@code Allow} header for the others (through
 * {@link Response#writeError}, so in the service's error shape). Jetty's
 * {@link org.eclipse.jetty.server.handler.PathMappingsHandler} maps paths, not methods; this is the
 * missing piece.
 *
 * <pre>{@code
 * context.routes().addMapping(new UriTemplatePathSpec("/items/{id}"), new MethodHandler()
 *         .get(this::show)
 *         .delete(this::remove));
 * }</pre>
 *
 * <p>Handlers run on the server's worker threads and may block (read the body, sleep). Methods
 * may be added while requests are served; thread-safe.
 */
public final class MethodHandler extends Handler.Abstract {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private volatile Map<String, Request.Handler> handlers = Map.of();

    /** Creates a handler without methods; add them with {@link #get}, {@link #post} and so on. */
    public MethodHandler() {
        super(InvocationType.BLOCKING);
    }

    /**
     * Handles {@code GET}.
     *
     * @param handler the handler, e.g. a method reference {@code this::show}
     * @return this handler
     */
    public MethodHandler get(Request.Handler handler) {
        return on("GET", handler);
    }

    /**
     * Handles {@code POST}.
     *
     * @param handler the handler
     * @return this handler
     */
    public MethodHandler post(Request.Handler handler) {
        return on("POST", handler);
    }

    /**
     * Handles {@code PUT}.
     *
     * @param handler the handler
     * @return this handler
     */
    public MethodHandler put(Request.Handler handler) {
        return on("PUT", handler);
    }

    /**
     * Handles {@code DELETE}.
     *
     * @param handler the handler
     * @return this handler
     */
    public MethodHandler delete(Request.Handler handler) {
        return on("DELETE", handler);
    }

    /**
     * Handles a method.
     *
     * @param method  the method in upper case, e.g. {@code PATCH}
     * @param handler the handler
     * @return this handler
     * @throws SandboxException if the method is malformed or already handled
     */
    public synchronized MethodHandler on(String method, Request.Handler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (!METHOD.matcher(method).matches()) {
            throw new SandboxException("method must be upper-case letters such as GET or POST, was \"" + method + "\"", null);
        }
        Map<String, Request.Handler> copy = new TreeMap<>(handlers);
        if (copy.putIfAbsent(method, handler) != null) {
            throw new SandboxException(method + " is already handled on this route; add each method once", null);
        }
        handlers = Map.copyOf(copy);
        return this;
    }

    /** @return the handled methods in alphabetical order, e.g. {@code DELETE, GET} */
    public String allow() {
        return String.join(", ", new TreeMap<>(handlers).keySet());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Request.Handler handler = handlers.get(request.getMethod().toUpperCase(Locale.ROOT));
        if (handler != null) {
            return handler.handle(request, response, callback);
        }
        String allow = allow();
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        Response.writeError(request, response, callback, 405, request.getMethod() + " is not allowed on "
                + request.getHttpURI().getDecodedPath() + "; use " + allow);
        return true;
    }
}
