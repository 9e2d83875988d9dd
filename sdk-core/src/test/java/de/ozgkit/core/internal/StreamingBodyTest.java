package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.NotFoundException;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Streaming request bodies (written per attempt) and streaming response bodies (handed to a handler). */
class StreamingBodyTest {

    /** 8 MiB of a repeating pattern, produced chunk by chunk and never held whole. */
    private static final long SIZE = 8L << 20;

    private static void writePattern(OutputStream out) throws java.io.IOException {
        byte[] chunk = new byte[65536];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 7 + 3);
        }
        for (long written = 0; written < SIZE; written += chunk.length) {
            out.write(chunk);
        }
    }

    private static byte[] patternDigest() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        writePattern(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), md));
        return md.digest();
    }

    @Test
    void streamingUploadAndDownload_arriveByteForByte_withAndWithoutLength() throws Exception {
        byte[] expected = patternDigest();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            boolean same = req.body().length == SIZE && MessageDigest.isEqual(md.digest(req.body()), expected);
            ex.sendResponseHeaders(same ? 200 : 400, 0);
            try (OutputStream out = ex.getResponseBody()) {
                writePattern(out);
            }
        }); HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/"))
                .retryPolicy(RetryPolicy.none()).maxResponseBytes(1 << 20).build())) {
            for (long length : new long[] {SIZE, -1}) {
                MessageDigest got = MessageDigest.getInstance("SHA-256");
                AtomicInteger calls = new AtomicInteger();
                HttpRequest request = HttpRequest.builder("PUT", server.uri("/up"))
                        .body("application/octet-stream", length, StreamingBodyTest::writePattern).build();
                HttpResponse r = p.call(request, (status, headers, body) -> {
                    calls.incrementAndGet();
                    body.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), got));
                }).response();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyLength()).isZero();
                assertThat(calls).hasValue(1);
                // the answer is 8 MiB although the client's response limit is 1 MiB: it never sat in memory
                assertThat(got.digest()).isEqualTo(expected);
            }
        }
    }

    @Test
    void errorAnswer_isReadWholeAndMapped_handlerNotCalled() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) ->
                TestHttpServer.respond(ex, 404, "application/problem+json", "{\"title\":\"gone\",\"status\":404}"));
             HttpPipeline p = new HttpPipeline(TransportBodyTest.config(server.uri("/")))) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build(),
                    (s, h, b) -> calls.incrementAndGet())).isInstanceOf(NotFoundException.class);
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void retriedPut_writesTheStreamingBodyAgain() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            int n = "abc".equals(new String(req.body(), java.nio.charset.StandardCharsets.UTF_8)) ? seen.incrementAndGet() : 0;
            TestHttpServer.respond(ex, n == 1 ? 503 : 204, "text/plain", n == 1 ? "busy" : "");
        }); HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/"))
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(1))).build(),
                d -> { })) {
            HttpRequest request = HttpRequest.builder("PUT", server.uri("/a"))
                    .body("text/plain", 3, out -> out.write("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build();
            assertThat(p.call(request).attempts()).isEqualTo(2);
            assertThat(seen).hasValue(2);
        }
    }

    @Test
    void defaultMethodOfACustomTransport_buffersBothWays() throws Exception {
        HttpTransport echo = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                return new HttpResponse(200, null, request.body().orElseThrow());
            }

            @Override
            public void close() {
            }
        };
        HttpRequest request = HttpRequest.builder("PUT", java.net.URI.create("http://127.0.0.1/x"))
                .body("text/plain", -1, out -> out.write(new byte[] {1, 2, 3})).build();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        HttpResponse r = echo.execute(request, (s, h, b) -> b.transferTo(got));
        assertThat(got.toByteArray()).containsExactly(1, 2, 3);
        assertThat(r.bodyLength()).isZero();
    }
}
