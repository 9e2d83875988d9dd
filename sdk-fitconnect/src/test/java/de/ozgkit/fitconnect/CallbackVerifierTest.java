package de.ozgkit.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Callback authentication: HMAC-SHA512 over "timestamp.body", 5-minute window, constant-time comparison. */
class CallbackVerifierTest {

    static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
    static final byte[] BODY = ("{\"type\":\"https://schema.fitko.de/fit-connect/submission-api/callbacks/new-submissions\","
            + "\"submissionIds\":[\"f39ab143-d91a-474a-b69f-b00f1a1873c2\"],\"submissions\":[{\"destinationId\":"
            + "\"d12caea8-f372-4eb1-b102-b0a228253a11\",\"submissionId\":\"f39ab143-d91a-474a-b69f-b00f1a1873c2\","
            + "\"caseId\":\"9eec7d3e-dc66-4f82-9f52-1520bf96a32e\"}]}").getBytes(StandardCharsets.UTF_8);
    static final CallbackVerifier VERIFIER = CallbackVerifier.create("geheim \u1E9E", Clock.fixed(NOW, ZoneOffset.UTC));

    static void refused(String auth, String ts, byte[] body, Check check) {
        assertThatThrownBy(() -> VERIFIER.verify(auth, ts, body)).isInstanceOfSatisfying(
                FitConnectVerificationException.class, e -> assertThat(e.check()).isEqualTo(check));
    }

    @Test
    void genuineCallback_isRead() {
        String ts = Long.toString(NOW.minusSeconds(299).getEpochSecond());
        Callback c = VERIFIER.verify(CallbackVerifier.authentication("geheim \u1E9E", ts, BODY), ts, BODY);
        assertThat(c.type()).isEqualTo(Callback.NEW_SUBMISSIONS);
        assertThat(c.submissions()).hasSize(1);
        // upper-case hex is the same MAC
        assertThat(VERIFIER.verify(CallbackVerifier.authentication("geheim \u1E9E", ts, BODY).toUpperCase(), ts, BODY)
                .submissions()).hasSize(1);
    }

    @Test
    void macOfTheDocumentedExample_isComputedAsTheServiceDoes() {
        // the HMAC input is "<timestamp>.<body>" exactly, UTF-8, keyed with the secret
        String a = CallbackVerifier.authentication("s", "1", "x".getBytes(StandardCharsets.UTF_8));
        String b = CallbackVerifier.authentication("s", "1.x", new byte[0]);
        assertThat(a).hasSize(128).isNotEqualTo(b);
    }

    @Test
    void expiredFutureForgedAndMalformedCallbacks_areRefusedWithTheirCheck() {
        String old = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        refused(CallbackVerifier.authentication("geheim \u1E9E", old, BODY), old, BODY, Check.CALLBACK_TIMESTAMP);
        String future = Long.toString(NOW.plusSeconds(120).getEpochSecond());
        refused(CallbackVerifier.authentication("geheim \u1E9E", future, BODY), future, BODY, Check.CALLBACK_TIMESTAMP);
        String ts = Long.toString(NOW.getEpochSecond());
        refused(CallbackVerifier.authentication("other", ts, BODY), ts, BODY, Check.CALLBACK_HMAC);
        byte[] changed = BODY.clone();
        changed[changed.length - 3] ^= 1;
        refused(CallbackVerifier.authentication("geheim \u1E9E", ts, BODY), ts, changed, Check.CALLBACK_HMAC);
        // the timestamp is part of the MAC: a fresh timestamp on an old MAC fails
        refused(CallbackVerifier.authentication("geheim \u1E9E", old, BODY), ts, BODY, Check.CALLBACK_HMAC);
        refused("zz", ts, BODY, Check.CALLBACK_HMAC);
        refused("", ts, BODY, Check.CALLBACK_HMAC);
        refused(null, ts, BODY, Check.CALLBACK_MALFORMED);
        refused("ab", "1.5e9", BODY, Check.CALLBACK_MALFORMED);
        refused("ab", ts, new byte[CallbackVerifier.MAX_BODY_BYTES + 1], Check.CALLBACK_MALFORMED);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        refused(CallbackVerifier.authentication("geheim \u1E9E", ts, notJson), ts, notJson, Check.CALLBACK_MALFORMED);
    }
}
