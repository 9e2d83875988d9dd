package de.ozgkit.payment;

import de.ozgkit.payment.internal.Limits;

/**
 * The two path parameters that select the provider's client configuration ("Mandant") in
 * XBezahldienste: {@code originatorId}, the online service or business context that starts the
 * payment, and {@code endPointId}, the responsible authority (often its AGS).
 *
 * <p>Both are 1 to 36 characters matching {@code ^[\w\d-]+$}. Note the capital P in
 * {@code endPointId}, as the standard spells it.
 *
 * @param originatorId the originator (online service / business context)
 * @param endPointId   the end point (responsible authority, e.g. its AGS)
 */
public record PaymentContext(String originatorId, String endPointId) {

    /**
     * Checks both ids.
     *
     * @throws InvalidPaymentFieldException when an id is absent, too long or has characters the
     *                                      standard does not allow
     */
    public PaymentContext {
        Limits.text("originatorId", originatorId, 1, 36, Limits.ID, Limits.ID_RULE);
        Limits.text("endPointId", endPointId, 1, 36, Limits.ID, Limits.ID_RULE);
    }

    /**
     * @param originatorId the originator
     * @param endPointId   the end point
     * @return the context
     */
    public static PaymentContext of(String originatorId, String endPointId) {
        return new PaymentContext(originatorId, endPointId);
    }
}
