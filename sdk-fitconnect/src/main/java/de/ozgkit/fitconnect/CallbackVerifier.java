package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgClientException;
import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.fitconnect.internal.FcJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a callback comes from the submission service: the header {@code callback-authentication}
 * must be the hex HMAC-SHA512, under the callback secret, of {@code "{callback-timestamp}.{raw body}"},
 * compared in constant time; the header {@code callback-timestamp} (Unix seconds) must be at most
 * 5 minutes old (and not more than a minute ahead of this clock).
 *
 * <pre>{@code
 * CallbackVerifier verifier = CallbackVerifier.create(callbackSecret);
 * Callback callback = verifier.verify(request.header("callback-authentication"),
 *         request.header("callback-timestamp"), request.rawBody());
 * }</pre>
 *
 * <p>Pass the body exactly as received: the HMAC covers its bytes. Thread-safe.
 */
public final class CallbackVerifier {

    /** How old a callback may be. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How far ahead of this clock a callback's timestamp may be. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(1);
    /** The largest body accepted. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final byte[] secret;
    private final Clock clock;

    private CallbackVerifier(byte[] secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * @param secret the callback secret configured for the destination or the submission
     * @return a verifier on the system clock
     */
    public static CallbackVerifier create(String secret) {
        return create(secret, Clock.systemUTC());
    }

    /**
     * @param secret the callback secret
     * @param clock  the clock deciding the age
     * @return a verifier
     */
    public static CallbackVerifier create(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new InvalidSubmissionException("the callback secret must not be empty");
        }
        return new CallbackVerifier(secret.getBytes(StandardCharsets.UTF_8), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Computes the {@code callback-authentication} value (the submission service's side, and tests).
     *
     * @param secret    the callback secret
     * @param timestamp the {@code callback-timestamp} value
     * @param body      the body bytes
     * @return the lower-case hex HMAC-SHA512
     */
    public static String authentication(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp, body));
    }

    private static byte[] hmac(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "this Java runtime offers no HmacSHA512; run on a JDK with the standard providers", e, 0);
        }
    }

    /**
     * Verifies a callback and reads its body.
     *
     * @param authentication the {@code callback-authentication} header, may be {@code null}
     * @param timestamp      the {@code callback-timestamp} header, may be {@code null}
     * @param body           the raw body
     * @return the callback
     * @throws FitConnectVerificationException with {@link Check#CALLBACK_MALFORMED}, {@link Check#CALLBACK_HMAC} or
     *                                         {@link Check#CALLBACK_TIMESTAMP}
     */
    public Callback verify(String authentication, String timestamp, byte[] body) {
        if (authentication == null || timestamp == null || body == null) {
            throw fail(Check.CALLBACK_MALFORMED, "the callback lacks the callback-authentication or callback-timestamp"
                    + " header");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw fail(Check.CALLBACK_MALFORMED, "the callback body has more than " + MAX_BODY_BYTES + " bytes");
        }
        if (!timestamp.matches("\\d{1,12}")) {
            throw fail(Check.CALLBACK_MALFORMED, "callback-timestamp is not a Unix time in seconds");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(authentication.trim());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        // constant-time comparison of the MACs, whatever was given
        if (!MessageDigest.isEqual(hmac(secret, timestamp, body), given)) {
            throw fail(Check.CALLBACK_HMAC, "callback-authentication does not match the body and timestamp under the"
                    + " callback secret");
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_AHEAD))) {
            throw fail(Check.CALLBACK_TIMESTAMP, "the callback was sent at " + sent + ", outside the window of "
                    + MAX_AGE.toMinutes() + " minutes before " + now + "; it may be replayed");
        }
        JsonNode json;
        try {
            json = FcJson.read(body);
        } catch (IOException e) {
            throw fail(Check.CALLBACK_MALFORMED, "the callback body is not JSON");
        }
        String type = FcJson.text(json, "type").orElseThrow(() -> fail(Check.CALLBACK_MALFORMED,
                "the callback body has no type"));
        List<SubmissionRef> refs = new ArrayList<>();
        JsonNode submissions = json.get("submissions");
        if (submissions != null && submissions.isArray()) {
            for (JsonNode s : submissions) {
                UUID d = FcJson.uuid(s, "destinationId").orElse(null);
                UUID id = FcJson.uuid(s, "submissionId").orElse(null);
                UUID c = FcJson.uuid(s, "caseId").orElse(null);
                if (d == null || id == null || c == null) {
                    throw fail(Check.CALLBACK_MALFORMED, "a callback entry lacks destinationId, submissionId or caseId");
                }
                refs.add(new SubmissionRef(d, id, c));
            }
        }
        return new Callback(type, refs, new String(body, StandardCharsets.UTF_8));
    }

    private static FitConnectVerificationException fail(Check check, String message) {
        return new FitConnectVerificationException(check, message, null, null);
    }
}
