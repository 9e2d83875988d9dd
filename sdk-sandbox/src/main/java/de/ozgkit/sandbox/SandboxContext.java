package de.ozgkit.sandbox;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What a {@link SandboxService} gets from the sandbox while it is mounted: its base URI, Jetty's
 * {@link PathMappingsHandler} for its HTTP routes, its error handler, a way to publish non-HTTP
 * endpoints, the TLS material and shutdown hooks.
 *
 * <p>Methods may be called during {@link SandboxService#mount(SandboxContext)}; {@link #baseUri()},
 * {@link #tls()}, {@link #clock()} and {@link #faults()} also afterwards, from any thread.
 */
public interface SandboxContext {

    /** @return the service's name */
    String serviceName();

    /**
     * @return the absolute base URI of the service's HTTP routes, without trailing slash, e.g.
     *         {@code http://127.0.0.1:41234/payment}
     */
    URI baseUri();

    /**
     * The service's routes: Jetty's {@link PathMappingsHandler}, served in a Jetty context at
     * {@code /<name>}. Add a mapping per path, with a path spec relative to {@link #baseUri()}
     * (usually a {@link org.eclipse.jetty.http.pathmap.UriTemplatePathSpec} such as
     * {@code /paymenttransaction/{originatorId}/{endPointId}}) and a Jetty handler (usually a
     * {@link de.ozgkit.sandbox.http.MethodHandler}). Exact paths win over templates. A path no
     * mapping matches is answered {@code 404} by the service's {@linkplain #errorHandler error handler};
     * bodies over the sandbox's limit get {@code 413} there too.
     *
     * <p>A service that adds no mapping is listed in {@link Sandbox#services()} only with the
     * endpoints it {@linkplain #publish(String, URI) publishes}.
     *
     * @return the service's path mappings
     */
    PathMappingsHandler routes();

    /**
     * Replaces the Jetty error handler that writes the service's error answers: 404 for paths
     * under the base that no route matches, 405 from {@link de.ozgkit.sandbox.http.MethodHandler},
     * 413 for bodies over the limit, 400 and 415 thrown by {@link de.ozgkit.sandbox.http.Requests},
     * 500 for handler failures. The default is a {@link de.ozgkit.sandbox.http.ProblemErrorHandler}
     * (problem+json of type {@code about:blank}); subclass it to change the shape.
     *
     * @param errorHandler the handler, e.g. a {@link de.ozgkit.sandbox.http.ProblemErrorHandler} subclass
     */
    void errorHandler(Request.Handler errorHandler);

    /**
     * Publishes a non-HTTP endpoint, e.g. {@code einvoice-portal -> smtp://127.0.0.1:2525}. It
     * appears in {@link Sandbox#services()} and in the output of {@code ozgkit sandbox}.
     *
     * @param name the endpoint's name: lower-case letters, digits and '-'; may be the service's
     *             own name if the service has no HTTP routes
     * @param uri  the endpoint
     * @throws SandboxException if the name is malformed or already taken
     */
    void publish(String name, URI uri);

    /**
     * Registers a resource (e.g. an SMTP server) to close when the sandbox stops. Resources close
     * in reverse order of registration; failures are logged and do not stop the others.
     *
     * @param resource the resource
     */
    void onClose(AutoCloseable resource);

    /** @return the sandbox's TLS material when the sandbox runs with TLS, else empty */
    Optional<SandboxTls> tls();

    /** @return the clock simulators use for timestamps and timeouts (the system clock unless set) */
    Clock clock();

    /** @return the sandbox's fault rules, for simulators that run their own (non-HTTP) servers */
    FaultInjector faults();
}
