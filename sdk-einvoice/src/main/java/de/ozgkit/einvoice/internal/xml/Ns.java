package de.ozgkit.einvoice.internal.xml;

/** Namespace URIs of UBL 2.1 and UN/CEFACT CII D16B. Not API. */
public final class Ns {
    /** UBL 2.1 Invoice. */
    public static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    /** UBL 2.1 CreditNote. */
    public static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    /** UBL common aggregate components. */
    public static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    /** UBL common basic components. */
    public static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    /** CII D16B root (rsm). */
    public static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    /** CII reusable aggregate business information entities (ram). */
    public static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    /** CII qualified data types (qdt). */
    public static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    /** CII unqualified data types (udt). */
    public static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    private Ns() {
    }
}
