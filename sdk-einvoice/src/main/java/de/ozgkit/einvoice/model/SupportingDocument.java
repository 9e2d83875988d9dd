package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * ADDITIONAL SUPPORTING DOCUMENTS (BG-24): a reference to a document that substantiates the
 * invoice, optionally with the document embedded.
 *
 * @param reference        Supporting document reference (BT-122); never {@code null}
 * @param description      Supporting document description (BT-123), or {@code null}
 * @param externalLocation External document location (BT-124), an absolute URL, or {@code null}
 * @param attachment       Attached document (BT-125), or {@code null}
 */
public record SupportingDocument(String reference, String description, String externalLocation,
                                 BinaryObject attachment) {

    /**
     * Checks the reference.
     *
     * @throws NullPointerException if the reference is {@code null}
     */
    public SupportingDocument {
        reference = Values.required(reference, "supporting document reference (BT-122)");
        description = Values.token(description);
        externalLocation = Values.token(externalLocation);
    }
}
