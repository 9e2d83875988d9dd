package de.ozgkit.directory.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A misbehaving search service on loopback (the JDK's HTTP server): answers every request with
 * what the test's function returns for the request URI, so tests can send malformed, truncated,
 * oversized or oddly typed JSON that the sandbox's correct simulator never would.
 */
final class HostileServer implements AutoCloseable {

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(String body) {
            return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile Function<URI, Answer> answers = uri -> Answer.json("[]");

    HostileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI());
            Answer a = answers.apply(exchange.getRequestURI());
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        server.start();
    }

    void answer(Function<URI, Answer> answers) {
        this.answers = answers;
    }

    void answer(String json) {
        answer(uri -> Answer.json(json));
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/suchdienst/api");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
