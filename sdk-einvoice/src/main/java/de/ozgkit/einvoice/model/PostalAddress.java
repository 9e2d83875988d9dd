package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * A postal address: SELLER POSTAL ADDRESS (BG-5, BT-35..BT-40, BT-162), BUYER POSTAL ADDRESS
 * (BG-8, BT-50..BT-55, BT-163), TAX REPRESENTATIVE POSTAL ADDRESS (BG-12, BT-64..BT-69, BT-164) and
 * DELIVER TO ADDRESS (BG-15, BT-75..BT-80, BT-165). Every part may be {@code null}.
 *
 * @param line1              Address line 1 (BT-35, BT-50, BT-64, BT-75), usually street and number
 * @param line2              Address line 2 (BT-36, BT-51, BT-65, BT-76)
 * @param line3              Address line 3 (BT-162, BT-163, BT-164, BT-165)
 * @param city               City (BT-37, BT-52, BT-66, BT-77)
 * @param postCode           Post code (BT-38, BT-53, BT-67, BT-78)
 * @param countrySubdivision Country subdivision (BT-39, BT-54, BT-68, BT-79)
 * @param countryCode        Country code (BT-40, BT-55, BT-69, BT-80), ISO 3166-1 alpha-2
 */
public record PostalAddress(String line1, String line2, String line3, String city, String postCode,
                            String countrySubdivision, String countryCode) {

    /** Turns empty parts into {@code null}. */
    public PostalAddress {
        line1 = Values.token(line1);
        line2 = Values.token(line2);
        line3 = Values.token(line3);
        city = Values.token(city);
        postCode = Values.token(postCode);
        countrySubdivision = Values.token(countrySubdivision);
        countryCode = Values.token(countryCode);
    }

    /**
     * The common case of a street, post code, city and country.
     *
     * @param street      address line 1
     * @param postCode    post code
     * @param city        city
     * @param countryCode ISO 3166-1 alpha-2 code, e.g. {@code "DE"}
     * @return the address
     */
    public static PostalAddress of(String street, String postCode, String city, String countryCode) {
        return new PostalAddress(street, null, null, city, postCode, null, countryCode);
    }
}
