package de.ozgkit.fitconnect;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Additional references ({@code additionalReferenceInfo} in the metadata).
 *
 * @param senderReference                the sender's own reference for the case, may be {@code null}
 * @param applicationDate                the date of the application, may be {@code null}
 * @param idBundDeApplicationId          the application id for the DeutschlandID status monitor
 *                                       (metadata 2.x), may be {@code null}
 * @param zustimmungZumDigitalenBescheid the applicant's consent to an electronic decision
 *                                       (metadata 2.x); {@code false} is an explicit refusal, may be {@code null}
 */
public record AdditionalReferenceInfo(String senderReference, LocalDate applicationDate, UUID idBundDeApplicationId,
                                      Boolean zustimmungZumDigitalenBescheid) {

    /**
     * @param senderReference the sender's own reference
     * @return references with only the sender's reference
     */
    public static AdditionalReferenceInfo ofSenderReference(String senderReference) {
        return new AdditionalReferenceInfo(senderReference, null, null, null);
    }
}
