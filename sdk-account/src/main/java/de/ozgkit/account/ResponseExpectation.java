package de.ozgkit.account;

/**
 * What the relying party expects of a response: the id of the request it answers (or none for an
 * unsolicited, IdP-initiated response) and the minimum level of assurance the request asked for.
 * Keep it in the user's session between request and response.
 *
 * @param inResponseTo the AuthnRequest's ID, {@code null} for an unsolicited response (accepted only
 *                     when the service provider allows them)
 * @param minimumLevel the minimum level of assurance, may be {@code null}
 */
public record ResponseExpectation(String inResponseTo, TrustLevel minimumLevel) {

    /**
     * @param requestId    the AuthnRequest's ID
     * @param minimumLevel the minimum level, may be {@code null}
     * @return the expectation for an answer to that request
     */
    public static ResponseExpectation solicited(String requestId, TrustLevel minimumLevel) {
        return new ResponseExpectation(java.util.Objects.requireNonNull(requestId, "requestId"), minimumLevel);
    }

    /**
     * @param minimumLevel the minimum level, may be {@code null}
     * @return the expectation for an IdP-initiated response
     */
    public static ResponseExpectation unsolicited(TrustLevel minimumLevel) {
        return new ResponseExpectation(null, minimumLevel);
    }
}
