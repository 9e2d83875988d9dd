package de.ozgkit.einvoice.model;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/**
 * VAT category codes (UNTDID 5305 as restricted by EN 16931) for BT-95, BT-102, BT-118 and BT-151.
 * The model stores the code as text so that any document can be read; this enum is for building.
 */
public enum VatCategory {
    /** Standard rate ("S"). */
    STANDARD_RATE("S"),
    /** Zero rated goods ("Z"). */
    ZERO_RATED("Z"),
    /** Exempt from tax ("E"). */
    EXEMPT("E"),
    /** VAT reverse charge ("AE"). */
    REVERSE_CHARGE("AE"),
    /** VAT exempt for EEA intra-community supply of goods and services ("K"). */
    INTRA_COMMUNITY_SUPPLY("K"),
    /** Free export item, tax not charged ("G"). */
    EXPORT_OUTSIDE_EU("G"),
    /** Services outside scope of tax ("O"). */
    NOT_SUBJECT_TO_VAT("O"),
    /** Canary Islands general indirect tax ("L"). */
    IGIC("L"),
    /** Tax for production, services and importation in Ceuta and Melilla ("M"). */
    IPSI("M");

    private final String code;

    VatCategory(String code) {
        this.code = code;
    }

    /** @return the UNTDID 5305 code */
    public String code() {
        return code;
    }

    /**
     * @param code a code as found in an invoice
     * @return the VatCategory for the code
     * @throws UnknownCodeException if the code is not in the list (the message lists the known codes)
     */
    public static VatCategory fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("VAT category code (UNTDID 5305, EN 16931)", code,
                Arrays.stream(values()).map(VatCategory::code).toList()));
    }

    /**
     * @param code a code as found in an invoice, may be {@code null}
     * @return the VatCategory for the code, empty when it is not in the list
     */
    public static Optional<VatCategory> lookup(String code) {
        for (VatCategory c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @return whether VAT is charged at the rate of the category (S, L, M); for all other categories
     *         the tax amount is zero
     */
    public boolean isTaxed() {
        return this == STANDARD_RATE || this == IGIC || this == IPSI;
    }
}
