package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpTransport;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Servers that try to exhaust or hold the client: an endless body, a body announced as 2 GiB, a
 * body that drips one byte at a time. The client must fail with a typed error after about the
 * limit, which is measured by the bytes the server managed to write before the client went away.
 */
class HostilePeerTest {

    static final int LIMIT = 1024 * 1024;
    /** What the servers write at most; a client that does not abort would read all of it. */
    static final long CAP = 512L * 1024 * 1024;
    /** Room for the socket buffers of both sides on loopback (they grow to a few MiB). */
    static final long SOCKET_SLACK = 32L * 1024 * 1024;

    static OzgClientConfig.Builder config(HostileServer server) {
        return OzgClientConfig.builder().baseUri(server.uri("/")).maxResponseBytes(LIMIT).retryPolicy(RetryPolicy.none());
    }

    @Test
    void endlessChunkedBody_isAbortedAtTheLimit_notDrained() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.ENDLESS_CHUNKED, CAP, 0);
             HttpPipeline p = new HttpPipeline(config(server).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/endless")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                        assertThat(e.getMessage()).contains("limit of " + LIMIT + " bytes");
                    });
            long written = server.awaitWritten();
            assertThat(written).as("bytes the server wrote").isGreaterThan(LIMIT).isLessThan(LIMIT + SOCKET_SLACK);
        }
    }

    @Test
    void bodyAnnouncedAsTwoGibibytes_isRefusedWithoutReadingIt() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.HUGE_CONTENT_LENGTH, CAP, 0);
             HttpPipeline p = new HttpPipeline(config(server).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/huge")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                        assertThat(e.getMessage()).contains("2147483648 bytes").contains("it was not read");
                    });
            assertThat(server.awaitWritten()).as("bytes the server wrote").isLessThan(SOCKET_SLACK);
        }
    }

    @Test
    void drippingServer_cannotHoldACallPastTheCallTimeout_evenWithRetries() throws Exception {
        // one byte every 100 ms never trips the 2 s read timeout; only the 1 s call timeout ends it
        try (HostileServer server = new HostileServer(HostileServer.Mode.DRIP, 600, 100);
             HttpPipeline p = new HttpPipeline(config(server).readTimeout(Duration.ofSeconds(2))
                     .callTimeout(Duration.ofSeconds(1))
                     .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(5).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                     .build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/drip")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("call timeout of 1000 ms");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            // about 10 drops fit into 1 s; a client held until the server's cap would have taken 600
            assertThat(server.awaitWritten()).as("drops the server wrote").isLessThan(60);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    /** Reads up to {@code max} bytes of the body and returns, leaving the rest unread. */
    private static HttpTransport.BodyHandler readUpTo(long max, AtomicLong read) {
        return (status, headers, body) -> {
            byte[] buf = new byte[8192];
            int n;
            while (read.get() < max && (n = body.read(buf)) > 0) {
                read.addAndGet(n);
            }
        };
    }

    @Test
    void endlessChunkedBody_streamedToAHandlerThatStops_isAbortedNotDrained() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.ENDLESS_CHUNKED, CAP, 0);
             HttpPipeline p = new HttpPipeline(config(server).build())) {
            AtomicLong read = new AtomicLong();
            HttpPipeline.Exchange ex = p.call(HttpRequest.builder("GET", server.uri("/endless")).build(),
                    readUpTo(LIMIT, read));
            assertThat(ex.response().status()).isEqualTo(200);
            assertThat(read.get()).isGreaterThanOrEqualTo(LIMIT);
            assertThat(server.awaitWritten()).as("bytes the server wrote").isLessThan(LIMIT + SOCKET_SLACK);
        }
    }

    @Test
    void endlessChunkedBody_handlerRefusingAtItsOwnLimit_getsItsExceptionBack_connectionDiscarded() throws Exception {
        OzgClientException tooMuch = new OzgClientException(OzgClientException.Kind.PROTOCOL, "attachment too large",
                null, 1);
        try (HostileServer server = new HostileServer(HostileServer.Mode.ENDLESS_CHUNKED, CAP, 0);
             HttpPipeline p = new HttpPipeline(config(server).build())) {
            AtomicLong read = new AtomicLong();
            HttpTransport.BodyHandler limited = (status, headers, body) -> {
                readUpTo(LIMIT, read).handle(status, headers, body);
                throw tooMuch;
            };
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/endless")).build(), limited))
                    .isSameAs(tooMuch);
            assertThat(server.awaitWritten()).as("bytes the server wrote").isLessThan(LIMIT + SOCKET_SLACK);
        }
    }

    @Test
    void drippingServer_cannotHoldAStreamedAnswerPastTheCallTimeout() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.DRIP, 600, 100);
             HttpPipeline p = new HttpPipeline(config(server).readTimeout(Duration.ofSeconds(2))
                     .callTimeout(Duration.ofSeconds(1)).build())) {
            AtomicLong read = new AtomicLong();
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/drip")).build(),
                    readUpTo(Long.MAX_VALUE, read)))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("call timeout of 1000 ms");
                    });
            assertThat(read.get()).as("drops the handler read").isGreaterThan(0);
            assertThat(server.awaitWritten()).as("drops the server wrote").isLessThan(60);
        }
    }

    @Test
    void serverThatNeverReadsAStreamedRequestBody_cannotHoldTheCallPastTheCallTimeout() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.STALL, 60_000, 0);
             HttpPipeline p = new HttpPipeline(config(server).readTimeout(Duration.ofSeconds(30))
                     .callTimeout(Duration.ofSeconds(1)).build())) {
            AtomicLong written = new AtomicLong();
            byte[] block = new byte[64 * 1024];
            HttpRequest upload = HttpRequest.builder("POST", server.uri("/upload"))
                    .body("application/octet-stream", CAP, out -> {
                        while (written.get() < CAP) {
                            out.write(block);
                            written.addAndGet(block.length);
                        }
                    }).build();
            assertThatThrownBy(() -> p.call(upload))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("call timeout of 1000 ms");
                    });
            assertThat(written.get()).as("bytes written before the socket buffers filled").isLessThan(SOCKET_SLACK);
        }
    }
}
