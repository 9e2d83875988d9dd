package de.ozgkit.directory;

import java.util.Objects;

/**
 * The FIT-Connect destination of a responsible unit, read from the destination signature the
 * directory carries in the responsibility's secondary id (scheme {@value #SCHEME_ID}, role 01 or
 * 02). The signature is a JWT (PS512) signed by the FIT-Connect self-service portal; its payload
 * names the {@code destinationId} and the {@code submissionHost}.
 *
 * <p><b>Not verified here.</b> ozgkit reads the payload only; before a submission, verify
 * {@link #signature()} with the portal's published key (the FIT-Connect sender does).
 *
 * @param destinationId  the destination id (a UUID as text)
 * @param submissionHost the submission service's host, may be {@code null}
 * @param signature      the complete destination signature (compact JWT) as the directory sent it
 */
public record FitConnectDestination(String destinationId, String submissionHost, String signature) {

    /** The scheme of the secondary id that carries the destination signature. */
    public static final String SCHEME_ID = "urn:de:fitko:fit-connect:xzufi:destination";

    /** Checks the components. */
    public FitConnectDestination {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(signature, "signature");
    }
}
