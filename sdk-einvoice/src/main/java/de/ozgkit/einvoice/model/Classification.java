package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * Item classification identifier (BT-158) with its scheme (BT-158-1, UNTDID 7143) and scheme
 * version (BT-158-2). The XRechnung CVD variant uses scheme {@code "CVD"} for the vehicle category.
 *
 * @param code          the classification code; never {@code null}
 * @param listId        scheme identifier (BT-158-1), e.g. {@code "STI"} or {@code "CVD"}
 * @param listVersionId scheme version identifier (BT-158-2), or {@code null}
 */
public record Classification(String code, String listId, String listVersionId) {

    /**
     * Checks the code.
     *
     * @throws NullPointerException if the code is {@code null}
     */
    public Classification {
        code = Values.required(code, "item classification identifier (BT-158)");
        listId = Values.token(listId);
        listVersionId = Values.token(listVersionId);
    }
}
