package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.ProxyConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import java.net.URI;
import java.util.List;

/**
 * Run in a JVM of its own by {@link LogRedactionTest}, with HttpClient's header and wire loggers at
 * DEBUG: sends requests with every kind of credentials (Basic, Bearer, OAuth2 with Basic and with
 * the secret in the form body, proxy Basic) to loopback servers, then prints {@code DONE}.
 */
public final class RedactionProbe {

    private RedactionProbe() {
    }

    /**
     * @param args the secrets to use: basic password, bearer token, client secret, proxy password
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String password = args[0];
        String bearer = args[1];
        String clientSecret = args[2];
        String proxyPassword = args[3];
        String accessToken = args[4];
        try (TestHttpServer server = TestHttpServer.start((req, ex) -> {
            if (req.uri().getPath().equals("/token")) {
                respond(ex, 200, "application/json", "{\"access_token\":\"" + accessToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
            } else if (req.header("Proxy-Authorization") == null && req.uri().isAbsolute()) {
                respond(ex, 407, "text/plain", "auth", "Proxy-Authenticate", "Basic realm=\"proxy\"");
            } else {
                respond(ex, 200, "application/json", "{\"ok\":true}");
            }
        })) {
            URI token = server.uri("/token");
            List<Credentials> all = List.of(Credentials.basic("user", password), Credentials.bearer(bearer),
                    Credentials.oauth2ClientCredentials(token, "client", clientSecret, List.of()),
                    Credentials.oauth2ClientCredentials(token, "client", clientSecret, List.of(),
                            Credentials.ClientAuthentication.CLIENT_SECRET_POST));
            for (Credentials c : all) {
                try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/"))
                        .retryPolicy(RetryPolicy.none()).credentials(c).build())) {
                    p.call(HttpRequest.builder("POST", server.uri("/api")).body("application/json", "{\"a\":1}").build());
                    p.call(HttpRequest.builder("GET", server.uri("/api")).build());
                }
            }
            try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri("http://service.invalid/api")
                    .retryPolicy(RetryPolicy.none()).credentials(Credentials.bearer(bearer))
                    .allowCredentialsOverPlainHttp(true)
                    .proxy(new ProxyConfig("127.0.0.1", server.port(), "proxyuser", proxyPassword)).build())) {
                p.call(HttpRequest.builder("GET", p.resolve("items")).build());
            }
        }
        System.out.println("DONE");
    }
}
