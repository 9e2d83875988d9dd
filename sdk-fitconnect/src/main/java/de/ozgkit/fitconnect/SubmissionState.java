package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** State of a submission as its event log tells it. */
public enum SubmissionState {
    /** Created; the sender has not submitted it yet. */
    INCOMPLETE("incomplete"),
    /** Submitted by the sender; waiting for the subscriber. */
    SUBMITTED("submitted"),
    /** Taken over by an intermediary system for forwarding. */
    FORWARDED("forwarded"),
    /** Accepted by the subscriber (final). */
    ACCEPTED("accepted"),
    /** Rejected by the subscriber or by the submission service (final). */
    REJECTED("rejected"),
    /** Deleted by the submission service after its deadline (final). */
    DELETED("deleted");

    private final String code;

    SubmissionState(String code) {
        this.code = code;
    }

    /** @return the value as written on the wire */
    public String code() {
        return code;
    }

    /**
     * @param code the value as written on the wire
     * @return the constant
     * @throws UnknownCodeException for an unknown value
     */
    public static SubmissionState fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("FIT-Connect submission state", code,
                Arrays.stream(values()).map(SubmissionState::code).toList()));
    }

    /**
     * @param code the value as written on the wire
     * @return the constant, empty for an unknown value
     */
    public static Optional<SubmissionState> lookup(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
