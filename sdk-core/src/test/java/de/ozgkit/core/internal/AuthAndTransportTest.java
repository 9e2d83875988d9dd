package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.ProxyConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AuthAndTransportTest {

    private static final String SECRET = "s3cr3t-client-secret";

    /** A clock the test moves forward by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static OzgClientConfig.Builder config(TestHttpServer server) {
        return OzgClientConfig.builder().baseUri(server.uri("/")).retryPolicy(RetryPolicy.none());
    }

    @Test
    void basicCredentials_areSentAsAuthorizationHeader() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, null, ""));
             HttpPipeline p = new HttpPipeline(config(server).credentials(Credentials.basic("kommune", "pa:ss")).build())) {
            p.call(HttpRequest.builder("GET", server.uri("/x")).build());
            assertThat(server.seen().get(0).header("Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("kommune:pa:ss".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void bearerCredentials_areSent() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, null, ""));
             HttpPipeline p = new HttpPipeline(config(server).credentials(Credentials.bearer("tok")).build())) {
            p.call(HttpRequest.builder("GET", server.uri("/x")).build());
            assertThat(server.seen().get(0).header("Authorization")).isEqualTo("Bearer tok");
        }
    }

    /** A token endpoint at /token and an API at /api that accepts only tokens the endpoint issued and did not revoke. */
    private static final class OAuthServer implements AutoCloseable {
        final AtomicInteger issued = new AtomicInteger();
        final Set<String> valid = ConcurrentHashMap.newKeySet();
        final TestHttpServer server;

        OAuthServer(long expiresIn) throws Exception {
            server = TestHttpServer.start((req, ex) -> {
                if (req.uri().getPath().equals("/token")) {
                    String auth = req.header("Authorization");
                    String expected = "Basic " + Base64.getEncoder().encodeToString(("client:" + SECRET).getBytes(StandardCharsets.UTF_8));
                    String body = new String(req.body(), StandardCharsets.UTF_8);
                    if (!expected.equals(auth) || !body.startsWith("grant_type=client_credentials")) {
                        respond(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
                        return;
                    }
                    String token = "token-" + issued.incrementAndGet();
                    valid.add(token);
                    respond(ex, 200, "application/json",
                            "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
                } else {
                    String auth = req.header("Authorization");
                    boolean ok = auth != null && auth.startsWith("Bearer ") && valid.contains(auth.substring(7));
                    respond(ex, ok ? 200 : 401, "application/problem+json", ok ? "{}" : "{\"title\":\"invalid token\"}");
                }
            });
        }

        Credentials credentials(String secret) {
            return Credentials.oauth2ClientCredentials(server.uri("/token"), "client", secret, List.of("payment"));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void oauth2_tokenIsFetchedOnceAndCached() throws Exception {
        try (OAuthServer oauth = new OAuthServer(3600);
             HttpPipeline p = new HttpPipeline(config(oauth.server).credentials(oauth.credentials(SECRET)).build())) {
            for (int i = 0; i < 5; i++) {
                assertThat(p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build()).response().status()).isEqualTo(200);
            }
            assertThat(oauth.issued.get()).isEqualTo(1);
            assertThat(new String(oauth.server.seen().get(0).body(), StandardCharsets.UTF_8))
                    .isEqualTo("grant_type=client_credentials&scope=payment");
        }
    }

    @Test
    void oauth2_tokenIsRenewedShortlyBeforeItExpires() throws Exception {
        ManualClock clock = new ManualClock();
        try (OAuthServer oauth = new OAuthServer(300);
             HttpPipeline p = new HttpPipeline(config(oauth.server).credentials(oauth.credentials(SECRET)).build(),
                     d -> { }, clock)) {
            p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build());
            clock.advance(Duration.ofSeconds(250)); // still 50 s left: more than the 30 s margin
            p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build());
            assertThat(oauth.issued.get()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(25)); // 25 s left: inside the margin, renew before use
            p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build());
            assertThat(oauth.issued.get()).isEqualTo(2);
            assertThat(oauth.server.seen()).extracting(s -> s.header("Authorization")).last().isEqualTo("Bearer token-2");
        }
    }

    @Test
    void oauth2_whenServiceRejectsTheCachedToken_renewsOnceAndSucceeds() throws Exception {
        try (OAuthServer oauth = new OAuthServer(3600);
             HttpPipeline p = new HttpPipeline(config(oauth.server).credentials(oauth.credentials(SECRET)).build())) {
            p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build());
            oauth.valid.clear(); // the provider revokes every token
            HttpPipeline.Exchange ex = p.call(HttpRequest.builder("POST", oauth.server.uri("/api")).body("text/plain", "x").build());
            assertThat(ex.response().status()).isEqualTo(200);
            assertThat(oauth.issued.get()).isEqualTo(2);
        }
    }

    @Test
    void oauth2_whenRenewedTokenIsAlsoRejected_givesAuthenticationException() throws Exception {
        AtomicInteger tokenCalls = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            if (req.uri().getPath().equals("/token")) {
                tokenCalls.incrementAndGet();
                respond(ex, 200, "application/json", "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3600}");
            } else {
                respond(ex, 401, "application/problem+json", "{\"title\":\"invalid token\"}");
            }
        }); HttpPipeline p = new HttpPipeline(config(server).credentials(
                Credentials.oauth2ClientCredentials(server.uri("/token"), "client", SECRET, List.of())).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/api")).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining(SECRET);
            assertThat(tokenCalls.get()).isEqualTo(2);
        }
    }

    @Test
    void oauth2_wrongClientSecret_givesAuthenticationExceptionWithoutTheSecret() throws Exception {
        try (OAuthServer oauth = new OAuthServer(3600);
             HttpPipeline p = new HttpPipeline(config(oauth.server).credentials(oauth.credentials("wrong-" + SECRET)).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", oauth.server.uri("/api")).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageContaining("client id and secret")
                    .hasMessageNotContaining(SECRET);
            assertThat(oauth.server.seen()).hasSize(1); // the API was never called
        }
    }

    @Test
    void oauth2_tokenEndpointAnsweringGarbage_isAProtocolError() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, "application/json", "{\"token_type\":\"Bearer\"}"));
             HttpPipeline p = new HttpPipeline(config(server).credentials(
                     Credentials.oauth2ClientCredentials(server.uri("/token"), "c", SECRET, List.of())).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/api")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL))
                    .hasMessageContaining("no access_token");
        }
    }

    @Test
    void secrets_neverAppearInConfigToString() {
        OzgClientConfig config = OzgClientConfig.builder()
                .credentials(Credentials.oauth2ClientCredentials(java.net.URI.create("https://idp/token"), "c", SECRET, List.of()))
                .proxy(new ProxyConfig("proxy", 3128, "u", "proxy-" + SECRET)).build();
        assertThat(config.toString()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(Credentials.basic("u", SECRET).toString()).doesNotContain(SECRET);
        assertThat(Credentials.bearer(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void gzipResponse_isDecompressedTransparently() throws Exception {
        byte[] gz;
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write("{\"hello\":\"welt\"}".getBytes(StandardCharsets.UTF_8));
        }
        gz = bos.toByteArray();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, gz.length);
            ex.getResponseBody().write(gz);
            ex.getResponseBody().close();
        }); HttpPipeline p = new HttpPipeline(config(server).build())) {
            HttpResponse r = p.call(HttpRequest.builder("GET", server.uri("/x")).build()).response();
            assertThat(r.bodyAsString()).isEqualTo("{\"hello\":\"welt\"}");
            assertThat(server.seen().get(0).header("Accept-Encoding")).contains("gzip");
        }
    }

    @Test
    void oversizedResponse_isRefusedAsProtocolError() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 200, "text/plain", "x".repeat(10_000)));
             HttpPipeline p = new HttpPipeline(config(server).maxResponseBytes(2048).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                        assertThat(e.getMessage()).contains("more than the limit of 2048 bytes");
                    });
        }
    }

    @Test
    void gzipBomb_isStoppedByTheResponseLimit() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(new byte[20 * 1024 * 1024]); // 20 MiB of zeros compress to ~20 KiB
        }
        byte[] gz = bos.toByteArray();
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, gz.length);
            ex.getResponseBody().write(gz);
            ex.getResponseBody().close();
        }); HttpPipeline p = new HttpPipeline(config(server).maxResponseBytes(1024 * 1024).build())) {
            assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", server.uri("/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL));
        }
    }

    @Test
    void userAgent_isSent() throws Exception {
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> respond(ex, 204, null, ""));
             HttpPipeline p = new HttpPipeline(config(server).userAgent("Fachverfahren/1.0").build())) {
            p.call(HttpRequest.builder("GET", server.uri("/x")).build());
            assertThat(server.seen().get(0).header("User-Agent")).isEqualTo("Fachverfahren/1.0");
        }
    }

    @Test
    void proxy_withBasicAuthentication_carriesTheRequest() throws Exception {
        // the "proxy" answers absolute-form requests itself after checking Proxy-Authorization
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxyuser:proxypass".getBytes(StandardCharsets.UTF_8));
        try (TestHttpServer proxy = TestHttpServer.start((req, ex) -> {
            if (!expected.equals(req.header("Proxy-Authorization"))) {
                respond(ex, 407, "text/plain", "auth", "Proxy-Authenticate", "Basic realm=\"proxy\"");
            } else {
                respond(ex, 200, "text/plain", "via proxy to " + req.uri());
            }
        }); HttpPipeline p = new HttpPipeline(OzgClientConfig.builder()
                .baseUri("http://service.invalid/api")
                .proxy(new ProxyConfig("127.0.0.1", proxy.port(), "proxyuser", "proxypass"))
                .retryPolicy(RetryPolicy.none()).build())) {
            HttpResponse r = p.call(HttpRequest.builder("GET", p.resolve("items", "a b")).build()).response();
            assertThat(r.bodyAsString()).isEqualTo("via proxy to http://service.invalid/api/items/a%20b");
            assertThat(proxy.seen()).hasSize(2); // challenge, then the authenticated request
        }
    }

    @Test
    void resolve_encodesPathSegments() {
        try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri("https://h.example/base/").build())) {
            assertThat(p.resolve("paymenttransaction", "o/../x", "ä?#").toString())
                    .isEqualTo("https://h.example/base/paymenttransaction/o%2F..%2Fx/%C3%A4%3F%23");
        }
    }

    @Test
    void missingBaseUri_isAConfigurationError() {
        try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().build())) {
            assertThatThrownBy(() -> p.resolve("x"))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION))
                    .hasMessageContaining("baseUri");
        }
    }
}
