package de.ozgkit.sandbox;

/**
 * A simulator that plugs into the {@link Sandbox}: the payment provider, the invoice portal, the
 * messaging intermediary and so on.
 *
 * <p>The sandbox calls {@link #mount(SandboxContext)} once, after the server is listening, so
 * that the service knows its absolute base URI. The service adds its HTTP routes to
 * {@link SandboxContext#routes()} (served under {@code /<name>}), publishes non-HTTP endpoints with
 * {@link SandboxContext#publish(String, java.net.URI)} and registers what must be stopped with
 * {@link SandboxContext#onClose(AutoCloseable)}.
 *
 * <pre>{@code
 * public final class EchoService implements SandboxService {
 *     public String name() { return "echo"; }
 *     public void mount(SandboxContext context) {
 *         context.routes().post("/", request -> Reply.bytes(200, "application/octet-stream", request.body()));
 *     }
 * }
 * }</pre>
 *
 * <p>One instance serves one sandbox; its handlers must be thread-safe.
 */
public interface SandboxService {

    /**
     * The service's name: its key in {@link Sandbox#services()} and the first segment of its base
     * path.
     *
     * @return lower-case letters, digits and '-', starting with a letter, e.g. {@code payment}
     */
    String name();

    /**
     * Mounts the service.
     *
     * @param context what the service may use and register
     * @throws RuntimeException if the service cannot start; the sandbox then fails to start and
     *                          stops everything already started
     */
    void mount(SandboxContext context);

    /**
     * Whether the service checks TLS client certificates (mutual TLS). When any service of a TLS
     * sandbox says so, the server asks clients for a certificate and trusts the sandbox CA's
     * client certificates (see {@link Sandbox.Builder#clientAuth(ClientAuth)}).
     *
     * @return {@code false} unless overridden
     */
    default boolean wantsClientCertificates() {
        return false;
    }
}
