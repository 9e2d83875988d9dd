package de.ozgkit.messaging;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The feedback codes of OSCI-Transport 1.2 ("Rückmeldungen"): {@code 0xxx} success, {@code 3xxx}
 * warnings (the request was executed), {@code 9xxx} errors (it was not). Errors of the message
 * level (9000 to 9503) travel as SOAP faults, all others in the answer's {@code Feedback} element.
 */
public enum FeedbackCode {
    /** Request executed, dialog closed. */
    OK_DIALOG_CLOSED("0800", "request executed, dialog closed"),
    /** Request executed, dialog continues. */
    OK_DIALOG_OPEN("0801", "request executed, dialog still open"),
    /** The client's cipher certificate is outside its validity period. */
    CLIENT_CIPHER_CERTIFICATE_EXPIRED("3500", "the client's cipher certificate is outside its validity period"),
    /** The client's cipher certificate could not be checked completely. */
    CLIENT_CIPHER_CERTIFICATE_UNCHECKED("3501", "the client's cipher certificate could not be checked completely"),
    /** The client's signature certificate is outside its validity period. */
    CLIENT_SIGNATURE_CERTIFICATE_EXPIRED("3700", "the client's signature certificate is outside its validity period"),
    /** An author's signature certificate is outside its validity period. */
    AUTHOR_SIGNATURE_CERTIFICATE_EXPIRED("3701", "an author's signature certificate is outside its validity period"),
    /** The issuer's signature on an author's signature certificate is invalid. */
    AUTHOR_SIGNATURE_CERTIFICATE_INVALID("3702", "an author's signature certificate is not validly signed"),
    /** An author's signature certificate is revoked. */
    AUTHOR_SIGNATURE_CERTIFICATE_REVOKED("3703", "an author's signature certificate is revoked"),
    /** An author's cipher certificate is outside its validity period. */
    AUTHOR_CIPHER_CERTIFICATE_EXPIRED("3704", "an author's cipher certificate is outside its validity period"),
    /** The addressee's cipher certificate is outside its validity period. */
    ADDRESSEE_CIPHER_CERTIFICATE_EXPIRED("3705", "the addressee's cipher certificate is outside its validity period"),
    /** A reader's cipher certificate is outside its validity period. */
    READER_CIPHER_CERTIFICATE_EXPIRED("3706", "a reader's cipher certificate is outside its validity period"),
    /** A certificate check could not be completed. */
    CERTIFICATE_CHECK_INCOMPLETE("3707", "a certificate check could not be completed"),
    /** The addressee's signature certificate is outside its validity period. */
    ADDRESSEE_SIGNATURE_CERTIFICATE_EXPIRED("3708", "the addressee's signature certificate is outside its validity period"),
    /** More deliveries wait for this client. */
    MORE_DELIVERIES("3800", "more deliveries wait for this client"),
    /** More process cards match the selection. */
    MORE_PROCESS_CARDS("3801", "more process cards match the selection"),
    /** Internal error of the supplier (message level). */
    SUPPLIER_INTERNAL_ERROR("9000", "internal error of the intermediary"),
    /** The received message is not a valid OSCI message (message level). */
    INVALID_MESSAGE("9100", "the message is not a valid OSCI message"),
    /** The supplier lacks the private key of the transport cipher certificate (message level). */
    NO_TRANSPORT_KEY("9200", "the intermediary has no private key for the transport cipher certificate"),
    /** The transport cipher certificate is revoked (message level). */
    TRANSPORT_CERTIFICATE_REVOKED("9201", "the transport cipher certificate is revoked"),
    /** The request could not be decrypted (message level). */
    REQUEST_NOT_DECRYPTABLE("9202", "the request could not be decrypted"),
    /** The request is not a valid request (message level). */
    INVALID_REQUEST("9300", "the request is not a valid OSCI request"),
    /** Conversation id, sequence number or challenge response are wrong (message level). */
    WRONG_CONTROL_BLOCK("9400", "conversation id, sequence number or challenge response are not correct"),
    /** The client's cipher certificate is missing (message level). */
    CLIENT_CIPHER_CERTIFICATE_MISSING("9500", "the client's cipher certificate is missing from the request"),
    /** The signature on the client's cipher certificate is invalid (message level). */
    CLIENT_CIPHER_CERTIFICATE_INVALID("9501", "the client's cipher certificate is not validly signed"),
    /** The client's cipher certificate is revoked (message level). */
    CLIENT_CIPHER_CERTIFICATE_REVOKED("9502", "the client's cipher certificate is revoked"),
    /** Internal error while checking the client's cipher certificate (message level). */
    CLIENT_CIPHER_CERTIFICATE_CHECK_FAILED("9503", "the client's cipher certificate could not be checked"),
    /** The request is not signed although the supplier requires it. */
    REQUEST_NOT_SIGNED("9600", "the request is not signed"),
    /** The signature over the request is invalid. */
    REQUEST_SIGNATURE_INVALID("9601", "the signature over the request is invalid"),
    /** Not all required elements of the request are signed. */
    REQUEST_NOT_COMPLETELY_SIGNED("9602", "not all parts of the request are signed"),
    /** Internal error while checking the request signature. */
    REQUEST_SIGNATURE_CHECK_FAILED("9603", "the request signature could not be checked"),
    /** The signature on the client's signature certificate is invalid. */
    CLIENT_SIGNATURE_CERTIFICATE_INVALID("9700", "the client's signature certificate is not validly signed"),
    /** The client's signature certificate is revoked. */
    CLIENT_SIGNATURE_CERTIFICATE_REVOKED("9701", "the client's signature certificate is revoked"),
    /** An author's cipher certificate is not validly signed. */
    AUTHOR_CIPHER_CERTIFICATE_INVALID("9704", "an author's cipher certificate is not validly signed"),
    /** An author's cipher certificate is revoked. */
    AUTHOR_CIPHER_CERTIFICATE_REVOKED("9705", "an author's cipher certificate is revoked"),
    /** The addressee's cipher certificate is not validly signed. */
    ADDRESSEE_CIPHER_CERTIFICATE_INVALID("9706", "the addressee's cipher certificate is not validly signed"),
    /** The addressee's cipher certificate is revoked. */
    ADDRESSEE_CIPHER_CERTIFICATE_REVOKED("9707", "the addressee's cipher certificate is revoked"),
    /** A reader's cipher certificate is not validly signed. */
    READER_CIPHER_CERTIFICATE_INVALID("9708", "a reader's cipher certificate is not validly signed"),
    /** A reader's cipher certificate is revoked. */
    READER_CIPHER_CERTIFICATE_REVOKED("9709", "a reader's cipher certificate is revoked"),
    /** Internal error during the certificate check. */
    CERTIFICATE_CHECK_FAILED("9710", "the certificate check failed"),
    /** The addressee's signature certificate is not validly signed. */
    ADDRESSEE_SIGNATURE_CERTIFICATE_INVALID("9711", "the addressee's signature certificate is not validly signed"),
    /** The addressee's signature certificate is revoked. */
    ADDRESSEE_SIGNATURE_CERTIFICATE_REVOKED("9712", "the addressee's signature certificate is revoked"),
    /** A delivery without message id is refused. */
    MESSAGE_ID_MISSING("9800", "a delivery without message id is refused"),
    /** The message id was not issued by this intermediary or has been used already. */
    MESSAGE_ID_INVALID("9801", "the message id was not issued by this intermediary or was used already"),
    /** The request type needs an explicit dialog. */
    EXPLICIT_DIALOG_REQUIRED("9802", "this request must be sent inside an explicit dialog"),
    /** No delivery matches the selection. */
    NO_DELIVERY("9803", "no delivery matches the selection"),
    /** No process card matches the selection. */
    NO_PROCESS_CARD("9804", "no process card matches the selection"),
    /** The recipient did not accept the delivery. */
    DELIVERY_NOT_ACCEPTED("9805", "the recipient did not accept the delivery"),
    /** The recipient accepted but answered without a delivery. */
    NO_RESPONSE_DELIVERY("9806", "the recipient accepted but its answer holds no delivery"),
    /** The recipient's signature over its answer is invalid. */
    RECIPIENT_SIGNATURE_INVALID("9807", "the recipient's signature over its answer is invalid"),
    /** Internal error at the recipient. */
    RECIPIENT_INTERNAL_ERROR("9808", "internal error of the recipient"),
    /** Internal error while forwarding; the delivery did not reach the recipient. */
    FORWARDING_FAILED_NOT_DELIVERED("9809", "forwarding failed; the delivery did not reach the recipient"),
    /** Internal error while forwarding; the delivery reached the recipient. */
    FORWARDING_FAILED_DELIVERED("9810", "forwarding failed after the delivery reached the recipient"),
    /** Internal error while executing the request. */
    EXECUTION_FAILED("9811", "the intermediary could not execute the request");

    private final String code;
    private final String description;

    FeedbackCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** @return the code as written on the wire, e.g. {@code "9801"} */
    public String code() {
        return code;
    }

    /** @return a short English description */
    public String description() {
        return description;
    }

    /** @return whether the request was not executed ({@code 9xxx}) */
    public boolean isError() {
        return code.charAt(0) == '9';
    }

    /** @return whether the request was executed with a warning ({@code 3xxx}) */
    public boolean isWarning() {
        return code.charAt(0) == '3';
    }

    /** @return whether this is an error of the message level, sent as SOAP fault (9000 to 9503) */
    public boolean isMessageLevel() {
        return isError() && code.compareTo("9600") < 0;
    }

    /**
     * @param code e.g. {@code "9801"}
     * @return the feedback code
     * @throws UnknownCodeException for a code OSCI 1.2 does not define
     */
    public static FeedbackCode fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("OSCI feedback code", code,
                Arrays.stream(values()).map(FeedbackCode::code).toList()));
    }

    /**
     * @param code e.g. {@code "9801"}
     * @return the feedback code, empty for an unknown one
     */
    public static Optional<FeedbackCode> lookup(String code) {
        for (FeedbackCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<FeedbackCode> all() {
        return List.of(values());
    }
}
