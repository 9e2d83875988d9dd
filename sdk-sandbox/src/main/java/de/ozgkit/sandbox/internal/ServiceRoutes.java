package de.ozgkit.sandbox.internal;

import de.ozgkit.sandbox.SandboxException;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The routes of one service: Jetty's {@link PathMappingsHandler}, inside the service's context
 * ({@code /<name>}), with two changes. The matched request keeps the service's context, so that
 * {@link Request#getPathInContext(Request)} stays the path below the service's base (Jetty's own
 * {@code PathSpecRequest} re-derives the context from the full path, which fails for URI templates
 * inside a context); and a path no mapping matches is answered {@code 404} through
 * {@link Response#writeError}, that is, by the service's error handler.
 */
final class ServiceRoutes extends PathMappingsHandler {

    private final String serviceName;
    private final Map<String, String> declarations = new HashMap<>();

    ServiceRoutes(String serviceName) {
        this.serviceName = serviceName;
    }

    /**
     * Adds a mapping; templates that differ only in parameter names count as the same path.
     *
     * @throws SandboxException if the path is already mapped
     */
    @Override
    public void addMapping(PathSpec pathSpec, Handler handler) {
        // the template's regular expression erases parameter names: /items/{id} and /items/{other} clash
        String shape = pathSpec instanceof UriTemplatePathSpec template ? template.getPattern().pattern()
                : pathSpec.getClass().getSimpleName() + ":" + pathSpec.getDeclaration();
        synchronized (declarations) {
            String existing = declarations.putIfAbsent(shape, pathSpec.getDeclaration());
            if (existing != null) {
                throw new SandboxException("service " + serviceName + " maps " + pathSpec.getDeclaration()
                        + " twice (first as " + existing + "); map each path once, with a MethodHandler for several methods", null);
            }
        }
        super.addMapping(pathSpec, handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (super.handle(request, response, callback)) {
            return true;
        }
        Response.writeError(request, response, callback, 404, "service " + serviceName + " has no resource at "
                + URIUtil.decodePath(Request.getPathInContext(request)));
        return true;
    }

    @Override
    protected Request newPathSpecRequest(Request request, PathSpec pathSpec) {
        return new Matched(request, pathSpec);
    }

    /** The request with the matched path spec as attribute {@link #PATHSPEC_ATTR}, context unchanged. */
    private static final class Matched extends Request.Wrapper {
        private final PathSpec pathSpec;

        Matched(Request request, PathSpec pathSpec) {
            super(request);
            this.pathSpec = pathSpec;
        }

        @Override
        public Object getAttribute(String name) {
            return PATHSPEC_ATTR.equals(name) ? pathSpec : super.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNameSet() {
            Set<String> names = new HashSet<>(super.getAttributeNameSet());
            names.add(PATHSPEC_ATTR);
            return names;
        }
    }
}
