package de.ozgkit.einvoice.internal;

import de.ozgkit.einvoice.XRechnungVariant;
import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceRuleException;
import de.ozgkit.einvoice.model.ItemAttribute;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.Period;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.Price;
import de.ozgkit.einvoice.model.Seller;
import de.ozgkit.einvoice.model.SupportingDocument;
import de.ozgkit.einvoice.model.VatBreakdown;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The EN 16931 and XRechnung 3.0 rules (errors, not warnings) that a deriving builder can check on
 * the model, each reported with its official identifier. Rules about arithmetic (BR-CO-10 ..
 * BR-CO-17, BR-S-08 ...) cannot break, because the builder computes those values.
 *
 * <p>Not API.
 */
public final class InvoiceRules {

    private static final BigDecimal SLACK = new BigDecimal("0.02");
    private static final Pattern SKONTO =
            Pattern.compile("#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\\.[0-9]{2})(#BASISBETRAG=-?[0-9]+\\.[0-9]{2})?#");
    private static final Pattern VAT_PREFIX = Pattern.compile("^[A-Z0-9]{2}.*");
    private static final Set<String> KNOWN_CATEGORIES = Set.of("S", "Z", "E", "AE", "K", "G", "O", "L", "M", "B");
    private static final Set<String> DE16_CATEGORIES = Set.of("S", "Z", "E", "AE", "K", "G", "L", "M");

    private InvoiceRules() {
    }

