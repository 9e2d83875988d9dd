package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.FaultInjector;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One mounted service, its {@link SandboxContext}: a Jetty {@link ContextHandler} at {@code /<path>}
 * holding the body size limit and the service's {@link ServiceRoutes}, its published endpoints and
 * resources.
 */
final class ServiceMount implements SandboxContext {

    private final JettySandbox sandbox;
    private final SandboxService service;
    private final String name;
    private final URI baseUri;
    private final ServiceRoutes routes;
    private final ContextHandler jettyContext;
    private final Map<String, URI> published = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    ServiceMount(JettySandbox sandbox, SandboxService service, String name, String path, URI baseUri, long maxRequestBytes) {
        this.sandbox = sandbox;
        this.service = service;
        this.name = name;
        this.baseUri = baseUri;
        this.routes = new ServiceRoutes(name);
        SizeLimitHandler limit = new SizeLimitHandler(maxRequestBytes, -1);
        limit.setHandler(routes);
        this.jettyContext = new ContextHandler(limit, "/" + path);
    }

    SandboxService service() {
        return service;
    }

    ContextHandler jettyContext() {
        return jettyContext;
    }

    boolean hasRoutes() {
        return !routes.getHandlers().isEmpty();
    }

    synchronized Map<String, URI> published() {
        return new LinkedHashMap<>(published);
    }

    synchronized List<AutoCloseable> resources() {
        return new ArrayList<>(resources);
    }

    @Override
    public String serviceName() {
        return name;
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public PathMappingsHandler routes() {
        return routes;
    }

    @Override
    public void errorHandler(Request.Handler errorHandler) {
        jettyContext.setErrorHandler(Objects.requireNonNull(errorHandler, "errorHandler"));
    }

    @Override
    public void publish(String endpointName, URI uri) {
        Objects.requireNonNull(uri, "uri");
        JettySandbox.checkName("endpoint", endpointName);
        synchronized (sandbox) {
            if (!endpointName.equals(name) && sandbox.nameTaken(endpointName)) {
                throw new SandboxException("endpoint name \"" + endpointName
                        + "\" is already taken in this sandbox; publish under another name", null);
            }
            synchronized (this) {
                if (published.containsKey(endpointName)) {
                    throw new SandboxException("endpoint \"" + endpointName + "\" is already published", null);
                }
                published.put(endpointName, uri);
            }
        }
    }

    @Override
    public synchronized void onClose(AutoCloseable resource) {
        resources.add(Objects.requireNonNull(resource, "resource"));
    }

    @Override
    public Optional<SandboxTls> tls() {
        return sandbox.tls();
    }

    @Override
    public Clock clock() {
        return sandbox.clock();
    }

    @Override
    public FaultInjector faults() {
        return sandbox.faults();
    }
}
