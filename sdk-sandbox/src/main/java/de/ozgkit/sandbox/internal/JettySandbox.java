package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.ClientAuth;
import de.ozgkit.sandbox.FaultInjector;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.http.ProblemErrorHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/** The {@link Sandbox} on an embedded Jetty 12 server bound to {@code 127.0.0.1}. */
public final class JettySandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(JettySandbox.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final String HOST = "127.0.0.1";

    /**
     * What {@link Sandbox.Builder} collected.
     *
     * @param port            the port, 0 for a free one
     * @param tls             whether to serve HTTPS
     * @param clientAuth      client certificate mode for TLS
     * @param maxRequestBytes the body size limit
     * @param clock           the simulators' clock
     * @param services        the services in order
     */
    public record Settings(int port, boolean tls, ClientAuth clientAuth, long maxRequestBytes, Clock clock,
                           List<SandboxService> services) {
    }

    private final Settings settings;
    private final FaultInjector faults = new FaultInjector();
    private final Map<String, ServiceMount> mounts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TlsMaterial tls;
    private Server server;
    private ServerConnector connector;
    private int port;
    private URI rootUri;

    private JettySandbox(Settings settings, TlsMaterial tls) {
        this.settings = settings;
        this.tls = tls;
    }

    /**
     * Starts a sandbox.
     *
     * @param settings what to start
     * @return the running sandbox
     * @throws SandboxException if it cannot start
     */
    public static Sandbox start(Settings settings) {
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (SandboxService s : settings.services()) {
            String name = s.name();
            checkName("service", name);
            checkName("service path", s.path());
            if (!names.add(name)) {
                throw new SandboxException("two services are named \"" + name + "\"; each service may be added once", null);
            }
            if (!paths.add(s.path())) {
                throw new SandboxException("two services are served at /" + s.path() + "; each path may be used once", null);
            }
        }
        TlsMaterial tls = settings.tls() ? TlsMaterial.generate() : null;
        JettySandbox sandbox = new JettySandbox(settings, tls);
        try {
            sandbox.startServer();
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SandboxException(what + " name must be 1 to 63 lower-case letters, digits or '-', "
                    + "starting with a letter, was " + (name == null ? "null" : "\"" + name + "\""), null);
        }
    }

    /**
     * Binds the port, mounts the services (they need the port for their base URIs), then starts
     * Jetty with the complete handler tree: faults, then a context per service.
     */
    private void startServer() {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("ozgkit-sandbox");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(2_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        if (tls != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls.serverSslContext());
            ssl.setNeedClientAuth(settings.clientAuth() == ClientAuth.NEED);
            ssl.setWantClientAuth(settings.clientAuth() == ClientAuth.WANT);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(HOST);
        connector.setPort(settings.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (Exception e) {
            throw startFailure(e);
        }
        port = connector.getLocalPort();
        rootUri = URI.create((tls != null ? "https" : "http") + "://" + HOST + ":" + port);

        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (SandboxService service : settings.services()) {
            ServiceMount mount = new ServiceMount(this, service, service.name(), service.path(),
                    URI.create(rootUri + "/" + service.path()),
                    service.maxRequestBytes().orElse(settings.maxRequestBytes()));
            mounts.put(service.name(), mount);
            try {
                service.mount(mount);
            } catch (RuntimeException e) {
                throw new SandboxException("sandbox service \"" + service.name() + "\" failed to start: " + e.getMessage(), e);
            }
            contexts.addHandler(mount.jettyContext());
        }
        server.setHandler(new FaultHandler(faults, () -> String.join(", ", services().keySet()), contexts));
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            throw startFailure(e);
        }
        LOG.debug("sandbox listening on {}", rootUri);
    }

    private SandboxException startFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new SandboxException("cannot listen on " + HOST + ":" + settings.port()
                        + " because the port is in use; choose another port or 0 for a free one", e);
            }
        }
        return new SandboxException("the sandbox server did not start: " + e, e);
    }

    ServiceMount mount(String name) {
        return mounts.get(name);
    }

    synchronized boolean nameTaken(String name) {
        if (mounts.containsKey(name)) {
            return true;
        }
        for (ServiceMount m : mountsSnapshot()) {
            if (m.published().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    Clock clock() {
        return settings.clock();
    }

    private List<ServiceMount> mountsSnapshot() {
        synchronized (mounts) {
            return new ArrayList<>(mounts.values());
        }
    }

    @Override
    public URI baseUri(String name) {
        URI uri = services().get(name);
        if (uri == null) {
            throw new SandboxException("the sandbox has no service \"" + name + "\"; it has "
                    + String.join(", ", services().keySet()), null);
        }
        return uri;
    }

    @Override
    public Map<String, URI> services() {
        Map<String, URI> out = new LinkedHashMap<>();
        for (ServiceMount m : mountsSnapshot()) {
            Map<String, URI> published = m.published();
            if (m.hasRoutes() && !published.containsKey(m.serviceName())) {
                out.put(m.serviceName(), m.baseUri());
            }
            out.putAll(published);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public URI rootUri() {
        return rootUri;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public FaultInjector faults() {
        return faults;
    }

    @Override
    public Optional<SandboxTls> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("sandbox server did not stop cleanly: {}", e.toString());
            }
        }
        if (connector != null) {
            // frees the port also when the server never started (a service failed to mount)
            connector.close();
        }
        List<ServiceMount> all = mountsSnapshot();
        Collections.reverse(all);
        for (ServiceMount m : all) {
            List<AutoCloseable> resources = m.resources();
            Collections.reverse(resources);
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    LOG.warn("resource of sandbox service {} did not close cleanly: {}", m.serviceName(), e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + rootUri + ", services=" + services().keySet() + "]";
    }
}
