package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.FaultInjector;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outermost handler of the sandbox: applies the {@link FaultInjector}'s rules to every request
 * (delay, status answer, connection reset, lost answer), serves {@code /<service>} as
 * {@code /<service>/}, and answers {@code 404} for paths outside every service. Everything else
 * goes on to the services' contexts.
 */
final class FaultHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(FaultHandler.class);

    private final FaultInjector faults;
    private final Supplier<String> serviceNames;

    FaultHandler(FaultInjector faults, Supplier<String> serviceNames, Handler services) {
        super(services);
        this.faults = faults;
        this.serviceNames = serviceNames;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = URIUtil.decodePath(request.getHttpURI().getCanonicalPath());
        String rulePath = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;

        boolean dropAnswer = false;
        for (FaultRule rule : faults.select(request.getMethod(), rulePath)) {
            switch (rule.kind()) {
                case DELAY -> sleep(rule.delay());
                case STATUS -> {
                    rule.retryAfter().ifPresent(delay -> Responses.retryAfter(response, delay));
                    Responses.problem(response, callback, rule.status(), "Injected fault", "the sandbox answered "
                            + rule.status() + " because of fault rule " + rule.method() + " " + rule.pathPattern());
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

        Request routed = request;
        if (path.length() > 1 && path.indexOf('/', 1) < 0) {
            // a service's base without trailing slash: its context would redirect; serve it as the base path
            routed = Request.serveAs(request, HttpURI.build(request.getHttpURI()).path(request.getHttpURI().getPath() + "/").asImmutable());
        }
        if (dropAnswer) {
            Callback resetAfterHandling = Callback.from(() -> reset(request, callback), failure -> reset(request, callback));
            boolean handled;
            try {
                handled = super.handle(routed, new Swallowing(response), resetAfterHandling);
            } catch (Exception e) {
                LOG.warn("sandbox handler failed on {} {} before its answer was dropped", request.getMethod(), path, e);
                handled = false;
            }
            if (!handled) {
                reset(request, callback);
            }
            return true;
        }
        if (!super.handle(routed, response, callback)) {
            Response.writeError(request, response, callback, 404, "no sandbox service at " + path
                    + "; services are under " + serviceNames.get());
        }
        return true;
    }

    /** Aborts the TCP connection with a reset (SO_LINGER 0), so that the client sees no answer at all. */
    private static void reset(Request request, Callback callback) {
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

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response whose body never leaves the server: the handler's answer is lost. */
    private static final class Swallowing extends Response.Wrapper {
        Swallowing(Response response) {
            super(response.getRequest(), response);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            callback.succeeded();
        }
    }
}
