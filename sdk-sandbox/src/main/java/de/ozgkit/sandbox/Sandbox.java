package de.ozgkit.sandbox;

import de.ozgkit.sandbox.internal.JettySandbox;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A running sandbox: an embedded HTTP(S) server on {@code 127.0.0.1} with the simulators of the
 * OZG base services mounted under {@code /<service-name>}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().withBuiltInServices().start()) {
 *     URI health = sandbox.baseUri("health");          // http://127.0.0.1:<port>/health
 *     sandbox.faults().add(FaultRule.on("GET", "/health").times(1).status(503));
 *     ...
 * }
 * }</pre>
 *
 * <p>The server listens on loopback only, on a free port chosen by the operating system unless a
 * port is set. {@link #close()} stops the server, closes every service's resources and frees the
 * port. Thread-safe.
 */
public interface Sandbox extends AutoCloseable {

    /** @return a builder for a sandbox without services, on a random free port, without TLS */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a sandbox with all {@linkplain BuiltInServices built-in services} on a random free
     * port, without TLS.
     *
     * @return the running sandbox
     * @throws SandboxException if it cannot start
     */
    static Sandbox start() {
        return builder().withBuiltInServices().start();
    }

    /**
     * Returns the base URI of a service or a published endpoint.
     *
     * @param name the service or endpoint name, e.g. {@code payment}
     * @return its URI, e.g. {@code http://127.0.0.1:41234/payment}
     * @throws SandboxException if there is no such service; the message lists the names there are
     */
    URI baseUri(String name);

    /**
     * @return every HTTP service base URI and published endpoint by name, in the order the services
     *         were added (unmodifiable)
     */
    Map<String, URI> services();

    /** @return the server's root URI, e.g. {@code http://127.0.0.1:41234} */
    URI rootUri();

    /** @return the port the server listens on */
    int port();

    /** @return the fault rules applied to every request */
    FaultInjector faults();

    /** @return the TLS material when started with TLS, else empty */
    Optional<SandboxTls> tls();

    /** Stops the server and the services' resources and frees the port. Idempotent. */
    @Override
    void close();

    /** Configures and starts a {@link Sandbox}. Not thread-safe. */
    final class Builder {
        private int port;
        private boolean tls;
        private ClientAuth clientAuth;
        private long maxRequestBytes = 1024 * 1024;
        private Clock clock = Clock.systemUTC();
        private final List<SandboxService> services = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the port; 0 (the default) lets the operating system choose a free one.
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new SandboxException("port must be 0..65535 (0 for a free one), was " + port, null);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves HTTPS with a certificate from a CA generated at start (see {@link Sandbox#tls()}).
         *
         * @param enabled whether to use TLS
         * @return this builder
         */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /**
         * Sets whether a TLS sandbox asks for client certificates. By default it asks
         * ({@link ClientAuth#WANT}) when a service {@linkplain SandboxService#wantsClientCertificates()
         * wants them}, else not.
         *
         * @param clientAuth the mode
         * @return this builder
         */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /**
         * Sets the largest request body the server accepts; larger ones get 413.
         *
         * @param maxBytes at least 1; default 1 MiB
         * @return this builder
         */
        public Builder maxRequestBytes(long maxBytes) {
            if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
                throw new SandboxException("maxRequestBytes must be 1.." + (Integer.MAX_VALUE - 8) + ", was " + maxBytes, null);
            }
            this.maxRequestBytes = maxBytes;
            return this;
        }

        /**
         * Sets the clock the simulators use (for tests of timeouts).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a service.
         *
         * @param service the service; its name must be unique in this sandbox
         * @return this builder
         */
        public Builder service(SandboxService service) {
            services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /**
         * Adds services.
         *
         * @param more the services
         * @return this builder
         */
        public Builder services(Collection<? extends SandboxService> more) {
            more.forEach(this::service);
            return this;
        }

        /**
         * Adds all {@linkplain BuiltInServices built-in services}.
         *
         * @return this builder
         */
        public Builder withBuiltInServices() {
            return services(BuiltInServices.create());
        }

        /**
         * Starts the server and mounts the services.
         *
         * @return the running sandbox
         * @throws SandboxException if the port is taken, a service name is malformed or taken twice,
         *                          or a service fails to mount
         */
        public Sandbox start() {
            boolean anyWantsCerts = services.stream().anyMatch(SandboxService::wantsClientCertificates);
            ClientAuth auth = clientAuth != null ? clientAuth : anyWantsCerts ? ClientAuth.WANT : ClientAuth.NONE;
            return JettySandbox.start(new JettySandbox.Settings(port, tls, auth, maxRequestBytes, clock, List.copyOf(services)));
        }
    }
}
