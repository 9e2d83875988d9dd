package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.util.List;

/**
 * PAYMENT INSTRUCTIONS (BG-16): how the buyer is to pay. XRechnung requires them (BR-DE-1) and
 * expects exactly one of credit transfer, card or direct debit to match the means code
 * (BR-DE-23, BR-DE-24, BR-DE-25).
 *
 * <pre>{@code
 * PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", "Stadtwerke", "SOGEDEFFXXX")
 * }</pre>
 *
 * @param meansCode             Payment means type code (BT-81), UNTDID 4461, e.g. {@code "58"} (SEPA
 *                              credit transfer), {@code "59"} (SEPA direct debit), {@code "54"} (card)
 * @param meansText             Payment means text (BT-82), or {@code null}
 * @param remittanceInformation Remittance information (BT-83), the "Verwendungszweck", or {@code null}
 * @param creditTransfers       CREDIT TRANSFER (BG-17); never {@code null}
 * @param card                  PAYMENT CARD INFORMATION (BG-18), or {@code null}
 * @param directDebit           DIRECT DEBIT (BG-19), or {@code null}
 */
public record PaymentInstructions(String meansCode, String meansText, String remittanceInformation,
                                  List<CreditTransfer> creditTransfers, PaymentCard card, DirectDebit directDebit) {

    /** SEPA credit transfer (UNTDID 4461). */
    public static final String SEPA_CREDIT_TRANSFER = "58";
    /** Credit transfer, non-SEPA (UNTDID 4461). */
    public static final String CREDIT_TRANSFER = "30";
    /** SEPA direct debit (UNTDID 4461). */
    public static final String SEPA_DIRECT_DEBIT = "59";
    /** Bank card (UNTDID 4461). */
    public static final String BANK_CARD = "54";

    /** Copies the list and turns empty texts into {@code null}. */
    public PaymentInstructions {
        meansCode = Values.token(meansCode);
        meansText = Values.token(meansText);
        remittanceInformation = Values.token(remittanceInformation);
        creditTransfers = Values.list(creditTransfers);
    }

    /**
     * SEPA credit transfer (code 58) to one account.
     *
     * @param iban        Payment account identifier (BT-84)
     * @param accountName Payment account name (BT-85), may be {@code null}
     * @param bic         Payment service provider identifier (BT-86), may be {@code null}
     * @return the instructions
     */
    public static PaymentInstructions sepaCreditTransfer(String iban, String accountName, String bic) {
        return new PaymentInstructions(SEPA_CREDIT_TRANSFER, null, null,
                List.of(new CreditTransfer(iban, accountName, bic)), null, null);
    }

    /**
     * SEPA direct debit (code 59).
     *
     * @param mandateReference Mandate reference identifier (BT-89)
     * @param creditorId       Bank assigned creditor identifier (BT-90)
     * @param debitedIban      Debited account identifier (BT-91)
     * @return the instructions
     */
    public static PaymentInstructions sepaDirectDebit(String mandateReference, String creditorId, String debitedIban) {
        return new PaymentInstructions(SEPA_DIRECT_DEBIT, null, null, List.of(), null,
                new DirectDebit(mandateReference, creditorId, debitedIban));
    }

    /**
     * @param text Remittance information (BT-83)
     * @return a copy with the remittance information set
     */
    public PaymentInstructions withRemittanceInformation(String text) {
        return new PaymentInstructions(meansCode, meansText, text, creditTransfers, card, directDebit);
    }

    /**
     * @param text Payment means text (BT-82)
     * @return a copy with the means text set
     */
    public PaymentInstructions withMeansText(String text) {
        return new PaymentInstructions(meansCode, text, remittanceInformation, creditTransfers, card, directDebit);
    }
}
