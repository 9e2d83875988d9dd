package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** The events of a submission's life in the event log, identified by their URIs. */
public enum Event {
    /** The sender created the submission (issued by the submission service). */
    CREATE_SUBMISSION("create-submission"),
    /** The sender submitted it (issued by the submission service, with the authentication tags). */
    SUBMIT_SUBMISSION("submit-submission"),
    /** The submission service notified the destination's technical contact. */
    NOTIFY_SUBMISSION("notify-submission"),
    /** An intermediary system took the submission over for forwarding. */
    FORWARD_SUBMISSION("forward-submission"),
    /** The subscriber accepted the submission (signed by the destination, with the authentication tags). */
    ACCEPT_SUBMISSION("accept-submission"),
    /** The subscriber or the submission service rejected the submission, with problems. */
    REJECT_SUBMISSION("reject-submission"),
    /** The submission service deleted the submission after its deadline. */
    DELETE_SUBMISSION("delete-submission");

    /** Prefix of every event URI. */
    public static final String URI_PREFIX = "https://schema.fitko.de/fit-connect/events/";

    private final String name;

    Event(String name) {
        this.name = name;
    }

    /** @return the event URI, e.g. {@code https://schema.fitko.de/fit-connect/events/accept-submission} */
    public String code() {
        return URI_PREFIX + name;
    }

    /**
     * @param uri an event URI
     * @return the event
     * @throws UnknownCodeException for an unknown URI
     */
    public static Event fromCode(String uri) {
        return lookup(uri).orElseThrow(() -> new UnknownCodeException("FIT-Connect submission event", uri,
                Arrays.stream(values()).map(Event::code).toList()));
    }

    /**
     * @param uri an event URI
     * @return the event, empty for an unknown URI (e.g. events of replies)
     */
    public static Optional<Event> lookup(String uri) {
        return Arrays.stream(values()).filter(e -> e.code().equals(uri)).findFirst();
    }
}
