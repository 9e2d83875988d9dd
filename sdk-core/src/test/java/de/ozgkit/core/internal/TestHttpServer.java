package de.ozgkit.core.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real HTTP(S) server on loopback for core's transport tests (the JDK's built-in server, so
 * core's tests need no module above core). Records every request it sees.
 */
final class TestHttpServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Seen(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(Seen request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String scheme;

    private TestHttpServer(HttpServer server, String scheme, Handler handler) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> {
            try (exchange) {
                Seen s = new Seen(exchange.getRequestMethod(), exchange.getRequestURI(),
                        Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
                seen.add(s);
                handler.handle(s, exchange);
            } catch (RuntimeException | IOException e) {
                // the handler may close the exchange itself to simulate failures
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    static TestHttpServer start(Handler handler) throws IOException {
        return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                "http", handler);
    }

    static TestHttpServer startTls(SSLContext ssl, boolean needClientAuth, Handler handler) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ssl.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        return new TestHttpServer(server, "https", handler);
    }

    URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return seen;
    }

    static void respond(HttpExchange ex, int status, String contentType, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
