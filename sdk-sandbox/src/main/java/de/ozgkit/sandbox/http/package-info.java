/**
 * Small helpers for writing sandbox simulators on Jetty 12's own core API, only where Jetty has
 * none: {@link de.ozgkit.sandbox.http.MethodHandler} (one route, a handler per HTTP method, 405
 * with {@code Allow}), {@link de.ozgkit.sandbox.http.Requests} (path parameters of the matched URI
 * template, JSON and form bodies, client certificates),
 * {@link de.ozgkit.sandbox.http.Responses} (JSON and problem+json answers) and
 * {@link de.ozgkit.sandbox.http.ProblemErrorHandler} (every error as problem+json, the look of a
 * service's 404, 405, 413 and 500 answers).
 *
 * <p>Routes are declared on Jetty's {@link org.eclipse.jetty.server.handler.PathMappingsHandler}
 * with {@link org.eclipse.jetty.http.pathmap.UriTemplatePathSpec}; handlers are plain
 * {@link org.eclipse.jetty.server.Request.Handler}s:
 *
 * <pre>{@code
 * public void mount(SandboxContext context) {
 *     context.routes().addMapping(new UriTemplatePathSpec("/items/{id}"), new MethodHandler()
 *             .get((request, response, callback) -> {
 *                 Responses.json(response, callback, 200, Map.of("id", Requests.pathParam(request, "id")));
 *                 return true;
 *             }));
 * }
 * }</pre>
 */
package de.ozgkit.sandbox.http;
