package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.http.Reply;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts a plain Jetty 12 {@link Handler} as a service's whole HTTP surface, for simulators that
 * stream request and response bodies (which the {@link de.ozgkit.sandbox.http.Router} cannot, as it
 * reads bodies into memory within the sandbox's size limit). The handler sees the full request path
 * ({@code /<service>/...}); fault rules apply as for routed services.
 */
public final class JettyHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(JettyHandlers.class);

    private JettyHandlers() {
    }

    /**
     * Serves a mounted service with a Jetty handler instead of its router.
     *
     * @param context the service's context, as handed to {@code mount}
     * @param handler the handler
     * @throws IllegalArgumentException when the context is not the sandbox's own
     */
    public static void mount(SandboxContext context, Handler handler) {
        if (!(context instanceof ServiceMount mount)) {
            throw new IllegalArgumentException("not a context of this sandbox");
        }
        mount.jettyHandler(handler);
    }

    static boolean handle(Handler handler, Request request, Response response, Callback callback, Runnable dropAnswer) {
        try {
            if (dropAnswer == null) {
                if (!handler.handle(request, response, callback)) {
                    write(response, callback, Reply.problem(404, "Not Found", "no resource at "
                            + request.getHttpURI().getPath()));
                }
                return true;
            }
            // lost answer: the handler runs and its effects happen, its answer is swallowed, the connection reset
            Response silent = new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback cb) {
                    cb.succeeded();
                }
            };
            handler.handle(request, silent, Callback.from(dropAnswer, x -> dropAnswer.run()));
            return true;
        } catch (Exception e) {
            LOG.warn("sandbox handler failed on {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            write(response, callback, Reply.problem(500, "Internal Server Error", "the sandbox service failed: "
                    + e.getClass().getSimpleName()));
            return true;
        }
    }

    private static void write(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        reply.headers().forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
