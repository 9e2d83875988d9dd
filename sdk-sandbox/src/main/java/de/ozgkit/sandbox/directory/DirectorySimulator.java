package de.ozgkit.sandbox.directory;

import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated PVOG search service (Portalverbund Suchdienst) serving a {@link DirectoryFixture}:
 * the project's fixture of Rheinland-Pfalz by default, or a file of the same format.
 *
 * <p>Endpoints relative to the service's base URI ({@code http://127.0.0.1:<port>/directory}),
 * versioned as the search service uses them: {@code GET /v3/locations?q=},
 * {@code GET /v3/servicedescriptions/leikaid?leikaIds=&ars=&page=&size=},
 * {@code GET /v6/servicedescriptions/{id}/detail?ars=},
 * {@code GET /v5/organisationunits/detail?q=&ars=&lbId=}, {@code GET /v2/onlineservices/detail?q=}.
 * The protocol logic is {@link DirectoryApi}, its HTTP surface {@code DirectoryHandler} (routes on
 * the sandbox's Jetty routing). Errors are problem details ({@code application/problem+json}, type
 * {@code about:blank}): 400 for malformed parameters, 401 for a missing client id when it is
 * required, 404 for unknown ids and paths, 405 for methods other than {@code GET}.
 *
 * <p>State is read-only; thread-safe.
 */
public final class DirectorySimulator implements SandboxService {

    /** Name of the service in the sandbox, and the first path segment of its base URI. */
    public static final String SERVICE_NAME = "directory";

    private final DirectoryFixture fixture;
    private final boolean requireClientId;
    private volatile DirectoryApi api;

    private DirectorySimulator(DirectoryFixture fixture, boolean requireClientId) {
        this.fixture = fixture;
        this.requireClientId = requireClientId;
    }

    /** @return a simulator serving the built-in fixture */
    public static DirectorySimulator create() {
        return builder().build();
    }

    /** @return a builder: built-in fixture, client id optional */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return SERVICE_NAME;
    }

    /**
     * Adds the search service's routes under the service's base (the default problem+json error
     * shape is the search service's).
     *
     * @param context the sandbox context
     */
    @Override
    public void mount(SandboxContext context) {
        String base = context.baseUri().toString();
        String root = base.substring(0, base.length() - ("/" + context.serviceName()).length());
        DirectoryApi a = new DirectoryApi(fixture, root, requireClientId);
        this.api = a;
        new DirectoryHandler(a).mount(context.routes());
    }

    /** @return the data served */
    public DirectoryFixture fixture() {
        return fixture;
    }

    /**
     * @return requests to the search service's endpoints answered so far, refusals included (0 before
     *         mounting); unknown paths and other methods than {@code GET} are not counted
     */
    public long requestCount() {
        DirectoryApi a = api;
        return a == null ? 0 : a.requestCount();
    }

    /** @return the distinct {@code pvog-sud-api-client-id} values seen so far */
    public Set<String> clientIdsSeen() {
        DirectoryApi a = api;
        return a == null ? Set.of() : a.clientIdsSeen();
    }

    /** Builds a {@link DirectorySimulator}. */
    public static final class Builder {
        private DirectoryFixture fixture;
        private boolean requireClientId;

        private Builder() {
        }

        /**
         * @param fixture the data to serve (default: {@link DirectoryFixture#builtIn()})
         * @return this builder
         */
        public Builder fixture(DirectoryFixture fixture) {
            this.fixture = Objects.requireNonNull(fixture, "fixture");
            return this;
        }

        /**
         * @param file a fixture file to serve
         * @return this builder
         * @throws de.ozgkit.sandbox.SandboxException if the file is unreadable or broken
         */
        public Builder fixture(Path file) {
            return fixture(DirectoryFixture.load(file));
        }

        /**
         * @param require whether requests without {@code pvog-sud-api-client-id} are refused with 401
         * @return this builder
         */
        public Builder requireClientId(boolean require) {
            this.requireClientId = require;
            return this;
        }

        /** @return the simulator */
        public DirectorySimulator build() {
            return new DirectorySimulator(fixture != null ? fixture : DirectoryFixture.builtIn(), requireClientId);
        }
    }

    @Override
    public String toString() {
        return "DirectorySimulator[" + fixture.places().size() + " places, " + fixture.services().size() + " services]";
    }
}
