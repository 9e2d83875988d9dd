package de.ozgkit.sandbox;

/**
 * A simulator that plugs into the {@link Sandbox}: the payment provider, the invoice portal, the
 * messaging intermediary and so on. One class: it names itself, declares its routes and owns its
 * state.
 *
 * <p>The sandbox calls {@link #mount(SandboxContext)} once, after the port is bound, so that the
 * service knows its absolute base URI. The service maps its paths on
 * {@link SandboxContext#routes()}, Jetty 12's own {@code PathMappingsHandler}, served under
 * {@code /<name>}: URI templates ({@code UriTemplatePathSpec}) to plain Jetty handlers, usually a
 * {@link de.ozgkit.sandbox.http.MethodHandler} with a handler per method. It publishes non-HTTP
 * endpoints with {@link SandboxContext#publish(String, java.net.URI)} and registers what must be
 * stopped with {@link SandboxContext#onClose(AutoCloseable)}.
 *
 * <pre>{@code
 * public final class EchoService implements SandboxService {
 *     public String name() { return "echo"; }
 *     public void mount(SandboxContext context) {
 *         context.routes().addMapping(new UriTemplatePathSpec("/echo/{word}"), new MethodHandler()
 *                 .get((request, response, callback) -> {
 *                     Responses.json(response, callback, 200, Map.of("word", Requests.pathParam(request, "word")));
 *                     return true;
 *                 }));
 *     }
 * }
 * }</pre>
 *
 * <p>One instance serves one sandbox; its handlers run concurrently on the server's worker
 * threads (they may block) and must be thread-safe.
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

    /**
     * The largest request body this service accepts, when it differs from the sandbox's
     * {@link Sandbox.Builder#maxRequestBytes(long)} (a service that streams large uploads to disk
     * sets its own).
     *
     * @return the limit in bytes, empty for the sandbox's
     */
    default java.util.OptionalLong maxRequestBytes() {
        return java.util.OptionalLong.empty();
    }
}
