package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.FaultInjector;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.http.Router;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One mounted service: its router, published endpoints and resources; its {@link SandboxContext}. */
final class ServiceMount implements SandboxContext {

    private final JettySandbox sandbox;
    private final SandboxService service;
    private final String name;
    private final URI baseUri;
    private final Router router = new Router();
    private final Map<String, URI> published = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile org.eclipse.jetty.server.Handler jettyHandler;

    ServiceMount(JettySandbox sandbox, SandboxService service, String name, URI baseUri) {
        this.sandbox = sandbox;
        this.service = service;
        this.name = name;
        this.baseUri = baseUri;
    }

    SandboxService service() {
        return service;
    }

    Router router() {
        return router;
    }

    /** @return the Jetty handler serving this service instead of its router, or {@code null} */
    org.eclipse.jetty.server.Handler jettyHandler() {
        return jettyHandler;
    }

    void jettyHandler(org.eclipse.jetty.server.Handler handler) {
        this.jettyHandler = Objects.requireNonNull(handler, "handler");
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
    public Router routes() {
        return router;
    }

    @Override
    public void publish(String endpointName, URI uri) {
        Objects.requireNonNull(uri, "uri");
        JettySandbox.checkName("endpoint", endpointName);
        synchronized (sandbox) {
            if (!endpointName.equals(name) && sandbox.nameTaken(endpointName)) {
                throw new IllegalArgumentException("endpoint name \"" + endpointName
                        + "\" is already taken in this sandbox; publish under another name");
            }
            synchronized (this) {
                if (published.containsKey(endpointName)) {
                    throw new IllegalArgumentException("endpoint \"" + endpointName + "\" is already published");
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
