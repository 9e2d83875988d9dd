package de.ozgkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The wire log's redaction, fed the bytes of a conversation in random pieces (down to single
 * bytes), as socket reads and writes may split it: no secret ever reaches the log, whatever the
 * split, and everything else does.
 */
class RedactingConnectionsTest {

    static final String[] SECRETS = {"Zm9vOmJhcg-basic", "tok-bearer-77", "cs-secret-88", "at-token-99", "rt-token-11",
        "pp-proxy-22"};

    static final String CONVERSATION = "POST /token HTTP/1.1\r\nAuthorization: Basic Zm9vOmJhcg-basic\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
            + "grant_type=client_credentials&client_id=c&client_secret=cs-secret-88"
            + "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
            + "{\"access_token\":\"at-token-99\",\"refresh_token\" : \"rt-token-11\",\"token_type\":\"Bearer\"}"
            + "GET /api HTTP/1.1\r\nauthorization: Bearer tok-bearer-77\r\nPROXY-AUTHORIZATION: Basic pp-proxy-22\r\n\r\n"
            + "{\"note\":\"kept\"}";

    /** Collects what the wire log writes. */
    static final class Capture extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        final List<String> lines = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            lines.add(MessageFormatter.arrayFormat(pattern, args).getMessage());
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }

    @Test
    void secretsSplitAcrossReadsAndWritesAnyhow_neverReachTheLog() {
        byte[] bytes = CONVERSATION.getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            Capture log = new Capture();
            RedactingConnections.WireLine wire = new RedactingConnections.WireLine(log, "http-outgoing-1", ">>");
            int max = round < 10 ? 1 : 1 + random.nextInt(40);
            int formEnd = CONVERSATION.indexOf("HTTP/1.1 200");
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(max));
                if (at < formEnd && at + n > formEnd) {
                    n = formEnd - at;
                }
                wire.bytes(bytes, at, n);
                at += n;
                if (at == formEnd) {
                    wire.flush(); // the client flushes the stream when a request has been written
                }
            }
            wire.flush();
            String all = String.join("\n", log.lines);
            for (String secret : SECRETS) {
                assertThat(all).as("round %d shows %s", round, secret).doesNotContain(secret);
            }
            // the pieces put together again: everything but the secrets is there
            String restored = all.replaceAll("http-outgoing-1 >> \"|\"(\n|$)", "").replace("[\\r]", "\r").replace("[\\n]", "\n");
            assertThat(restored).contains("Authorization: <redacted>\r\n").contains("client_secret=<redacted>")
                    .contains("\"access_token\":\"<redacted>\"").contains("\"refresh_token\" : \"<redacted>\"")
                    .contains("PROXY-AUTHORIZATION: <redacted>").contains("\"token_type\":\"Bearer\"")
                    .contains("{\"note\":\"kept\"}");
            assertThat(restored.replace("<redacted>", "")).hasSize(CONVERSATION.length() - secretLengths());
        }
    }

    private static int secretLengths() {
        int n = 0;
        for (String s : SECRETS) {
            n += s.length();
        }
        // the header rule replaces the whole value, the scheme included
        return n + "Basic ".length() + "Bearer ".length() + "Basic ".length();
    }

    @Test
    void overlongLineWithASecret_isCutAndTheRestOfTheSecretSwallowed() {
        Capture log = new Capture();
        RedactingConnections.WireLine wire = new RedactingConnections.WireLine(log, "id", "<<");
        String huge = "Authorization: Bearer " + "s".repeat(3 * RedactingConnections.WireLine.MAX_LINE) + "\r\nNext: 1\r\n";
        byte[] bytes = huge.getBytes(StandardCharsets.US_ASCII);
        wire.bytes(bytes, 0, bytes.length);
        wire.flush();
        assertThat(String.join("\n", log.lines)).doesNotContain("sss").contains("Authorization: <redacted>").contains("Next: 1");
    }
}
