package de.ozgkit.sandbox.directory;

import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The directory simulator's HTTP surface on the sandbox's Jetty routing: one route per endpoint of
 * the search service (URI templates relative to the service's base, {@code GET} only), each
 * handing the client id header, the query parameters and the path's id to {@link DirectoryApi}
 * and writing its answer as JSON or as a problem detail.
 *
 * <p>Paths no route matches ({@code 404}), other methods ({@code 405} with {@code Allow: GET}) and
 * query strings that are not valid URL encoding ({@code 400}) are answered by the sandbox's
 * default error handler, in the same {@code application/problem+json} shape (type
 * {@code about:blank}, the status's reason phrase as title) as the simulator's own refusals.
 */
final class DirectoryHandler {

    private final DirectoryApi api;

    /** @param api the protocol logic */
    DirectoryHandler(DirectoryApi api) {
        this.api = api;
    }

    /**
     * Adds the search service's routes.
     *
     * @param routes the service's routes ({@code SandboxContext.routes()})
     */
    void mount(PathMappingsHandler routes) {
        routes.addMapping(new UriTemplatePathSpec("/v3/locations"), get((request, query) -> api.locations(query)));
        routes.addMapping(new UriTemplatePathSpec("/v3/servicedescriptions/leikaid"),
                get((request, query) -> api.serviceDescriptions(query)));
        routes.addMapping(new UriTemplatePathSpec("/v6/servicedescriptions/{id}/detail"),
                get((request, query) -> api.serviceDescription(Requests.pathParam(request, "id"), query)));
        routes.addMapping(new UriTemplatePathSpec("/v5/organisationunits/detail"),
                get((request, query) -> api.organisationUnit(query)));
        routes.addMapping(new UriTemplatePathSpec("/v2/onlineservices/detail"),
                get((request, query) -> api.onlineService(query)));
    }

    private MethodHandler get(BiFunction<Request, Map<String, List<String>>, DirectoryApi.Answer> endpoint) {
        return new MethodHandler().get((request, response, callback) -> {
            Map<String, List<String>> query = query(request);
            DirectoryApi.Answer answer = api.admit(request.getHeaders().get(DirectoryApi.CLIENT_ID_HEADER))
                    .orElseGet(() -> endpoint.apply(request, query));
            write(response, callback, answer);
            return true;
        });
    }

    /** The query parameters in the order sent; a broken encoding is thrown as Jetty's 400. */
    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field f : Requests.query(request)) {
            query.put(f.getName(), f.getValues());
        }
        return query;
    }

    private static void write(Response response, Callback callback, DirectoryApi.Answer answer) {
        if (answer instanceof DirectoryApi.Answer.Found found) {
            Responses.json(response, callback, 200, found.body());
        } else if (answer instanceof DirectoryApi.Answer.Refused refused) {
            Responses.problem(response, callback, refused.status(), HttpStatus.getMessage(refused.status()),
                    refused.detail());
        }
    }
}
