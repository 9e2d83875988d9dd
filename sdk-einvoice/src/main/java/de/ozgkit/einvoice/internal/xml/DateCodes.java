package de.ozgkit.einvoice.internal.xml;

/**
 * Value added tax point date code (BT-8): the model holds UNTDID 2005 codes as EN 16931 and UBL
 * use them (3 invoice date, 35 delivery date, 432 payment date); CII expresses the same with
 * UNTDID 2475 (5, 29, 72). Not API.
 */
final class DateCodes {

    private DateCodes() {
    }

    /** @return the CII (UNTDID 2475) code for a UNTDID 2005 code; unknown codes pass unchanged */
    static String toCii(String code2005) {
        if (code2005 == null) {
            return null;
        }
        return switch (code2005) {
            case "3" -> "5";
            case "35" -> "29";
            case "432" -> "72";
            default -> code2005;
        };
    }

    /** @return the UNTDID 2005 code for a CII (UNTDID 2475) code; unknown codes pass unchanged */
    static String fromCii(String code2475) {
        if (code2475 == null) {
            return null;
        }
        return switch (code2475) {
            case "5" -> "3";
            case "29" -> "35";
            case "72" -> "432";
            default -> code2475;
        };
    }
}
