package de.ozgkit.messaging;

import java.util.List;
import java.util.Objects;

/**
 * The intermediary refused a request with an OSCI error code ({@code 9xxx}), either in the answer's
 * feedback or as a SOAP fault.
 */
public class OsciFeedbackException extends OsciException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient List<Feedback> feedback;

    /**
     * @param code     the error code, e.g. {@code "9801"}
     * @param feedback every feedback entry of the answer
     * @param message  what went wrong
     */
    public OsciFeedbackException(String code, List<Feedback> feedback, String message) {
        super(OsciCheck.FEEDBACK, message);
        this.code = Objects.requireNonNull(code, "code");
        this.feedback = List.copyOf(feedback);
    }

    /** @return the error code as sent */
    public String code() {
        return code;
    }

    /** @return the code as a {@link FeedbackCode}, or {@code null} for a code OSCI 1.2 does not define */
    public FeedbackCode feedbackCode() {
        return FeedbackCode.lookup(code).orElse(null);
    }

    /** @return every feedback entry of the answer */
    public List<Feedback> feedback() {
        return feedback == null ? List.of() : feedback;
    }
}
