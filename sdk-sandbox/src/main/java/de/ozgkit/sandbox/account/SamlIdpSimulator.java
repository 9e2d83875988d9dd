package de.ozgkit.sandbox.account;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * A SAML 2.0 identity provider in the shape of BundID / the Servicekonten, for trying and testing
 * relying parties. Endpoints relative to its base URI ({@code /saml-idp}), which is also its entity id:
 * <ul>
 *   <li>{@code GET /metadata}: IdP metadata with the signing certificate and both SSO bindings;</li>
 *   <li>{@code GET /sso} (HTTP-Redirect) and {@code POST /sso} (HTTP-POST): an AuthnRequest with the
 *       akdb extension; answers the login page;</li>
 *   <li>{@code POST /login}: the login form (test identity, level of assurance, optional defect);
 *       answers a page that posts the signed (optionally encrypted) response to the ACS;</li>
 *   <li>{@code POST /sp}: registers a service provider by its metadata (body: the SP metadata);
 *       registered SPs must sign their requests and get encrypted assertions when encryption is on.</li>
 * </ul>
 * Unregistered SPs may log in unless {@link Builder#requireRegistration(boolean)} is set; their
 * requests' signatures are not checked and their assertions are not encrypted.
 */
public final class SamlIdpSimulator implements SandboxService {

    /** The service name. */
    public static final String NAME = "saml-idp";

    private final boolean requireRegistration;
    private final boolean encrypt;
    private final Clock clock;
    private volatile IdpEngine engine;

    private SamlIdpSimulator(Builder b) {
        this.requireRegistration = b.requireRegistration;
        this.encrypt = b.encrypt;
        this.clock = b.clock;
    }

    /** @return a simulator with the defaults: open to unregistered SPs, encryption for registered ones */
    public static SamlIdpSimulator create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void mount(SandboxContext context) {
        IdpEngine e = new IdpEngine(context.baseUri().toString(), clock != null ? clock : context.clock(),
                requireRegistration, encrypt);
        this.engine = e;
        PathMappingsHandler routes = context.routes();
        routes.addMapping(new UriTemplatePathSpec("/metadata"), new MethodHandler().get((request, response, callback) -> {
            Responses.bytes(response, callback, 200, "application/samlmetadata+xml",
                    e.metadata().getBytes(StandardCharsets.UTF_8));
            return true;
        }));
        routes.addMapping(new UriTemplatePathSpec("/sso"), new MethodHandler()
                .get((request, response, callback) -> write(response, callback, e.ssoRedirect(request.getHttpURI().getQuery())))
                .post((request, response, callback) -> write(response, callback,
                        e.ssoPost(IdpEngine.form(Requests.body(request))))));
        routes.addMapping(new UriTemplatePathSpec("/login"), new MethodHandler().post((request, response, callback) ->
                write(response, callback, e.login(IdpEngine.form(Requests.body(request))))));
        routes.addMapping(new UriTemplatePathSpec("/sp"), new MethodHandler().post((request, response, callback) -> {
            try {
                Responses.json(response, callback, 201, Map.of("entityId", e.registerServiceProvider(Requests.body(request))));
            } catch (SandboxException ex) {
                Responses.problem(response, callback, 400, "Bad Request", ex.getMessage());
            }
            return true;
        }));
    }

    /**
     * Writes an answer of the engine.
     *
     * @param response the response
     * @param callback the callback
     * @param a        the answer
     * @return {@code true}: the request is handled
     */
    static boolean write(Response response, Callback callback, Answer a) {
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        Responses.bytes(response, callback, a.status(), a.contentType(), a.body());
        return true;
    }

    /**
     * The engine behind the endpoints, for tests that register SPs or break responses in Java.
     *
     * @return the engine
     * @throws SandboxException before the sandbox mounted the service
     */
    public IdpEngine engine() {
        IdpEngine e = engine;
        if (e == null) {
            throw new SandboxException("the identity provider is not mounted yet; start the sandbox first", null);
        }
        return e;
    }

    /**
     * @param defect the defect of the next response
     */
    public void breakNextResponse(IdpDefect defect) {
        engine().breakNextResponse(defect);
    }

    /** Builds a {@link SamlIdpSimulator}. Not thread-safe. */
    public static final class Builder {
        private boolean requireRegistration;
        private boolean encrypt = true;
        private Clock clock;

        private Builder() {
        }

        /**
         * @param require whether only registered service providers may log in (default {@code false})
         * @return this builder
         */
        public Builder requireRegistration(boolean require) {
            this.requireRegistration = require;
            return this;
        }

        /**
         * @param encrypt whether assertions for registered SPs with an encryption key are encrypted
         *                (default {@code true}; the login form's {@code encrypt} field overrides it)
         * @return this builder
         */
        public Builder encryptAssertions(boolean encrypt) {
            this.encrypt = encrypt;
            return this;
        }

        /**
         * @param clock the clock for instants in responses; by default the sandbox's
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the simulator */
        public SamlIdpSimulator build() {
            return new SamlIdpSimulator(this);
        }
    }
}
