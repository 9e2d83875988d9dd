package de.ozgkit.sandbox;

import de.ozgkit.sandbox.http.Router;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What a {@link SandboxService} gets from the sandbox while it is mounted: its base URI, a router
 * for its HTTP routes, a way to publish non-HTTP endpoints, the TLS material and shutdown hooks.
 *
 * <p>Methods may be called during {@link SandboxService#mount(SandboxContext)}; {@link #routes()},
 * {@link #baseUri()}, {@link #tls()}, {@link #clock()} and {@link #faults()} also afterwards, from
 * any thread.
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
     * The router for the service's HTTP routes; templates are relative to {@link #baseUri()}.
     * A service that adds no route is listed in {@link Sandbox#services()} only with the
     * endpoints it {@linkplain #publish(String, URI) publishes}.
     *
     * @return the service's router
     */
    Router routes();

    /**
     * Publishes a non-HTTP endpoint, e.g. {@code einvoice-portal -> smtp://127.0.0.1:2525}. It
     * appears in {@link Sandbox#services()} and in the output of {@code ozgkit sandbox}.
     *
     * @param name the endpoint's name: lower-case letters, digits and '-'; may be the service's
     *             own name if the service has no HTTP routes
     * @param uri  the endpoint
     * @throws IllegalArgumentException if the name is malformed or already taken
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
