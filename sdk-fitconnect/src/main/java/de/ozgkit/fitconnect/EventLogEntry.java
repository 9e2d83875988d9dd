package de.ozgkit.fitconnect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One verified Security Event Token of a case's event log.
 *
 * @param jti                the token's id
 * @param eventUri           the event's URI
 * @param issuer             {@code iss}: the submission service's URL or the destination's id
 * @param issuedAt           {@code iat}
 * @param submissionId       the submission from {@code sub}
 * @param caseId             the case from {@code txn}
 * @param authenticationTags the tags in the event's payload, may be {@code null}
 * @param problems           the problems of a rejection, empty otherwise
 * @param token              the compact signed token, for the records
 */
public record EventLogEntry(String jti, String eventUri, String issuer, Instant issuedAt, UUID submissionId,
                            UUID caseId, AuthenticationTags authenticationTags, List<Problem> problems, String token) {

    /** Checks the values. */
    public EventLogEntry {
        Objects.requireNonNull(eventUri, "eventUri");
        problems = List.copyOf(problems);
    }

    /** @return the event, empty for events this client does not know (e.g. of replies) */
    public Optional<Event> event() {
        return Event.lookup(eventUri);
    }
}
