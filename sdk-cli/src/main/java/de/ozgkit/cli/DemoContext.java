package de.ozgkit.cli;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.sandbox.Sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the steps of {@code ozgkit demo} share: the embedded sandbox (started by the first step)
 * and client configurations that reach it, over HTTPS trusting the sandbox CA when the demo runs
 * with {@code --tls}, and the folder where the demo keeps what it produced ({@code --out}).
 * Closing it stops the sandbox. Used by one thread.
 */
public final class DemoContext implements AutoCloseable {

    private final boolean tls;
    private final Path out;
    private final List<String> kept = new ArrayList<>();
    private Sandbox sandbox;
    private HttpTransport transport;

    DemoContext(boolean tls, Path out) {
        this.tls = tls;
        this.out = out;
    }

    /** @return whether the demo keeps what it produces ({@code --out}) */
    public boolean keeping() {
        return out != null;
    }

    /**
     * Keeps a result of a step in the {@code --out} folder, replacing a file of the same name; does
     * nothing without {@code --out}.
     *
     * @param fileName the file name, e.g. {@code rechnung-cii.xml}
     * @param content  the content
     * @throws CommandFailure if the file cannot be written
     */
    public void keep(String fileName, byte[] content) {
        if (out != null) {
            CliFiles.writeAtomically(out.resolve(fileName), content);
            kept.add(fileName);
        }
    }

    /** @return the names of the files kept so far, in order */
    List<String> kept() {
        return List.copyOf(kept);
    }

    /**
     * Starts the sandbox with all built-in services on a free port.
     *
     * @return the sandbox
     * @throws IllegalStateException if it already runs
     */
    public Sandbox startSandbox() {
        if (sandbox != null) {
            throw new IllegalStateException("the demo sandbox already runs");
        }
        sandbox = Sandbox.builder().withBuiltInServices().tls(tls).start();
        return sandbox;
    }

    /**
     * @return the running sandbox
     * @throws IllegalStateException if no step has started it
     */
    public Sandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox is not running; the demo starts it in its first step");
        }
        return sandbox;
    }

    /**
     * A client configuration for one sandbox service: its base URI and, with TLS, trust in the
     * sandbox CA.
     *
     * @param service the service name, e.g. {@code payment}
     * @return the configuration
     */
    public OzgClientConfig clientConfig(String service) {
        return baseConfig().baseUri(sandbox().baseUri(Objects.requireNonNull(service, "service"))).build();
    }

    /** @return a transport (Apache HttpClient 5, through the SDK's core) for plain requests; closed with the context */
    public HttpTransport transport() {
        if (transport == null) {
            transport = HttpTransport.create(baseConfig().build());
        }
        return transport;
    }

    /**
     * Resolves a path against a service's base URI.
     *
     * @param service the service name
     * @param path    the path below the base URI, starting with {@code /}, or empty
     * @return the absolute URI
     */
    public URI uri(String service, String path) {
        return URI.create(sandbox().baseUri(service) + path);
    }

    private OzgClientConfig.Builder baseConfig() {
        OzgClientConfig.Builder builder = OzgClientConfig.builder().userAgent("ozgkit-demo/" + VersionProvider.version());
        if (tls) {
            builder.tls(TlsConfig.builder().trustCertificates(sandbox().tls().orElseThrow().caCertificate()).build());
        }
        return builder;
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
