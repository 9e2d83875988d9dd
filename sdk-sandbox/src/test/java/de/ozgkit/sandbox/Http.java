package de.ozgkit.sandbox;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain HTTP client for the tests (Apache HttpClient 5 classic) with automatic retries and
 * redirects switched off, so that every request the test makes is exactly one request the
 * sandbox sees.
 */
public final class Http implements AutoCloseable {

    /** A status, the headers and the body of one answer. */
    public record Answer(int status, List<Header> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getName().equalsIgnoreCase(name)).map(Header::getValue).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(64).setMaxConnTotal(64).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .build();

    public Answer get(URI uri) throws IOException {
        return send(ClassicRequestBuilder.get(uri).build());
    }

    public Answer send(String method, URI uri) throws IOException {
        return send(ClassicRequestBuilder.create(method).setUri(uri).build());
    }

    public Answer send(String method, URI uri, String contentType, byte[] body) throws IOException {
        return send(ClassicRequestBuilder.create(method).setUri(uri)
                .setEntity(new ByteArrayEntity(body, ContentType.parse(contentType))).build());
    }

    public Answer postJson(URI uri, String json) throws IOException {
        return send("POST", uri, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body chunked, without Content-Length. */
    public Answer postChunked(URI uri, String contentType, byte[] body) throws IOException {
        return send(ClassicRequestBuilder.post(uri)
                .setEntity(new InputStreamEntity(new ByteArrayInputStream(body), -1, ContentType.parse(contentType)))
                .build());
    }

    public Answer send(ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> new Answer(response.getCode(), List.of(response.getHeaders()),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    /** Like {@link #get(URI)} for use in lambdas. */
    public Answer getUnchecked(URI uri) {
        try {
            return get(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static URI uri(URI base, String path) {
        return URI.create(base + path);
    }

    public static List<String> values(List<Header> headers, String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            if (h.getName().equalsIgnoreCase(name)) {
                out.add(h.getValue());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
