package de.ozgkit.fitconnect;

import java.util.List;
import java.util.Objects;

/**
 * Where a submission stands, derived from its verified event log.
 *
 * @param state    the current state
 * @param problems the problems of a rejection, empty otherwise
 * @param events   the verified events of this submission, oldest first
 */
public record SubmissionStatus(SubmissionState state, List<Problem> problems, List<EventLogEntry> events) {
    /** Copies the lists. */
    public SubmissionStatus {
        Objects.requireNonNull(state, "state");
        problems = List.copyOf(problems);
        events = List.copyOf(events);
    }

    /** @return whether the state is final (accepted, rejected or deleted) */
    public boolean isFinal() {
        return state == SubmissionState.ACCEPTED || state == SubmissionState.REJECTED || state == SubmissionState.DELETED;
    }
}