    private static void fail(String ruleId, String message) {
        throw new InvoiceRuleException(ruleId, message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean ok, String ruleId, String message) {
        if (!ok) {
            fail(ruleId, message);
        }
    }

    private static void decimals(BigDecimal v, String ruleId, String term) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            fail(ruleId, term + " has more than two decimals (" + v.toPlainString() + "); round it to two decimals");
        }
    }

    /**
     * Checks amounts a user hands to a deriving builder before they are used.
     *
     * @param lines                   invoice lines (checked later, with the whole invoice)
     * @param allowances              document level allowances
     * @param charges                 document level charges
     * @param paid                    Paid amount (BT-113)
     * @param rounding                Rounding amount (BT-114)
     * @param vatInAccountingCurrency BT-111
     * @throws InvoiceRuleException for the first rule found broken
     */
    public static void checkInputs(List<InvoiceLine> lines, List<AllowanceCharge> allowances,
                                   List<AllowanceCharge> charges, BigDecimal paid, BigDecimal rounding,
                                   BigDecimal vatInAccountingCurrency) {
        decimals(paid, "BR-DEC-16", "Paid amount (BT-113)");
        decimals(rounding, "BR-DEC-17", "Rounding amount (BT-114)");
        decimals(vatInAccountingCurrency, "BR-DEC-15", "Invoice total VAT amount in accounting currency (BT-111)");
        for (AllowanceCharge a : allowances) {
            checkDocumentAllowanceCharge(a);
        }
        for (AllowanceCharge c : charges) {
            checkDocumentAllowanceCharge(c);
        }
    }

    private static void checkDocumentAllowanceCharge(AllowanceCharge x) {
        String what = x.charge() ? "Document level charge (BG-21)" : "Document level allowance (BG-20)";
        decimals(x.amount(), x.charge() ? "BR-DEC-05" : "BR-DEC-01", what + " amount (" + (x.charge() ? "BT-99" : "BT-92") + ")");
        decimals(x.baseAmount(), x.charge() ? "BR-DEC-06" : "BR-DEC-02",
                what + " base amount (" + (x.charge() ? "BT-100" : "BT-93") + ")");
        percentageRules(x.amount(), x.baseAmount(), x.percentage(), what);
    }

    private static void percentageRules(BigDecimal amount, BigDecimal base, BigDecimal percentage, String what) {
        require(percentage == null || base != null, "PEPPOL-EN16931-R041",
                what + " has a percentage but no base amount; give the base amount the percentage applies to");
        require(base == null || percentage != null, "PEPPOL-EN16931-R042",
                what + " has a base amount but no percentage; give the percentage or drop the base amount");
        if (amount != null && base != null && percentage != null) {
            BigDecimal expected = Calculations.percentOf(base, percentage);
            require(amount.subtract(expected).abs().compareTo(SLACK) <= 0, "PEPPOL-EN16931-R040",
                    what + " amount " + amount.toPlainString() + " is not base amount x percentage / 100 = "
                            + expected.toPlainString() + "; leave the amount unset to have it computed");
        }
    }

    /**
     * Checks the rules of one invoice line (BG-25).
     *
     * @param l the line (or sub invoice line)
     */
    public static void checkLine(InvoiceLine l) {
        String at = "invoice line " + (l.id() == null ? "without identifier" : "\"" + l.id() + "\"");
        require(!blank(l.id()), "BR-21", "an invoice line has no Invoice line identifier (BT-126); number the lines");
        require(l.quantity() != null, "BR-22", at + " has no Invoiced quantity (BT-129)");
        require(!blank(l.unitCode()), "BR-23", at + " has no unit of measure code (BT-130), e.g. C62 for one piece");
        require(l.item() != null && !blank(l.item().name()), "BR-25", at + " has no Item name (BT-153)");
        Price p = l.price();
        require(p != null && p.netPrice() != null, "BR-26", at + " has no Item net price (BT-146)");
        require(p.netPrice().signum() >= 0, "BR-27", at + ": the Item net price (BT-146) must not be negative, was "
                + p.netPrice().toPlainString() + "; express a reduction as a line allowance");
        require(p.grossPrice() == null || p.grossPrice().signum() >= 0, "BR-28",
                at + ": the Item gross price (BT-148) must not be negative");
        require(!blank(l.vatCategoryCode()), "BR-CO-04", at + " has no Invoiced item VAT category code (BT-151)");
        require(p.baseQuantity() == null || p.baseQuantity().signum() > 0, "PEPPOL-EN16931-R121",
                at + ": the Item price base quantity (BT-149) must be above zero");
        require(p.baseQuantityUnit() == null || p.baseQuantityUnit().equals(l.unitCode()), "PEPPOL-EN16931-R130",
                at + ": the base quantity unit (BT-150) " + p.baseQuantityUnit()
                        + " differs from the invoiced quantity unit (BT-130) " + l.unitCode());
        if (p.grossPrice() != null) {
            BigDecimal discount = p.discount() == null ? BigDecimal.ZERO : p.discount();
            require(p.netPrice().compareTo(p.grossPrice().subtract(discount)) == 0 && discount.signum() >= 0,
                    "PEPPOL-EN16931-R046", at + ": the Item net price (BT-146) " + p.netPrice().toPlainString()
                            + " must equal gross price (BT-148) minus price discount (BT-147) and must not exceed the"
                            + " gross price");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (LineAllowanceCharge x : l.allowances()) {
            sum = sum.subtract(checkLineAllowanceCharge(x, at));
        }
        for (LineAllowanceCharge x : l.charges()) {
            sum = sum.add(checkLineAllowanceCharge(x, at));
        }
        require(l.netAmount() != null, "BR-24", at + " has no Invoice line net amount (BT-131)");
        decimals(l.netAmount(), "BR-DEC-23", at + ": the Invoice line net amount (BT-131)");
        BigDecimal expected = Calculations.lineAmount(l.quantity(), p.netPrice(), p.baseQuantity()).add(sum);
        require(l.netAmount().subtract(expected).abs().compareTo(SLACK) <= 0, "PEPPOL-EN16931-R120",
                at + ": the Invoice line net amount (BT-131) " + l.netAmount().toPlainString()
                        + " is not quantity x net price / base quantity + charges - allowances = "
                        + expected.toPlainString() + "; leave it unset to have it computed");
        period(l.period(), "BR-30", "BR-CO-20", at + ": the Invoice line period (BG-26)");
        if (l.item().standardId() != null) {
            require(l.item().standardId().schemeId() != null, "BR-64",
                    at + ": the Item standard identifier (BT-157) needs a scheme identifier, e.g. 0160 for a GTIN");
        }
        for (Classification c : l.item().classifications()) {
            require(c.listId() != null, "BR-65",
                    at + ": the Item classification identifier (BT-158) needs a scheme identifier (UNTDID 7143)");
        }
        if (!l.subLines().isEmpty()) {
            BigDecimal subs = BigDecimal.ZERO;
            for (InvoiceLine s : l.subLines()) {
                checkLine(s);
                require(!blank(s.vatCategoryCode()), "BR-DEX-03",
                        "sub invoice line \"" + s.id() + "\" needs its VAT category (BG-DEX-06)");
                subs = subs.add(s.netAmount());
            }
            require(subs.compareTo(l.netAmount()) == 0, "BR-DEX-02", at + ": the net amount (BT-131) "
                    + l.netAmount().toPlainString() + " must equal the sum of its sub invoice lines' net amounts, "
                    + subs.toPlainString());
        }
    }

    private static BigDecimal checkLineAllowanceCharge(LineAllowanceCharge x, String at) {
        String what = at + ": an " + (x.charge() ? "Invoice line charge (BG-28)" : "Invoice line allowance (BG-27)");
        require(x.amount() != null, x.charge() ? "BR-43" : "BR-41", what + " has no amount; give an amount or a percentage");
        require(!blank(x.reason()) || !blank(x.reasonCode()), x.charge() ? "BR-44" : "BR-42",
                what + " needs a reason (" + (x.charge() ? "BT-144" : "BT-139") + ") or reason code ("
                        + (x.charge() ? "BT-145" : "BT-140") + ")");
        decimals(x.amount(), x.charge() ? "BR-DEC-27" : "BR-DEC-24", what + " amount");
        decimals(x.baseAmount(), x.charge() ? "BR-DEC-28" : "BR-DEC-25", what + " base amount");
        percentageRules(x.amount(), x.baseAmount(), x.percentage(), what);
        return x.amount();
    }

    private static void period(Period p, String orderRule, String presenceRule, String what) {
        if (p == null) {
            return;
        }
        require(p.start() != null || p.end() != null, presenceRule, what + " needs a start or an end date");
        require(p.start() == null || p.end() == null || !p.end().isBefore(p.start()), orderRule,
                what + " ends (" + p.end() + ") before it starts (" + p.start() + ")");
    }

    /**
     * Checks a complete invoice that a deriving builder produced.
     *
     * @param inv the invoice
     * @throws InvoiceRuleException for the first rule found broken
     */
    public static void check(Invoice inv) {
        require(!blank(inv.specificationIdentifier()), "BR-01", "the Specification identifier (BT-24) is missing");
        require(!blank(inv.number()), "BR-02", "the Invoice number (BT-1) is missing");
        require(inv.issueDate() != null, "BR-03", "the Invoice issue date (BT-2) is missing");
        require(!blank(inv.typeCode()), "BR-04", "the Invoice type code (BT-3) is missing");
        require(!blank(inv.currencyCode()), "BR-05", "the Invoice currency code (BT-5) is missing");
        require(inv.currencyCode().matches("[A-Z]{3}"), "BR-CL-04",
                "the Invoice currency code (BT-5) must be an ISO 4217 code such as EUR, was " + inv.currencyCode());
        require(!blank(inv.buyerReference()), "BR-DE-15",
                "the Buyer reference (BT-10) is missing; set it to the buyer's Leitweg-ID (or the reference the buyer"
                        + " asked for)");
        require(!blank(inv.businessProcessType()), "PEPPOL-EN16931-R001", "the Business process type (BT-23) is missing");
        if (inv.vatAccountingCurrencyCode() != null) {
            require(inv.totals().vatTotalInAccountingCurrency() != null, "BR-53",
                    "a VAT accounting currency (BT-6) needs the Invoice total VAT amount in accounting currency (BT-111)");
            require(!inv.vatAccountingCurrencyCode().equals(inv.currencyCode()), "PEPPOL-EN16931-R005",
                    "the VAT accounting currency (BT-6) must differ from the invoice currency (BT-5); drop it");
            require(inv.totals().vatTotal().signum() * inv.totals().vatTotalInAccountingCurrency().signum() >= 0,
                    "PEPPOL-EN16931-R055", "the total VAT in invoice currency (BT-110) and in accounting currency"
                            + " (BT-111) must have the same sign");
        }
        require(inv.vatPointDate() == null || inv.vatPointDateCode() == null, "BR-CO-03",
                "give either the Value added tax point date (BT-7) or its code (BT-8), not both");
        period(inv.invoicingPeriod(), "BR-29", "BR-CO-19", "the Invoicing period (BG-14)");
        checkSeller(inv.seller());
        checkBuyer(inv.buyer());
        if (inv.payee() != null) {
            require(!blank(inv.payee().name()), "BR-17", "the Payee name (BT-59) is missing");
            require(!inv.payee().name().equals(inv.seller().name()), "UBL-SR-19",
                    "the Payee (BG-10) is only given when it differs from the Seller; drop it or give another name");
        }
        if (inv.taxRepresentative() != null) {
            require(!blank(inv.taxRepresentative().name()), "BR-18", "the Seller tax representative name (BT-62) is missing");
            require(inv.taxRepresentative().address() != null, "BR-19",
                    "the Seller tax representative postal address (BG-12) is missing");
            require(!blank(inv.taxRepresentative().address().countryCode()), "BR-20",
                    "the Seller tax representative country code (BT-69) is missing");
            require(!blank(inv.taxRepresentative().vatId()), "BR-56",
                    "the Seller tax representative VAT identifier (BT-63) is missing");
            vatPrefix(inv.taxRepresentative().vatId(), "Seller tax representative VAT identifier (BT-63)");
        }
        Delivery d = inv.delivery();
        if (d != null && d.address() != null) {
            require(!blank(d.address().countryCode()), "BR-57", "the Deliver to country code (BT-80) is missing");
            require(!blank(d.address().city()), "BR-DE-10", "the Deliver to city (BT-77) is missing");
            require(!blank(d.address().postCode()), "BR-DE-11", "the Deliver to post code (BT-78) is missing");
        }
        checkPayment(inv);
        checkPaymentTerms(inv.paymentTerms());
        Set<String> filenames = new HashSet<>();
        for (SupportingDocument s : inv.supportingDocuments()) {
            if (s.attachment() != null) {
                require(filenames.add(s.attachment().filename()), "BR-DE-22",
                        "two attachments are named \"" + s.attachment().filename() + "\"; file names must be unique");
            }
        }
        require(!inv.lines().isEmpty(), "BR-16", "the invoice has no invoice line (BG-25)");
        for (InvoiceLine l : inv.lines()) {
            checkLine(l);
            Period lp = l.period();
            Period ip = inv.invoicingPeriod();
            if (lp != null && ip != null) {
                require(lp.start() == null || ip.start() == null || !lp.start().isBefore(ip.start()),
                        "PEPPOL-EN16931-R110", "the period of invoice line \"" + l.id()
                                + "\" starts before the invoicing period (BG-14)");
                require(lp.end() == null || ip.end() == null || !lp.end().isAfter(ip.end()), "PEPPOL-EN16931-R111",
                        "the period of invoice line \"" + l.id() + "\" ends after the invoicing period (BG-14)");
            }
        }
        for (AllowanceCharge x : inv.allowances()) {
            checkDocumentAllowanceChargeComplete(x);
        }
        for (AllowanceCharge x : inv.charges()) {
            checkDocumentAllowanceChargeComplete(x);
        }
        checkVat(inv);
        if (inv.totals().amountDue().signum() > 0) {
            require(inv.paymentDueDate() != null || !blank(inv.paymentTerms()), "BR-CO-25",
                    "the amount due (BT-115) is positive, so give a Payment due date (BT-9) or Payment terms (BT-20)");
        }
        if (inv.variant().orElse(null) == XRechnungVariant.CVD) {
            checkCvd(inv);
        }
    }

    private static void checkDocumentAllowanceChargeComplete(AllowanceCharge x) {
        String what = x.charge() ? "a Document level charge (BG-21)" : "a Document level allowance (BG-20)";
        require(x.amount() != null, x.charge() ? "BR-36" : "BR-31", what + " has no amount; give the amount or"
                + " base amount and percentage");
        require(!blank(x.vatCategoryCode()), x.charge() ? "BR-37" : "BR-32", what + " has no VAT category code ("
                + (x.charge() ? "BT-102" : "BT-95") + ")");
        require(!blank(x.reason()) || !blank(x.reasonCode()), x.charge() ? "BR-38" : "BR-33",
                what + " needs a reason or a reason code");
    }

    private static void checkSeller(Seller s) {
        require(s != null && !blank(s.name()), "BR-06", "the Seller name (BT-27) is missing");
        require(s.address() != null, "BR-08", "the Seller postal address (BG-5) is missing");
        PostalAddress a = s.address();
        require(!blank(a.countryCode()), "BR-09", "the Seller country code (BT-40) is missing");
        require(!blank(a.city()), "BR-DE-3", "the Seller city (BT-37) is missing");
        require(!blank(a.postCode()), "BR-DE-4", "the Seller post code (BT-38) is missing");
        Contact c = s.contact();
        require(c != null, "BR-DE-2", "the SELLER CONTACT (BG-6) is missing; XRechnung requires contact point,"
                + " telephone and e-mail");
        require(!blank(c.name()), "BR-DE-5", "the Seller contact point (BT-41) is missing");
        require(!blank(c.telephone()), "BR-DE-6", "the Seller contact telephone number (BT-42) is missing");
        require(!blank(c.email()), "BR-DE-7", "the Seller contact email address (BT-43) is missing");
        require(s.electronicAddress() != null, "PEPPOL-EN16931-R020",
                "the Seller electronic address (BT-34) is missing, e.g. Identifier.of(\"invoice@seller.example\", \"EM\")");
        require(s.electronicAddress().schemeId() != null, "BR-62",
                "the Seller electronic address (BT-34) needs a scheme identifier, e.g. EM for e-mail");
        require(s.vatId() != null || s.legalRegistrationId() != null || !s.identifiers().isEmpty(), "BR-CO-26",
                "give a Seller identifier (BT-29), legal registration identifier (BT-30) or VAT identifier (BT-31)");
        vatPrefix(s.vatId(), "Seller VAT identifier (BT-31)");
    }

    private static void checkBuyer(Buyer b) {
        require(b != null && !blank(b.name()), "BR-07", "the Buyer name (BT-44) is missing");
        require(b.address() != null, "BR-10", "the Buyer postal address (BG-8) is missing");
        require(!blank(b.address().countryCode()), "BR-11", "the Buyer country code (BT-55) is missing");
        require(!blank(b.address().city()), "BR-DE-8", "the Buyer city (BT-52) is missing");
        require(!blank(b.address().postCode()), "BR-DE-9", "the Buyer post code (BT-53) is missing");
        require(b.electronicAddress() != null, "PEPPOL-EN16931-R010",
                "the Buyer electronic address (BT-49) is missing; public buyers use their Leitweg-ID with scheme 0204");
        require(b.electronicAddress().schemeId() != null, "BR-63",
                "the Buyer electronic address (BT-49) needs a scheme identifier, e.g. 0204 for a Leitweg-ID");
        vatPrefix(b.vatId(), "Buyer VAT identifier (BT-48)");
    }

    private static void vatPrefix(String vatId, String term) {
        if (vatId != null) {
            require(VAT_PREFIX.matcher(vatId).matches() && Character.isLetter(vatId.charAt(0)), "BR-CO-09",
                    "the " + term + " must start with the ISO 3166-1 country prefix, e.g. DE123456789");
        }
    }

    private static void checkPayment(Invoice inv) {
        PaymentInstructions p = inv.paymentInstructions();
        require(p != null, "BR-DE-1", "the PAYMENT INSTRUCTIONS (BG-16) are missing, e.g."
                + " PaymentInstructions.sepaCreditTransfer(iban, name, bic)");
        require(!blank(p.meansCode()), "BR-49", "the Payment means type code (BT-81) is missing");
        String code = p.meansCode();
        boolean transfer = !p.creditTransfers().isEmpty();
        if (code.equals("30") || code.equals("58")) {
            require(transfer, "BR-DE-23-a", "payment means " + code + " is a credit transfer and needs a CREDIT"
                    + " TRANSFER (BG-17) with the account");
            require(p.card() == null && directDebitGroup(p) == false, "BR-DE-23-b",
                    "payment means " + code + " is a credit transfer; drop card (BG-18) and direct debit (BG-19)");
        } else if (code.equals("48") || code.equals("54") || code.equals("55")) {
            require(p.card() != null, "BR-DE-24-a", "payment means " + code + " is a card payment and needs the"
                    + " PAYMENT CARD INFORMATION (BG-18)");
            require(!transfer && !directDebitGroup(p), "BR-DE-24-b",
                    "payment means " + code + " is a card payment; drop credit transfer (BG-17) and direct debit (BG-19)");
        } else if (code.equals("59")) {
            require(directDebitGroup(p), "BR-DE-25-a", "payment means 59 is a direct debit and needs DIRECT DEBIT (BG-19)");
            require(!transfer && p.card() == null, "BR-DE-25-b",
                    "payment means 59 is a direct debit; drop credit transfer (BG-17) and card (BG-18)");
        }
        if (directDebitGroup(p)) {
            require(!blank(p.directDebit().mandateReference()), "PEPPOL-EN16931-R061",
                    "the Mandate reference identifier (BT-89) is missing for the direct debit");
            require(!blank(p.directDebit().creditorId()), "BR-DE-30",
                    "the Bank assigned creditor identifier (BT-90) is missing for the direct debit");
            require(!blank(p.directDebit().debitedAccountId()), "BR-DE-31",
                    "the Debited account identifier (BT-91) is missing for the direct debit");
        }
    }

    private static boolean directDebitGroup(PaymentInstructions p) {
        return p.directDebit() != null
                && (p.directDebit().mandateReference() != null || p.directDebit().debitedAccountId() != null);
    }

    private static void checkPaymentTerms(String terms) {
        if (terms == null) {
            return;
        }
        String[] lines = terms.split("\r?\n", -1);
        boolean any = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("#")) {
                any = true;
                require(SKONTO.matcher(t).matches(), "BR-DE-18", "the cash discount line \"" + t + "\" in the Payment"
                        + " terms (BT-20) must read #SKONTO#TAGE=n#PROZENT=n.nn# (optionally #BASISBETRAG=n.nn#);"
                        + " use InvoiceBuilder.skontoLine");
            }
        }
        if (any) {
            int last = terms.lastIndexOf('#');
            String rest = terms.substring(last + 1);
            require(rest.matches("(?s)^[ \\t\\r]*\\n.*"), "BR-DE-18",
                    "the last cash discount line in the Payment terms (BT-20) must end with a line break");
        }
    }

    private static void checkVat(Invoice inv) {
        Set<String> categories = new LinkedHashSet<>();
        for (InvoiceLine l : inv.lines()) {
            categories.add(l.vatCategoryCode());
            rate(l.vatCategoryCode(), l.vatRate(), "invoice line \"" + l.id() + "\"", "05");
        }
        for (AllowanceCharge x : inv.allowances()) {
            categories.add(x.vatCategoryCode());
            rate(x.vatCategoryCode(), x.vatRate(), "a document level allowance", "06");
        }
        for (AllowanceCharge x : inv.charges()) {
            categories.add(x.vatCategoryCode());
            rate(x.vatCategoryCode(), x.vatRate(), "a document level charge", "07");
        }
        Seller s = inv.seller();
        String repVat = inv.taxRepresentative() == null ? null : inv.taxRepresentative().vatId();
        boolean sellerTaxId = s.vatId() != null || s.taxRegistrationId() != null || repVat != null;
        boolean sellerVat = s.vatId() != null || repVat != null;
        Buyer b = inv.buyer();
        for (String c : categories) {
            require(KNOWN_CATEGORIES.contains(c), "BR-CL-18", "VAT category code \"" + c + "\" is not one of UNTDID"
                    + " 5305 as EN 16931 uses it (S, Z, E, AE, K, G, O, L, M)");
            String p = prefix(c);
            switch (c) {
                case "S", "Z", "E", "L", "M" -> require(sellerTaxId, p + "-02", "VAT category " + c
                        + " needs the Seller VAT identifier (BT-31), tax registration identifier (BT-32) or a tax"
                        + " representative (BG-11)");
                case "AE" -> {
                    require(sellerTaxId, p + "-02", "reverse charge (AE) needs the Seller VAT identifier (BT-31), tax"
                            + " registration identifier (BT-32) or a tax representative (BG-11)");
                    require(b.vatId() != null || b.legalRegistrationId() != null, p + "-02",
                            "reverse charge (AE) needs the Buyer VAT identifier (BT-48) or legal registration (BT-47)");
                }
                case "K" -> {
                    require(sellerVat && b.vatId() != null, p + "-02", "intra-community supply (K) needs the Seller"
                            + " VAT identifier (BT-31) or tax representative VAT identifier (BT-63) and the Buyer VAT"
                            + " identifier (BT-48)");
                    require(inv.invoicingPeriod() != null || (inv.delivery() != null
                            && inv.delivery().actualDeliveryDate() != null), "BR-IC-11",
                            "intra-community supply (K) needs the Actual delivery date (BT-72) or the Invoicing period (BG-14)");
                    require(inv.delivery() != null && inv.delivery().address() != null
                            && inv.delivery().address().countryCode() != null, "BR-IC-12",
                            "intra-community supply (K) needs the Deliver to country code (BT-80)");
                }
                case "G" -> require(sellerVat, p + "-02", "export outside the EU (G) needs the Seller VAT identifier"
                        + " (BT-31) or tax representative VAT identifier (BT-63)");
                case "O" -> {
                    require(s.vatId() == null && repVat == null && b.vatId() == null, p + "-02",
                            "not subject to VAT (O) forbids the Seller, tax representative and Buyer VAT identifiers"
                                    + " (BT-31, BT-63, BT-48)");
                    require(categories.size() == 1, "BR-O-11", "an invoice with VAT category O (not subject to VAT)"
                            + " must not contain other VAT categories");
                }
                default -> {
                    // B (split payment) is Italian only and has no further rule here
                }
            }
            if (DE16_CATEGORIES.contains(c)) {
                require(sellerTaxId, "BR-DE-16", "VAT category " + c + " needs the Seller VAT identifier (BT-31),"
                        + " tax registration identifier (BT-32) or a tax representative (BG-11)");
            }
        }
        for (VatBreakdown v : inv.vatBreakdown()) {
            String c = v.categoryCode();
            boolean hasReason = v.exemptionReason() != null || v.exemptionReasonCode() != null;
            switch (c) {
                case "S", "Z", "L", "M" -> require(!hasReason, prefix(c) + "-10", "VAT category " + c
                        + " must not have a VAT exemption reason (BT-120, BT-121); remove it");
                case "E", "AE", "K", "G", "O" -> require(hasReason, prefix(c) + "-10", "VAT category " + c
                        + " needs a VAT exemption reason text (BT-120) or code (BT-121); use vatExemption(...)");
                default -> {
                    // no rule
                }
            }
            require(v.rate() != null, "BR-DE-14", "the VAT category rate (BT-119) is missing for category " + c);
        }
    }

    private static String prefix(String category) {
        return switch (category) {
            case "K" -> "BR-IC";
            case "L" -> "BR-AF";
            case "M" -> "BR-AG";
            default -> "BR-" + category;
        };
    }

    private static void rate(String category, BigDecimal rate, String where, String suffix) {
        if (category == null) {
            return;
        }
        String id = prefix(category) + "-" + suffix;
        switch (category) {
            case "S" -> require(rate != null && rate.signum() > 0, id, where + " has VAT category S and needs a VAT"
                    + " rate above zero");
            case "Z", "E", "AE", "K", "G" -> require(rate != null && rate.signum() == 0, id, where + " has VAT category "
                    + category + ", whose VAT rate must be 0");
            case "O" -> require(rate == null, id, where + " has VAT category O (not subject to VAT) and must not carry"
                    + " a VAT rate; pass null");
            case "L", "M" -> require(rate != null && rate.signum() >= 0, id, where + " has VAT category " + category
                    + " and needs a VAT rate of 0 or more");
            default -> {
                // unknown categories are reported by BR-CL-18
            }
        }
    }

    private static void checkCvd(Invoice inv) {
        require(!blank(inv.contractReference()), "BR-DE-CVD-01", "the CVD variant needs the Contract reference (BT-12)");
        require(!blank(inv.tenderOrLotReference()), "BR-DE-CVD-02",
                "the CVD variant needs the Tender or lot reference (BT-17)");
        boolean any = false;
        for (InvoiceLine l : inv.lines()) {
            long cvd = l.item().classifications().stream().filter(c -> "CVD".equals(c.listId())).count();
            long cva = l.item().attributes().stream().map(ItemAttribute::name).filter("cva"::equals).count();
            require(cvd == 0 || cva == 1, "BR-DE-CVD-06-a", "invoice line \"" + l.id() + "\" has a CVD vehicle"
                    + " category (BT-158) and needs exactly one item attribute \"cva\" (BT-160)");
            require(cva == 0 || cvd == 1, "BR-DE-CVD-06-b", "invoice line \"" + l.id() + "\" has the item attribute"
                    + " \"cva\" and needs exactly one classification with scheme CVD (BT-158)");
            any |= cvd > 0 && cva > 0;
        }
        require(any, "BR-DE-CVD-03", "the CVD variant needs at least one invoice line with a classification of scheme"
                + " CVD (BT-158) and the item attribute \"cva\" (BT-160)");
    }
}
