package de.ozgkit.fitconnect.internal;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.Event;
import de.ozgkit.fitconnect.EventLogEntry;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.Problem;
import de.ozgkit.fitconnect.SubmissionState;
import de.ozgkit.fitconnect.SubmissionStatus;
import java.io.IOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a case's event log and verifies the SETs about one submission: the service's with the keys
 * of its JWKS, a destination's with its signature key fetched from the API and checked like an
 * encryption key (RSA 4096, PS512, {@code key_ops: ["verify"]}, trusted {@code x5c}).
 */
public final class EventLogReader {

    private final SubmissionApi api;
    private final CertificateValidator validator;
    private final Map<String, RSAKey> serviceKeys = new ConcurrentHashMap<>();
    private final Map<String, RSAKey> destinationKeys = new ConcurrentHashMap<>();

    /**
     * @param api       the submission API
     * @param validator validates destination key chains
     */
    public EventLogReader(SubmissionApi api, CertificateValidator validator) {
        this.api = api;
        this.validator = validator;
    }

    /** @return the issuer URL of the submission service's own SETs */
    public String serviceIssuer() {
        return api.root().toString();
    }

    /** @return resolves service and destination keys, fetching and checking them once each */
    public SecurityEventTokens.KeyResolver keys() {
        return (issuer, kid) -> {
            if (issuer.equals(serviceIssuer())) {
                RSAKey k = serviceKeys.get(kid);
                if (k == null) {
                    try {
                        serviceKeys.putAll(SecurityEventTokens.rsaKeys(api.serviceJwks()));
                    } catch (IOException e) {
                        throw new FitConnectVerificationException(Check.SET_UNKNOWN_KEY, "the submission service's JWKS"
                                + " is not a JWK set", Problem.invalidEventLog(), e);
                    }
                    k = serviceKeys.get(kid);
                }
                if (k != null && k.size() < KeyChecks.MIN_BITS) {
                    throw new FitConnectVerificationException(Check.KEY_TOO_SHORT, "the submission service signs with a"
                            + " key of " + k.size() + " bits", Problem.invalidEventLog(), null);
                }
                return k;
            }
            UUID destination = FcJson.parseUuid(issuer).orElse(null);
            if (destination == null) {
                return null;
            }
            return destinationKeys.computeIfAbsent(destination + "/" + kid, x -> KeyChecks.check(
                    api.key(destination, kid), kid, KeyChecks.Use.SIGNATURE, validator));
        };
    }

    /**
     * Reads the log and verifies the entries about one submission; every entry must belong to the case.
     *
     * @param caseId        the case
     * @param submissionId  the submission
     * @param destinationId its destination
     * @return the verified entries about the submission, oldest first
     * @throws FitConnectVerificationException naming the failed check
     */
    public List<EventLogEntry> read(UUID caseId, UUID submissionId, UUID destinationId) {
        List<EventLogEntry> out = new ArrayList<>();
        for (String token : api.events(caseId)) {
            String sub;
            try {
                sub = SignedJWT.parse(token).getJWTClaimsSet().getSubject();
            } catch (ParseException e) {
                throw new FitConnectVerificationException(Check.SET_MALFORMED, "an entry of the event log of case " + caseId
                        + " is not a signed JWT", Problem.invalidEventLog(), e);
            }
            if (sub != null && !sub.equals("submission:" + submissionId)) {
                // another submission or a reply of the case: only its txn must be right
                verifyTxn(token, caseId);
                continue;
            }
            out.add(SecurityEventTokens.verify(token, keys(), serviceIssuer(), caseId, submissionId, destinationId));
        }
        return out;
    }

    private static void verifyTxn(String token, UUID caseId) {
        try {
            Object txn = SignedJWT.parse(token).getJWTClaimsSet().getClaim("txn");
            if (!("case:" + caseId).equals(txn)) {
                throw new FitConnectVerificationException(Check.SET_TRANSACTION, "an entry in the event log of case "
                        + caseId + " names another case in txn", Problem.invalidEventLog(), null);
            }
        } catch (ParseException e) {
            throw new FitConnectVerificationException(Check.SET_MALFORMED, "an event log entry is not a signed JWT",
                    Problem.invalidEventLog(), e);
        }
    }

    /**
     * @param entries the verified entries about one submission, oldest first
     * @return the state they lead to
     */
    public static SubmissionStatus status(List<EventLogEntry> entries) {
        SubmissionState state = SubmissionState.INCOMPLETE;
        List<Problem> problems = List.of();
        for (EventLogEntry e : entries) {
            Event event = e.event().orElse(null);
            if (event == null) {
                continue;
            }
            switch (event) {
                case CREATE_SUBMISSION -> state = SubmissionState.INCOMPLETE;
                case SUBMIT_SUBMISSION -> state = SubmissionState.SUBMITTED;
                case FORWARD_SUBMISSION -> state = SubmissionState.FORWARDED;
                case ACCEPT_SUBMISSION -> state = SubmissionState.ACCEPTED;
                case REJECT_SUBMISSION -> {
                    state = SubmissionState.REJECTED;
                    problems = e.problems();
                }
                case DELETE_SUBMISSION -> state = SubmissionState.DELETED;
                default -> {
                    // notify-submission does not change the state
                }
            }
        }
        return new SubmissionStatus(state, problems, entries);
    }
}
