package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RateLimitedException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.ServerErrorException;
import de.ozgkit.core.http.HttpRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries against real servers on loopback; attempts are counted on the server side. */
class HttpPipelineRetryTest {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private HttpPipeline pipeline(URI base, RetryPolicy policy) {
        return new HttpPipeline(OzgClientConfig.builder().baseUri(base).retryPolicy(policy)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).build(), waits::add);
    }

    private static RetryPolicy policy(int attempts) {
        return RetryPolicy.DEFAULT.withMaxAttempts(attempts).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    @Test
    void get_whenServerFailsTwiceWith503_retriesThenSucceeds() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            if (n.incrementAndGet() <= 2) {
                respond(ex, 503, "text/plain", "busy");
            } else {
                respond(ex, 200, "application/json", "{\"ok\":true}");
            }
        }); HttpPipeline p = pipeline(server.uri("/"), policy(3))) {
            HttpPipeline.Exchange ex = p.call(HttpRequest.builder("GET", server.uri("/thing")).build());
            assertThat(ex.response().status()).isEqualTo(200);
            assertThat(ex.attempts()).isEqualTo(3);
            assertThat(server.seen()).hasSize(3);
            assertThat(waits).hasSize(2);
            // the same request id travels with every attempt
            assertThat(server.seen()).extracting(s -> s.header("X-Request-Id")).doesNotContainNull().containsOnly(
                    server.seen().get(0).header("X-Request-Id"));
        }
    }

    @Test
    void get_whenServerKeepsFailing_givesUpAfterMaxAttemptsAndSaysSo() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 502, null, ""));
             HttpPipeline p = pipeline(server.uri("/"), policy(4))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.getMessage()).contains("4 attempts").contains("GET /x failed with HTTP 502");
                    });
            assertThat(server.seen()).hasSize(4);
        }
    }

    @Test
    void backoff_growsExponentiallyWithinJitter() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 500, null, ""));
             HttpPipeline p = pipeline(server.uri("/"), policy(4))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0).toMillis()).isBetween(80L, 120L);
            assertThat(waits.get(1).toMillis()).isBetween(160L, 240L);
            assertThat(waits.get(2).toMillis()).isBetween(320L, 480L);
        }
    }

    @Test
    void post_withoutIdempotencyKey_isNotRetriedOn503() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 503, null, ""));
             HttpPipeline p = pipeline(server.uri("/"), policy(3))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("POST", server.uri("/create"))
                    .body("application/json", "{}").build()))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.attempts()).isEqualTo(1));
            assertThat(server.seen()).hasSize(1);
        }
    }

    @Test
    void post_withIdempotencyKey_isRetriedOn503() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, n.incrementAndGet() == 1 ? 503 : 200, null, ""));
             HttpPipeline p = pipeline(server.uri("/"), policy(3))) {
            HttpPipeline.Exchange ex = p.call(HttpRequest.builder("POST", server.uri("/create"))
                    .body("application/json", "{\"requestId\":\"r-1\"}").idempotencyKey("r-1").build());
            assertThat(ex.attempts()).isEqualTo(2);
            assertThat(server.seen()).hasSize(2);
            assertThat(new String(server.seen().get(1).body())).isEqualTo("{\"requestId\":\"r-1\"}");
        }
    }

    @Test
    void status429_withRetryAfterSeconds_waitsAsAsked() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            if (n.incrementAndGet() == 1) {
                respond(ex, 429, "application/problem+json", "{\"title\":\"slow down\"}", "Retry-After", "7");
            } else {
                respond(ex, 200, null, "");
            }
        }); HttpPipeline p = pipeline(server.uri("/"), policy(3))) {
            assertThat(p.call(HttpRequest.builder("GET", server.uri("/x")).build()).attempts()).isEqualTo(2);
            assertThat(waits).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void status429_withRetryAfterHttpDate_waitsUntilThen() throws Exception {
        AtomicInteger n = new AtomicInteger();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(20));
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            if (n.incrementAndGet() == 1) {
                respond(ex, 429, null, "", "Retry-After", date);
            } else {
                respond(ex, 200, null, "");
            }
        }); HttpPipeline p = pipeline(server.uri("/"), policy(3))) {
            p.call(HttpRequest.builder("GET", server.uri("/x")).build());
            assertThat(waits).hasSize(1);
            assertThat(waits.get(0).toSeconds()).isBetween(15L, 20L);
        }
    }

    @Test
    void status429_withRetryAfterBeyondTheCap_failsAtOnceWithTheWait() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 429, null, "", "Retry-After", "120"));
             HttpPipeline p = pipeline(server.uri("/"), policy(3).withMaxRetryAfter(Duration.ofSeconds(30)))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("wait 120 s");
                    });
            assertThat(server.seen()).hasSize(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void connectionRefused_isRetriedEvenForPost_becauseNothingWasSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try (HttpPipeline p = pipeline(base, policy(3))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("POST", base.resolve("/create")).body("text/plain", "x").build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.IO);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.getMessage()).contains("connection refused").contains("after 3 attempts");
                    });
            assertThat(waits).hasSize(2);
        }
    }

    @Test
    void connectionReset_onGet_isRetried() throws Exception {
        try (RawSocketServer server = new RawSocketServer(RawSocketServer.Mode.RESET);
             HttpPipeline p = pipeline(URI.create("http://127.0.0.1:" + server.port()), policy(3))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", URI.create("http://127.0.0.1:" + server.port() + "/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.IO);
                        assertThat(e.attempts()).isEqualTo(3);
                    });
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void connectionReset_onPostWithoutKey_isNotRetried() throws Exception {
        try (RawSocketServer server = new RawSocketServer(RawSocketServer.Mode.RESET);
             HttpPipeline p = pipeline(URI.create("http://127.0.0.1:" + server.port()), policy(3))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("POST", URI.create("http://127.0.0.1:" + server.port() + "/x"))
                    .body("text/plain", "x").build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> assertThat(e.attempts()).isEqualTo(1));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void answerThatIsNotHttp_isAnIoFailure() throws Exception {
        try (RawSocketServer server = new RawSocketServer(RawSocketServer.Mode.GARBAGE);
             HttpPipeline p = pipeline(URI.create("http://127.0.0.1:" + server.port()), policy(2))) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", URI.create("http://127.0.0.1:" + server.port() + "/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> assertThat(e.attempts()).isEqualTo(2));
        }
    }

    @Test
    void readTimeout_isReportedAsTimeout_andRetriedForGet() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, null, "");
        }); HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/"))
                .retryPolicy(policy(2)).readTimeout(Duration.ofMillis(200)).build(), waits::add)) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/slow")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.TIMEOUT);
                        assertThat(e.attempts()).isEqualTo(2);
                    });
            assertThat(server.seen()).hasSize(2);
        }
    }

    @Test
    void retryPolicyNone_makesExactlyOneAttempt() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 503, null, ""));
             HttpPipeline p = pipeline(server.uri("/"), RetryPolicy.none())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.attempts()).isEqualTo(1));
            assertThat(server.seen()).hasSize(1);
        }
    }

    @Test
    void interceptors_runPerAttemptInOrder() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<String> trace = new CopyOnWriteArrayList<>();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, n.incrementAndGet() == 1 ? 503 : 200, null, ""));
             HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/")).retryPolicy(policy(3))
                     .addInterceptor(chain -> {
                         trace.add("first#" + chain.attempt());
                         return chain.proceed(chain.request().toBuilder().header("X-Trace", "t" + chain.attempt()).build());
                     })
                     .addInterceptor(chain -> {
                         trace.add("second#" + chain.attempt());
                         return chain.proceed(chain.request());
                     }).build(), waits::add)) {
            p.call(HttpRequest.builder("GET", server.uri("/x")).build());
            assertThat(trace).containsExactly("first#1", "second#1", "first#2", "second#2");
            assertThat(server.seen()).extracting(s -> s.header("X-Trace")).containsExactly("t1", "t2");
        }
    }
}
