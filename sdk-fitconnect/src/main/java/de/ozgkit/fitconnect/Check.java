package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The checks the FIT-Connect client makes on what it receives; a refusal names the one that failed
 * ({@link FitConnectVerificationException#check()}).
 */
public enum Check {
    /** The destination's encryption key carries no {@code x5c} certificate chain. */
    KEY_CHAIN_MISSING("key-chain-missing"),
    /** The key's {@code x5c} chain does not lead to a configured trust anchor, or a certificate is invalid. */
    KEY_CHAIN_UNTRUSTED("key-chain-untrusted"),
    /** The key's modulus and exponent differ from the public key of the {@code x5c} leaf certificate. */
    KEY_CERTIFICATE_MISMATCH("key-certificate-mismatch"),
    /** The key's {@code kid} differs from the key id it was fetched by or announced with. */
    KEY_ID("key-id"),
    /** The RSA key is shorter than 4096 bits. */
    KEY_TOO_SHORT("key-too-short"),
    /** The key is not RSA or its {@code alg} is not the one required for its use. */
    KEY_ALGORITHM("key-algorithm"),
    /** The key's {@code key_ops} do not allow (only) the required operation. */
    KEY_OPERATIONS("key-operations"),
    /** A compact JWE could not be parsed (segments, encoding, header). */
    JWE_MALFORMED("jwe-malformed"),
    /** A JWE uses another algorithm than RSA-OAEP-256 with A256GCM, or an unknown {@code zip}. */
    JWE_ALGORITHM("jwe-algorithm"),
    /** A JWE names another key ({@code kid}) than the destination's encryption key. */
    JWE_KEY_ID("jwe-key-id"),
    /** The content encryption key could not be unwrapped: the JWE was encrypted for another key. */
    JWE_KEY_UNWRAP("jwe-key-unwrap"),
    /** AES-GCM authentication failed: a segment was changed or the tag is wrong. */
    JWE_AUTHENTICATION("jwe-authentication"),
    /** A JWE or its (decompressed) content exceeds the configured limit. */
    JWE_TOO_LARGE("jwe-too-large"),
    /** The authentication tag of a received part differs from the one recorded in the event log. */
    AUTHENTICATION_TAG_MISMATCH("authentication-tag-mismatch"),
    /** The SHA-512 hash of decrypted content differs from the hash in the metadata. */
    HASH_MISMATCH("hash-mismatch"),
    /** The metadata is not a JSON object. */
    METADATA_SYNTAX("metadata-syntax"),
    /** The metadata names a schema version this client does not support. */
    METADATA_VERSION("metadata-version"),
    /** The metadata breaks the official metadata schema. */
    METADATA_SCHEMA("metadata-schema"),
    /** The attachments of the submission and those described in the metadata differ. */
    ATTACHMENTS_MISMATCH("attachments-mismatch"),
    /** Data is present without being described in the metadata, or described without being present. */
    DATA_MISMATCH("data-mismatch"),
    /** The event log lacks an event the protocol requires (e.g. {@code submit-submission} before pickup). */
    EVENT_MISSING("event-missing"),
    /** A Security Event Token could not be parsed or lacks a required claim. */
    SET_MALFORMED("set-malformed"),
    /** A Security Event Token's header is not {@code typ: secevent+jwt} with {@code alg: PS512} and a {@code kid}. */
    SET_HEADER("set-header"),
    /** No key is known for the Security Event Token's issuer and {@code kid}. */
    SET_UNKNOWN_KEY("set-unknown-key"),
    /** The Security Event Token's signature does not verify with its issuer's key. */
    SET_SIGNATURE("set-signature"),
    /** The Security Event Token's {@code sub} names another submission. */
    SET_SUBJECT("set-subject"),
    /** The Security Event Token's {@code txn} names another case. */
    SET_TRANSACTION("set-transaction"),
    /** The Security Event Token was issued by a party that may not issue that event. */
    SET_ISSUER("set-issuer"),
    /** A callback lacks its authentication headers or its body is not a callback. */
    CALLBACK_MALFORMED("callback-malformed"),
    /** A callback's timestamp is older than 5 minutes (or too far in the future). */
    CALLBACK_TIMESTAMP("callback-timestamp"),
    /** A callback's HMAC does not match the body and timestamp under the callback secret. */
    CALLBACK_HMAC("callback-hmac");

    private final String code;

    Check(String code) {
        this.code = code;
    }

    /** @return the check's code as used in logs and messages, e.g. {@code hash-mismatch} */
    public String code() {
        return code;
    }

    /**
     * @param code a check's code
     * @return the check
     * @throws UnknownCodeException for an unknown code
     */
    public static Check fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("FIT-Connect client check", code,
                Arrays.stream(values()).map(Check::code).toList()));
    }

    /**
     * @param code a check's code
     * @return the check, empty for an unknown code
     */
    public static Optional<Check> lookup(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
