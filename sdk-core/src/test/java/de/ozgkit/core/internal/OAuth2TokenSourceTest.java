package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpTransport;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OAuth2 token source against a token endpoint that holds requests until the test releases
 * them: one request for all concurrent callers, each caller bounded by its own time, no waiting for
 * a caller whose token is still valid, hostile {@code expires_in} values, and both client
 * authentication methods.
 */
class OAuth2TokenSourceTest {

    static final String SECRET = "s3:cr&t=+/%";

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final AtomicInteger requests = new AtomicInteger();
    /** Counted down when the n-th token request has arrived at the endpoint. */
    private final CountDownLatch secondArrived = new CountDownLatch(2);
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    /** Released by the test; requests after {@link #heldFrom} wait for it. */
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int heldFrom = 1;
    private volatile String expiresIn = "300";

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    TestHttpServer tokenEndpoint() throws Exception {
        return TestHttpServer.start((req, ex) -> {
            int n = requests.incrementAndGet();
            firstArrived.countDown();
            secondArrived.countDown();
            if (n >= heldFrom) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            respond(ex, 200, "application/json", "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":" + expiresIn + "}");
        });
    }

    static OAuth2TokenSource source(TestHttpServer server, HttpTransport transport, java.time.Clock clock) {
        return new OAuth2TokenSource(new Credentials.OAuth2ClientCredentials(server.uri("/token"), "client", SECRET,
                List.of()), transport, clock);
    }

    static HttpTransport transport(TestHttpServer server) {
        return HttpTransport.create(OzgClientConfig.builder().baseUri(server.uri("/")).build());
    }

    @Test
    void concurrentCallers_shareOneRequest_andEachWaitsOnlyItsOwnTime() throws Exception {
        try (TestHttpServer server = tokenEndpoint(); HttpTransport transport = transport(server)) {
            OAuth2TokenSource source = source(server, transport, java.time.Clock.systemUTC());
            Future<String> first = pool.submit(() -> source.token(Duration.ofSeconds(30)));
            assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> source.token(Duration.ofSeconds(30)));
            Future<String> hasty = pool.submit(() -> source.token(Duration.ofMillis(200)));
            // the hasty caller gives up after its own time, while the endpoint still holds the request
            assertThatThrownBy(() -> hasty.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InterruptedIOException.class);
            assertThat(first.isDone()).isFalse();
            assertThat(second.isDone()).isFalse();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
            assertThat(requests.get()).isEqualTo(1);
            assertThat(source.fetchCount()).isEqualTo(1);
        }
    }

    @Test
    void callerWithAValidToken_neverWaits_whileAnotherRenewsIt() throws Exception {
        AuthAndTransportTest.ManualClock clock = new AuthAndTransportTest.ManualClock();
        heldFrom = 2;
        expiresIn = "100";
        try (TestHttpServer server = tokenEndpoint(); HttpTransport transport = transport(server)) {
            OAuth2TokenSource source = source(server, transport, clock);
            assertThat(source.token(Duration.ofSeconds(10))).isEqualTo("token-1");
            clock.advance(Duration.ofSeconds(80)); // inside the renewal margin, 20 s before expiry
            Future<String> renewing = pool.submit(() -> source.token(Duration.ofSeconds(30)));
            assertThat(secondArrived.await(10, TimeUnit.SECONDS)).isTrue();
            // the endpoint holds the renewal; a caller with one millisecond gets the still valid token
            assertThat(source.token(Duration.ofMillis(1))).isEqualTo("token-1");
            assertThat(renewing.isDone()).isFalse();
            release.countDown();
            assertThat(renewing.get(10, TimeUnit.SECONDS)).isEqualTo("token-2");
            assertThat(source.token(Duration.ofMillis(1))).isEqualTo("token-2");
        }
    }

    @Test
    void tokenWhoseLifetimeHasEnded_makesCallersWait_boundedByTheirTime() throws Exception {
        AuthAndTransportTest.ManualClock clock = new AuthAndTransportTest.ManualClock();
        heldFrom = 2;
        expiresIn = "100";
        try (TestHttpServer server = tokenEndpoint(); HttpTransport transport = transport(server)) {
            OAuth2TokenSource source = source(server, transport, clock);
            source.token(Duration.ofSeconds(10));
            clock.advance(Duration.ofSeconds(101));
            assertThatThrownBy(() -> source.token(Duration.ofMillis(200))).isInstanceOf(InterruptedIOException.class);
            // the request that ran out of time did not poison the next caller
            release.countDown();
            assertThat(source.token(Duration.ofSeconds(10))).startsWith("token-");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "99999999999999999999999999", "1e400", "-5", "0", "\"86400000000\"",
        "\"soon\"", "null", "{}", "[1]"})
    void hostileExpiresIn_isClampedOrIgnored_andTheTokenWorks(String value) throws Exception {
        AuthAndTransportTest.ManualClock clock = new AuthAndTransportTest.ManualClock();
        heldFrom = Integer.MAX_VALUE;
        expiresIn = value;
        try (TestHttpServer server = tokenEndpoint(); HttpTransport transport = transport(server)) {
            OAuth2TokenSource source = source(server, transport, clock);
            assertThat(source.token(Duration.ofSeconds(10))).isEqualTo("token-1");
            assertThat(source.token(Duration.ofSeconds(10))).isEqualTo("token-1");
            // no lifetime is believed beyond one day
            clock.advance(OAuth2TokenSource.MAX_LIFETIME);
            assertThat(source.token(Duration.ofSeconds(10))).isEqualTo("token-2");
        }
    }

    @Test
    void clientSecretBasic_andClientSecretPost_sendTheSecretWhereConfigured() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, "application/json",
                "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}"));
             HttpTransport transport = transport(server)) {
            Credentials.OAuth2ClientCredentials basic = new Credentials.OAuth2ClientCredentials(server.uri("/token"),
                    "client id", SECRET, List.of("a", "b"));
            new OAuth2TokenSource(basic, transport, java.time.Clock.systemUTC()).token();
            new OAuth2TokenSource(basic.withAuthentication(Credentials.ClientAuthentication.CLIENT_SECRET_POST), transport,
                    java.time.Clock.systemUTC()).token();
            TestHttpServer.Seen viaBasic = server.seen().get(0);
            TestHttpServer.Seen viaPost = server.seen().get(1);
            String pair = "client+id:" + java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
            assertThat(viaBasic.header("Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            assertThat(new String(viaBasic.body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials&scope=a+b");
            assertThat(viaPost.header("Authorization")).isNull();
            String form = new String(viaPost.body(), StandardCharsets.UTF_8);
            assertThat(form).startsWith("grant_type=client_credentials&scope=a+b&client_id=client+id&client_secret=");
            assertThat(URLDecoder.decode(form.substring(form.indexOf("client_secret=") + 14), StandardCharsets.UTF_8))
                    .isEqualTo(SECRET);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"access_token\":5,\"token_type\":\"Bearer\"}", "{\"access_token\":\"a\\r\\nX: y\",\"token_type\":\"Bearer\"}",
        "{\"access_token\":\"a\",\"token_type\":\"MAC\"}", "[]", "", "{\"access_token\":\"a\"", "\u0000"})
    void hostileTokenAnswers_areProtocolErrors(String body) throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, "application/json", body));
             HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/")).retryPolicy(RetryPolicy.none())
                     .credentials(Credentials.oauth2ClientCredentials(server.uri("/token"), "c", SECRET, List.of())).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/api")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL))
                    .hasMessageNotContaining(SECRET);
        }
    }
}
