package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgException;
import java.util.List;
import java.util.Optional;

/**
 * Something received over FIT-Connect failed a check: a key, a JWE, a hash, the metadata schema, a
 * Security Event Token or a callback. {@link #check()} names the check; for checks a subscriber
 * answers with a rejection, {@link #problem()} is the problem to send
 * ({@link FitConnectSubscriber#reject(java.util.UUID, List)}).
 *
 * <p>Messages never contain decrypted content.
 */
public class FitConnectVerificationException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final Check check;
    private final transient Problem problem;
    private final List<String> findings;

    /**
     * @param check   the check that failed
     * @param message what failed and how to fix it
     * @param problem the rejection problem, may be {@code null}
     * @param cause   the cause, may be {@code null}
     */
    public FitConnectVerificationException(Check check, String message, Problem problem, Throwable cause) {
        this(check, message, problem, List.of(), cause);
    }

    /**
     * @param check    the check that failed
     * @param message  what failed and how to fix it
     * @param problem  the rejection problem, may be {@code null}
     * @param findings individual findings (e.g. schema violations with their location)
     * @param cause    the cause, may be {@code null}
     */
    public FitConnectVerificationException(Check check, String message, Problem problem, List<String> findings,
                                           Throwable cause) {
        super("[" + check.code() + "] " + message, cause);
        this.check = check;
        this.problem = problem;
        this.findings = List.copyOf(findings);
    }

    /** @return the check that failed */
    public Check check() {
        return check;
    }

    /** @return the FIT-Connect problem a subscriber rejects the submission with, if the check has one */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** @return the individual findings, e.g. each schema violation with its JSON location; may be empty */
    public List<String> findings() {
        return findings;
    }
}
