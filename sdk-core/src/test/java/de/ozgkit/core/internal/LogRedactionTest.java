package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With HttpClient's header and wire loggers at DEBUG, what the transport logs contains no secret:
 * checked in a JVM of its own (so that the log levels are set before any logger exists) that sends
 * requests with every kind of credentials ({@link RedactionProbe}); its whole log output is read
 * back and searched for each secret, also Base64-encoded as in a Basic header.
 */
class LogRedactionTest {

    static final String PASSWORD = "basic-pw-4711";
    static final String BEARER = "bearer-tok-4712";
    static final String CLIENT_SECRET = "client-secret-4713";
    static final String PROXY_PASSWORD = "proxy-pw-4714";
    static final String ACCESS_TOKEN = "access-tok-4715";

    @Test
    void headerAndWireLogsAtDebug_showNoCredentials(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin,
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=debug",
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=debug",
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http=debug",
                "-Dorg.slf4j.simpleLogger.log.de.ozgkit=debug",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-cp", System.getProperty("java.class.path"), RedactionProbe.class.getName(),
                PASSWORD, BEARER, CLIENT_SECRET, PROXY_PASSWORD, ACCESS_TOKEN));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(done).as("the probe JVM finished").isTrue();
        assertThat(log).as(log).contains("DONE");
        // the loggers did write: request lines, the header names and the bodies are there
        assertThat(log).contains("org.apache.hc.client5.http.headers").contains("org.apache.hc.client5.http.wire")
                .contains(">> Authorization: <redacted>").contains(">> Proxy-Authorization: <redacted>")
                .contains("client_secret=<redacted>").contains("\"access_token\":\"<redacted>\"")
                .contains("{\"a\":1}");
        for (String secret : List.of(PASSWORD, BEARER, CLIENT_SECRET, PROXY_PASSWORD, ACCESS_TOKEN)) {
            assertThat(log).as("the log shows " + secret).doesNotContain(secret);
        }
        for (String pair : List.of("user:" + PASSWORD, "client:" + CLIENT_SECRET, "proxyuser:" + PROXY_PASSWORD)) {
            String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            assertThat(log).as("the log shows the Basic header of " + pair).doesNotContain(encoded);
        }
    }
}
