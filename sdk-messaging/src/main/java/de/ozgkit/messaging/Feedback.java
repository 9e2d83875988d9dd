package de.ozgkit.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * One feedback entry of an intermediary's answer.
 *
 * @param code     the code as sent, e.g. {@code "0800"}
 * @param language the language of the text ({@code xml:lang}), may be {@code null}
 * @param text     the intermediary's text, may be empty
 */
public record Feedback(String code, String language, String text) {

    /** Checks the code is present. */
    public Feedback {
        Objects.requireNonNull(code, "code");
        text = text == null ? "" : text;
    }

    /** @return the code as a {@link FeedbackCode}, empty for a code OSCI 1.2 does not define */
    public Optional<FeedbackCode> knownCode() {
        return FeedbackCode.lookup(code);
    }

    /** @return whether the code says the request was not executed ({@code 9xxx}) */
    public boolean isError() {
        return code.startsWith("9");
    }

    /** @return whether the code is a warning ({@code 3xxx}) */
    public boolean isWarning() {
        return code.startsWith("3");
    }
}
