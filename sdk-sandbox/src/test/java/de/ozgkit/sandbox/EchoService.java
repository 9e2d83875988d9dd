package de.ozgkit.sandbox;

import de.ozgkit.sandbox.http.ProblemException;
import de.ozgkit.sandbox.http.Reply;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A test simulator with one route per feature of the routing layer. */
final class EchoService implements SandboxService {

    record Item(String name, int quantity) {
    }

    final AtomicInteger counter = new AtomicInteger();
    private final boolean wantsCertificates;
    volatile CyclicBarrier barrier;

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
        context.routes()
                .get("/items/{id}", request -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("id", request.pathParam("id"));
                    body.put("q", request.queryParam("q").orElse(null));
                    body.put("template", request.template());
                    return Reply.json(body);
                })
                .get("/items/new", request -> Reply.json(Map.of("literal", true)))
                .post("/items", request -> Reply.json(201, request.jsonTree()))
                .post("/typed", request -> {
                    Item item = request.json(Item.class);
                    return Reply.json(Map.of("name", item.name(), "quantity", item.quantity()));
                })
                .post("/form", request -> Reply.json(request.form()))
                .post("/bytes", request -> Reply.json(Map.of("length", request.body().length)))
                .get("/headers", request -> Reply.json(Map.of("x-test", request.headers("X-Test"))))
                .get("/boom", request -> {
                    throw new IllegalStateException("secret internal state 4711");
                })
                .get("/problem", request -> {
                    throw new ProblemException(403, "Forbidden", "originator may not use this endpoint")
                            .with("functionalCode", "FORBIDDEN");
                })
                .get("/redirect", request -> Reply.redirect("https://example.org/back?x=1"))
                .get("/html", request -> Reply.html("<!doctype html><p>Grüße</p>"))
                .get("/base", request -> Reply.json(Map.of("base", request.serviceBaseUri().toString(),
                        "uri", request.requestUri().toString(), "secure", request.secure())))
                .post("/count", request -> Reply.json(Map.of("count", counter.incrementAndGet())))
                .get("/count", request -> Reply.json(Map.of("count", counter.incrementAndGet())))
                .get("/together", request -> {
                    try {
                        barrier.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("requests did not run concurrently", e);
                    }
                    return Reply.json(Map.of("count", counter.incrementAndGet()));
                })
                .get("/cert", request -> {
                    List<X509Certificate> chain = request.clientCertificates();
                    return Reply.json(Map.of("subject",
                            chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName()));
                })
                .put("/items/{id}", request -> Reply.status(204))
                .delete("/items/{id}", request -> Reply.status(204));
    }
}
