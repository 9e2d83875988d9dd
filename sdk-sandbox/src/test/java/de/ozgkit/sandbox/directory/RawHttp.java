package de.ozgkit.sandbox.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/** One plain HTTP request with the JDK's URL connection: no ozgkit code between test and server. */
final class RawHttp {

    record Answer(int status, String contentType, String allow, byte[] body) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private RawHttp() {
    }

    static Answer get(String uri, String... headers) throws IOException {
        return send("GET", uri, headers);
    }

    static Answer send(String method, String uri, String... headers) throws IOException {
        return send(method, URI.create(uri).toURL(), headers);
    }

    /** A GET of a URL that {@link URI} would refuse (broken percent-encoding), sent as written. */
    @SuppressWarnings("deprecation")
    static Answer getRaw(String url) throws IOException {
        return send("GET", new URL(url));
    }

    private static Answer send(String method, URL url, String... headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod(method);
        c.setInstanceFollowRedirects(false);
        // no idle keep-alive connection outlives the test: the sandbox's graceful stop would wait for it
        c.setRequestProperty("Connection", "close");
        for (int i = 0; i < headers.length; i += 2) {
            c.setRequestProperty(headers[i], headers[i + 1]);
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Answer(status, c.getContentType(), c.getHeaderField("Allow"), in == null ? new byte[0] : in.readAllBytes());
        } finally {
            c.disconnect();
        }
    }
}
