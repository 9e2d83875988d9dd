package de.ozgkit.fitconnect;

import java.util.List;
import java.util.Objects;

/**
 * A verified callback of the submission service.
 *
 * @param type        the callback type, e.g.
 *                    {@code https://schema.fitko.de/fit-connect/submission-api/callbacks/new-submissions}
 * @param submissions the submissions it is about (from {@code submissions}, or from the deprecated
 *                    {@code submissionIds} with only the ids known)
 * @param json        the body as received
 */
public record Callback(String type, List<SubmissionRef> submissions, String json) {

    /** Type of the callback announcing new submissions to a subscriber. */
    public static final String NEW_SUBMISSIONS = "https://schema.fitko.de/fit-connect/submission-api/callbacks/new-submissions";
    /** Type of the callback announcing new events of a case to a sender. */
    public static final String NEW_EVENTS = "https://schema.fitko.de/fit-connect/submission-api/callbacks/new-events";

    /** Checks and copies the values. */
    public Callback {
        Objects.requireNonNull(type, "type");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(json, "json");
    }
}
