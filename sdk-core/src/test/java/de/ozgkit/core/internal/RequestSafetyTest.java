package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the pipeline refuses to send: credentials over plain http to anything but loopback, path
 * segments that are path steps; and what it refuses to believe: status codes outside HTTP's range.
 */
class RequestSafetyTest {

    static final String SECRET = "pa55-w0rd-secret";

    static List<Credentials> allCredentials(URI tokenUri) {
        return List.of(Credentials.basic("user", SECRET), Credentials.bearer(SECRET),
                Credentials.oauth2ClientCredentials(tokenUri, "client", SECRET, List.of()));
    }

    @Test
    void baseUriTextThatIsNoUri_isAConfigurationError() {
        assertThatThrownBy(() -> OzgClientConfig.builder().baseUri("https://payment example.org/api"))
                .isInstanceOfSatisfying(OzgClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION))
                .hasMessageContaining("base URI is not a URI (Illegal character in authority at index 8)");
    }

    @Test
    void credentialsOverPlainHttpToAnotherHost_areRefusedAsConfigurationError() {
        URI remote = URI.create("http://payment.example.org/api");
        for (Credentials c : allCredentials(URI.create("https://idp.example.org/token"))) {
            assertThatThrownBy(() -> new HttpPipeline(OzgClientConfig.builder().baseUri(remote).credentials(c).build()))
                    .as(c.toString())
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION);
                        assertThat(e.getMessage()).contains("plain http").contains("payment.example.org")
                                .contains("allowCredentialsOverPlainHttp").doesNotContain(SECRET);
                    });
        }
        // the OAuth2 client secret goes to the token endpoint: a plain http token URI is refused as well
        Credentials plainTokenUri = Credentials.oauth2ClientCredentials(URI.create("http://idp.example.org/token"),
                "client", SECRET, List.of());
        assertThatThrownBy(() -> new HttpPipeline(OzgClientConfig.builder().baseUri("https://payment.example.org/api")
                .credentials(plainTokenUri).build()))
                .isInstanceOfSatisfying(OzgClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION))
                .hasMessageContaining("idp.example.org");
    }

    @Test
    void credentialsOverHttps_toLoopback_orWhenAllowed_areAccepted() {
        for (String base : List.of("https://payment.example.org/api", "http://127.0.0.1:8080/api", "http://localhost/api",
                "http://[::1]:9/api", "http://127.5.6.7/")) {
            for (Credentials c : allCredentials(URI.create(base.replace("/api", "") + "/token"))) {
                new HttpPipeline(OzgClientConfig.builder().baseUri(base).credentials(c).build()).close();
            }
        }
        for (Credentials c : allCredentials(URI.create("http://idp.example.org/token"))) {
            new HttpPipeline(OzgClientConfig.builder().baseUri("http://payment.example.org/api").credentials(c)
                    .allowCredentialsOverPlainHttp(true).build()).close();
        }
        // without credentials plain http is nobody's business but the caller's
        new HttpPipeline(OzgClientConfig.builder().baseUri("http://payment.example.org/api").build()).close();
    }

    @Test
    void aRequestToAnotherPlainHttpHost_isRefusedBeforeAnythingIsSent() {
        try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri("https://payment.example.org/api")
                .credentials(Credentials.basic("user", SECRET)).retryPolicy(RetryPolicy.none()).build())) {
            assertThatThrownBy(() -> p.send(HttpRequest.builder("GET", URI.create("http://127.0.0.1.evil.example/x")).build()))
                    .isInstanceOfSatisfying(OzgClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION);
                        assertThat(e.attempts()).isZero();
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "...", ""})
    void pathSegmentsOfDotsOnly_areRefused(String segment) {
        try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri("https://pay.example.org/v1").build())) {
            assertThatThrownBy(() -> p.resolve("paymenttransaction", "o", "e", segment))
                    .isInstanceOfSatisfying(OzgClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.INVALID_ARGUMENT))
                    .hasMessageContaining("path segment");
        }
    }

    @Test
    void pathSegmentsWithDotsAndOtherCharacters_areEncodedAndKept() {
        try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder().baseUri("https://pay.example.org/v1/").build())) {
            assertThat(p.resolve("a..b", ".x", "%2E%2E", "../etc", "a/b").toString())
                    .isEqualTo("https://pay.example.org/v1/a..b/.x/%252E%252E/..%2Fetc/a%2Fb");
            assertThat(p.resolve("x", "..y").normalize().getRawPath()).isEqualTo("/v1/x/..y");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "600", "099", "000"})
    void statusOutsideHttpsRange_isAClientErrorNotACrash(String status) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write(("HTTP/1.1 " + status + " Weird\r\nContent-Length: 2\r\n\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // test ends
                }
            });
            t.start();
            try (HttpPipeline p = new HttpPipeline(OzgClientConfig.builder()
                    .baseUri("http://127.0.0.1:" + socket.getLocalPort()).retryPolicy(RetryPolicy.none()).build())) {
                assertThatThrownBy(() -> p.call(HttpRequest.builder("GET", p.resolve("x")).build()))
                        .isInstanceOf(OzgClientException.class);
            }
            t.join();
        }
    }
}
