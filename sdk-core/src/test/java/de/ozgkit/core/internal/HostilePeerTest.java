package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import java.time.Duration;
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
}
