package de.ozgkit.einvoice.model;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Invoice type codes (BT-3, UNTDID 1001) that XRechnung 3.0 allows (BR-DE-17). The model stores
 * the code as text; this enum is for building.
 */
public enum InvoiceType {
    /** Partial invoice ("326"). */
    PARTIAL_INVOICE("326"),
    /** Commercial invoice ("380"). */
    COMMERCIAL_INVOICE("380"),
    /** Credit note ("381"), written as a UBL CreditNote. */
    CREDIT_NOTE("381"),
    /** Corrected invoice ("384"). */
    CORRECTED_INVOICE("384"),
    /** Self-billed invoice ("389"). */
    SELF_BILLED_INVOICE("389"),
    /** Partial construction invoice ("875"). */
    PARTIAL_CONSTRUCTION_INVOICE("875"),
    /** Partial final construction invoice ("876"). */
    PARTIAL_FINAL_CONSTRUCTION_INVOICE("876"),
    /** Final construction invoice ("877"). */
    FINAL_CONSTRUCTION_INVOICE("877");

    /** Codes that EN 16931 marks as credit notes; UBL writes them as {@code CreditNote}. */
    private static final Set<String> CREDIT_NOTE_CODES = Set.of("381", "261", "262", "296", "308", "396", "420",
            "458", "532");

    private final String code;

    InvoiceType(String code) {
        this.code = code;
    }

    /** @return the UNTDID 1001 code */
    public String code() {
        return code;
    }

    /**
     * @param code a code as found in an invoice
     * @return the InvoiceType for the code
     * @throws UnknownCodeException if the code is not in the list (the message lists the known codes)
     */
    public static InvoiceType fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("invoice type code (UNTDID 1001, as XRechnung 3.0 allows it)", code,
                Arrays.stream(values()).map(InvoiceType::code).toList()));
    }

    /**
     * @param code a code as found in an invoice, may be {@code null}
     * @return the InvoiceType for the code, empty when it is not in the list
     */
    public static Optional<InvoiceType> lookup(String code) {
        for (InvoiceType c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param code a UNTDID 1001 code
     * @return whether the code denotes a credit note (UBL {@code CreditNote})
     */
    public static boolean isCreditNoteCode(String code) {
        return code != null && CREDIT_NOTE_CODES.contains(code);
    }
}
