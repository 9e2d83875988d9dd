package de.ozgkit.sandbox;

import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A test simulator with one route per feature of the HTTP layer, written as a simulator would be. */
final class EchoService implements SandboxService {

    record Item(String name, int quantity) {
    }

    final AtomicInteger counter = new AtomicInteger();
    private final boolean wantsCertificates;
    volatile CyclicBarrier barrier;
    private volatile URI base;

    EchoService() {
        this(false);
    }

    EchoService(boolean wantsCertificates) {
        this.wantsCertificates = wantsCertificates;
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public boolean wantsClientCertificates() {
        return wantsCertificates;
    }

    @Override
    public void mount(SandboxContext context) {
        base = context.baseUri();
        PathMappingsHandler routes = context.routes();
        routes.addMapping(new UriTemplatePathSpec("/items/{id}"), new MethodHandler()
                .get(this::item)
                .put((request, response, callback) -> status(response, callback, 204))
                .delete((request, response, callback) -> status(response, callback, 204)));
        routes.addMapping(new UriTemplatePathSpec("/items/new"), new MethodHandler()
                .get((request, response, callback) -> json(response, callback, Map.of("literal", true))));
        routes.addMapping(new UriTemplatePathSpec("/items"), new MethodHandler()
                .post((request, response, callback) -> {
                    Responses.json(response, callback, 201, Requests.jsonTree(request));
                    return true;
                }));
        routes.addMapping(new UriTemplatePathSpec("/typed"), new MethodHandler().post((request, response, callback) -> {
            Item item = Requests.json(request, Item.class);
            return json(response, callback, Map.of("name", item.name(), "quantity", item.quantity()));
        }));
        routes.addMapping(new UriTemplatePathSpec("/form"), new MethodHandler().post((request, response, callback) -> {
            Map<String, List<String>> form = new LinkedHashMap<>();
            for (Fields.Field field : Requests.form(request)) {
                form.put(field.getName(), field.getValues());
            }
            return json(response, callback, form);
        }));
        routes.addMapping(new UriTemplatePathSpec("/bytes"), new MethodHandler().post((request, response, callback) ->
                json(response, callback, Map.of("length", Requests.body(request).length))));
        routes.addMapping(new UriTemplatePathSpec("/headers"), new MethodHandler().get((request, response, callback) ->
                json(response, callback, Map.of("x-test", request.getHeaders().getValuesList("X-Test")))));
        routes.addMapping(new UriTemplatePathSpec("/boom"), new MethodHandler().get((request, response, callback) -> {
            throw new IllegalStateException("secret internal state 4711");
        }));
        routes.addMapping(new UriTemplatePathSpec("/problem"), new MethodHandler().get((request, response, callback) -> {
            Responses.problem(response, callback, 403, "Forbidden", "originator may not use this endpoint",
                    Map.of("functionalCode", "FORBIDDEN"));
            return true;
        }));
        routes.addMapping(new UriTemplatePathSpec("/redirect"), new MethodHandler().get((request, response, callback) -> {
            Response.sendRedirect(request, response, callback, 303, "https://example.org/back?x=1", false);
            return true;
        }));
        routes.addMapping(new UriTemplatePathSpec("/html"), new MethodHandler().get((request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            Content.Sink.write(response, true, "<!doctype html><p>Grüße</p>", callback);
            return true;
        }));
        routes.addMapping(new UriTemplatePathSpec("/base"), new MethodHandler().get((request, response, callback) ->
                json(response, callback, Map.of("base", base.toString(), "uri", request.getHttpURI().toURI().toString(),
                        "secure", request.isSecure(), "q", Requests.query(request).getValuesOrEmpty("q")))));
        routes.addMapping(new UriTemplatePathSpec("/count"), new MethodHandler()
                .get(this::count)
                .post(this::count));
        routes.addMapping(new UriTemplatePathSpec("/together"), new MethodHandler().get((request, response, callback) -> {
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("requests did not run concurrently", e);
            }
            return json(response, callback, Map.of("count", counter.incrementAndGet()));
        }));
        routes.addMapping(new UriTemplatePathSpec("/cert"), new MethodHandler().get((request, response, callback) -> {
            List<X509Certificate> chain = Requests.clientCertificates(request);
            return json(response, callback, Map.of("subject",
                    chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName()));
        }));
        routes.addMapping(new UriTemplatePathSpec("/undeclared/{id}"), new MethodHandler().get((request, response, callback) ->
                json(response, callback, Map.of("other", Requests.pathParam(request, "other")))));
    }

    private boolean item(Request request, Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Requests.pathParam(request, "id"));
        body.put("params", Requests.pathParams(request));
        body.put("q", Requests.query(request).getValue("q"));
        return json(response, callback, body);
    }

    private boolean count(Request request, Response response, Callback callback) {
        return json(response, callback, Map.of("count", counter.incrementAndGet()));
    }

    private static boolean json(Response response, Callback callback, Object body) {
        Responses.json(response, callback, 200, body);
        return true;
    }

    private static boolean status(Response response, Callback callback, int status) {
        response.setStatus(status);
        callback.succeeded();
        return true;
    }
}
