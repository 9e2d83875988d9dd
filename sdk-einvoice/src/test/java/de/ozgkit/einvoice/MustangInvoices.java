package de.ozgkit.einvoice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * Factur-X / ZUGFeRD invoices written by Mustang in the test, for profiles the shared test suite has no
 * files of (it holds only XRechnung): the same small invoice in any Mustang profile.
 */
final class MustangInvoices {

    /** The two price allowances {@link #withTwoPriceAllowances} puts under the gross price of the first line. */
    static final String TWO_PRICE_ALLOWANCES = """
            <ram:GrossPriceProductTradePrice>
              <ram:ChargeAmount>108.00</ram:ChargeAmount>
              <ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>\
            <ram:ActualAmount>5.00</ram:ActualAmount><ram:Reason>rebate</ram:Reason></ram:AppliedTradeAllowanceCharge>
              <ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>\
            <ram:ActualAmount>3.00</ram:ActualAmount><ram:Reason>loyalty</ram:Reason></ram:AppliedTradeAllowanceCharge>
            </ram:GrossPriceProductTradePrice>
            """;

    private MustangInvoices() {
    }

    /**
     * @param profile a Mustang profile name: MINIMUM, BASICWL, BASIC, EN16931, EXTENDED, XRECHNUNG
     * @return a two-line invoice (with line allowances, a seller contact and item descriptions in EN16931,
     *         EXTENDED and XRECHNUNG), as Mustang writes it in that profile
     */
    static String cii(String profile) {
        // the smaller profiles define no seller contact (BG-6) and no item description (BT-154)
        boolean small = !profile.equals("EN16931") && !profile.equals("EXTENDED") && !profile.equals("XRECHNUNG");
        TradeParty seller = new TradeParty("Stadtwerke Musterstadt GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")
                .setVATID("DE123456789")
                .setEmail("rechnung@stadtwerke.example");
        if (!small) {
            seller.setContact(new Contact("Max Muster", "030 1234567", "rechnung@stadtwerke.example"));
        }
        seller.addBankDetails(new BankDetails("DE02120300000000202051"));
        TradeParty buyer = new TradeParty("Landratsamt Musterkreis", "Marktplatz 2", "80331", "München", "DE")
                .setEmail("eingang@landratsamt.example");
        Date day = Date.from(LocalDate.of(2026, 3, 2).atStartOfDay(ZoneId.systemDefault()).toInstant());
        Invoice invoice = new Invoice().setNumber("FX-2026-1").setIssueDate(day).setDueDate(day).setDeliveryDate(day)
                .setSender(seller).setRecipient(buyer).setReferenceNumber("04011000-12345-34").setCurrency("EUR");
        Item widgets = new Item(new Product("Zähler", small ? null : "Stromzähler", "C62", new BigDecimal("19")),
                new BigDecimal("100.00"), new BigDecimal("2"));
        if (!small) {
            // Mustang drops the allowance reason in BASIC, which BR-42 requires
            widgets.addAllowance(new Allowance(new BigDecimal("5.00")).setReason("rebate"));
            widgets.addAllowance(new Allowance(new BigDecimal("3.00")).setReason("loyalty"));
        }
        invoice.addItem(widgets);
        invoice.addItem(new Item(new Product("Montage", small ? null : "Einbau", "HUR", new BigDecimal("19")),
                new BigDecimal("60.00"), new BigDecimal("1.5")));
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(profile));
        provider.generateXML(invoice);
        return new String(provider.getXML(), StandardCharsets.UTF_8);
    }

    /**
     * @param cii a CII invoice whose first line has a net price without gross price
     * @return the invoice with a gross price of 108.00 and two price allowances of 5.00 and 3.00 on the first
     *         line: allowed by Factur-X EXTENDED, while EN 16931 defines one price discount (BT-147)
     */
    static String withTwoPriceAllowances(String cii) {
        String edited = cii.replaceFirst("<ram:NetPriceProductTradePrice>",
                java.util.regex.Matcher.quoteReplacement(TWO_PRICE_ALLOWANCES) + "<ram:NetPriceProductTradePrice>");
        if (edited.equals(cii)) {
            throw new IllegalStateException("no net price to put a gross price before");
        }
        return edited;
    }

    /**
     * @param cii  a CII invoice
     * @param bt24 the specification identifier to give it
     * @return the invoice with that identifier
     */
    static String withBt24(String cii, String bt24) {
        return cii.replaceFirst("(<ram:GuidelineSpecifiedDocumentContextParameter>\\s*<ram:ID>)[^<]*(</ram:ID>)",
                "$1" + java.util.regex.Matcher.quoteReplacement(bt24) + "$2");
    }
}
