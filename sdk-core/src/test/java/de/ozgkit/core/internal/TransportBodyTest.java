package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.Headers;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the default transport reads bodies and header fields, and the copy-free message access. */
class TransportBodyTest {

    static OzgClientConfig config(URI base) {
        return OzgClientConfig.builder().baseUri(base).retryPolicy(RetryPolicy.none()).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1023, 1024, 1025, 8192, 70_000})
    void bodiesWithAndWithoutContentLength_arriveByteForByte(int size) throws Exception {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            boolean chunked = req.uri().getPath().endsWith("chunked");
            ex.sendResponseHeaders(200, chunked ? 0 : (size == 0 ? -1 : size));
            try (OutputStream out = ex.getResponseBody()) {
                out.write(payload);
            }
        }); HttpPipeline p = new HttpPipeline(config(server.uri("/")))) {
            for (String path : List.of("/fixed", "/chunked")) {
                HttpResponse r = p.call(HttpRequest.builder("GET", server.uri(path)).build()).response();
                assertThat(r.body()).as(path).isEqualTo(payload);
            }
        }
    }

    @Test
    void chunkedBodyAboveTheLimit_isRefused() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[5000]);
            }
        }); HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/"))
                .retryPolicy(RetryPolicy.none()).maxResponseBytes(4096).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL));
        }
    }

    @Test
    void bodyShorterThanAnnounced_isAnIoFailure() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nonly ten!!"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    // test ends
                }
            });
            t.start();
            try (HttpPipeline p = new HttpPipeline(config(URI.create("http://127.0.0.1:" + socket.getLocalPort())))) {
                assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", p.resolve("x")).build()))
                        .isInstanceOfSatisfying(OzgClientException.class,
                                e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.IO));
            }
            t.join();
        }
    }

    @Test
    void repeatedAndMixedCaseHeaderFields_areKeptInOrder() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            ex.getResponseHeaders().add("X-Multi", "one");
            ex.getResponseHeaders().add("X-Multi", "two");
            TestHttpServer.respond(ex, 200, "text/plain", "ok");
        }); HttpPipeline p = new HttpPipeline(config(server.uri("/")))) {
            HttpRequest request = HttpRequest.builder("POST", server.uri("/x")).header("X-One", "1")
                    .body("application/json", "{\"a\":1}").build();
            HttpResponse r = p.call(request).response();
            assertThat(r.headers().all("x-multi")).containsExactly("one", "two");
            assertThat(r.headers().first("CONTENT-TYPE")).contains("text/plain");
            TestHttpServer.Seen seen = server.seen().get(0);
            assertThat(seen.header("X-One")).isEqualTo("1");
            assertThat(seen.header("Content-Type")).startsWith("application/json");
            assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void contentTypeWithACharsetUnknownToJava_isSentAsGiven() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> TestHttpServer.respond(ex, 200, "text/plain",
                "ok")); HttpPipeline p = new HttpPipeline(config(server.uri("/")))) {
            for (String type : List.of("text/plain; charset=x-unknown-charset", "text/plain; charset=UTF-8\t")) {
                HttpRequest request = HttpRequest.builder("POST", server.uri("/x")).body(type,
                        "a".getBytes(StandardCharsets.UTF_8)).build();
                assertThat(p.call(request).response().status()).as(type).isEqualTo(200);
            }
            assertThat(server.seen().get(0).header("Content-Type")).isEqualTo("text/plain; charset=x-unknown-charset");
        }
    }

    @Test
    void publicMessagesCopyTheirBodies_andTheStreamCannotChangeIt() throws Exception {
        byte[] body = {1, 2, 3};
        HttpResponse copied = new HttpResponse(200, Headers.EMPTY, body);
        body[0] = 9;
        assertThat(copied.body()).containsExactly(1, 2, 3);
        copied.body()[1] = 9;
        assertThat(copied.body()).containsExactly(1, 2, 3);
        assertThat(copied.bodyStream().readAllBytes()).containsExactly(1, 2, 3);
        byte[] requestBody = {4, 5};
        HttpRequest request = HttpRequest.builder("POST", URI.create("http://h/")).body("application/octet-stream",
                requestBody).build();
        requestBody[0] = 9;
        assertThat(request.body()).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
        Headers h = Headers.of(Map.of("A", List.of("1", "2")));
        assertThat(h.all("a")).containsExactly("1", "2");
    }

    @Test
    void requestIds_areVersion4Uuids() {
        String id = HttpPipeline.newRequestId();
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
        assertThat(java.util.UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(HttpPipeline.newRequestId()).isNotEqualTo(id);
    }
}
