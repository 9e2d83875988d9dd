package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.XRechnungVariant;
import de.ozgkit.einvoice.internal.InvoiceTexts;
import de.ozgkit.einvoice.internal.Values;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An EN 16931 invoice or credit note (INVOICE, the root of the semantic model) with every
 * business term and group that XRechnung 3.0 uses. Immutable and thread-safe; optional terms are
 * {@code null} when absent, collections are never {@code null}.
 *
 * <p>Build new invoices with {@link #builder()}, which computes line net amounts, the VAT
 * breakdown and the totals and refuses invoices that break EN 16931 or XRechnung rules with an
 * {@link InvoiceRuleException}. {@link #rawBuilder()} takes every value as it is (readers use it).
 *
 * @param number                    Invoice number (BT-1)
 * @param issueDate                 Invoice issue date (BT-2)
 * @param typeCode                  Invoice type code (BT-3), UNTDID 1001, e.g. {@code "380"}; see {@link InvoiceType}
 * @param currencyCode              Invoice currency code (BT-5), ISO 4217
 * @param vatAccountingCurrencyCode VAT accounting currency code (BT-6), or {@code null}
 * @param vatPointDate              Value added tax point date (BT-7), or {@code null}
 * @param vatPointDateCode          Value added tax point date code (BT-8), UNTDID 2005, or {@code null}
 * @param paymentDueDate            Payment due date (BT-9), or {@code null}
 * @param buyerReference            Buyer reference (BT-10), the Leitweg-ID for German public buyers
 * @param projectReference          Project reference (BT-11), or {@code null}
 * @param contractReference         Contract reference (BT-12), or {@code null}
 * @param purchaseOrderReference    Purchase order reference (BT-13), or {@code null}
 * @param salesOrderReference       Sales order reference (BT-14), or {@code null}
 * @param receivingAdviceReference  Receiving advice reference (BT-15), or {@code null}
 * @param despatchAdviceReference   Despatch advice reference (BT-16), or {@code null}
 * @param tenderOrLotReference      Tender or lot reference (BT-17), or {@code null}
 * @param invoicedObjectIdentifier  Invoiced object identifier (BT-18) with scheme (UNTDID 1153), or {@code null}
 * @param buyerAccountingReference  Buyer accounting reference (BT-19), or {@code null}
 * @param paymentTerms              Payment terms (BT-20), including XRechnung "#SKONTO#" lines, or {@code null}
 * @param notes                     INVOICE NOTE (BG-1); never {@code null}
 * @param businessProcessType       Business process type (BT-23, part of PROCESS CONTROL BG-2), or {@code null}
 * @param specificationIdentifier   Specification identifier (BT-24, part of BG-2); tells the XRechnung variant
 * @param precedingInvoices         PRECEDING INVOICE REFERENCE (BG-3); never {@code null}
 * @param seller                    SELLER (BG-4, with BG-5 and BG-6)
 * @param buyer                     BUYER (BG-7, with BG-8 and BG-9)
 * @param payee                     PAYEE (BG-10), or {@code null}
 * @param taxRepresentative         SELLER TAX REPRESENTATIVE PARTY (BG-11, with BG-12), or {@code null}
 * @param delivery                  DELIVERY INFORMATION (BG-13, with BG-15), or {@code null}
 * @param invoicingPeriod           INVOICING PERIOD (BG-14), or {@code null}
 * @param paymentInstructions       PAYMENT INSTRUCTIONS (BG-16, with BG-17, BG-18, BG-19), or {@code null}
 * @param allowances                DOCUMENT LEVEL ALLOWANCES (BG-20); never {@code null}
 * @param charges                   DOCUMENT LEVEL CHARGES (BG-21); never {@code null}
 * @param totals                    DOCUMENT TOTALS (BG-22)
 * @param vatBreakdown              VAT BREAKDOWN (BG-23); never {@code null}
 * @param supportingDocuments       ADDITIONAL SUPPORTING DOCUMENTS (BG-24); never {@code null}
 * @param lines                     INVOICE LINE (BG-25); never {@code null}
 * @param thirdPartyPayments        THIRD PARTY PAYMENT (BG-DEX-09, XRechnung Extension, UBL only); never {@code null}
 */
public record Invoice(String number, LocalDate issueDate, String typeCode, String currencyCode,
                      String vatAccountingCurrencyCode, LocalDate vatPointDate, String vatPointDateCode,
                      LocalDate paymentDueDate, String buyerReference, String projectReference,
                      String contractReference, String purchaseOrderReference, String salesOrderReference,
                      String receivingAdviceReference, String despatchAdviceReference, String tenderOrLotReference,
                      Identifier invoicedObjectIdentifier, String buyerAccountingReference, String paymentTerms,
                      List<Note> notes, String businessProcessType, String specificationIdentifier,
                      List<PrecedingInvoiceReference> precedingInvoices, Seller seller, Buyer buyer, Payee payee,
                      TaxRepresentative taxRepresentative, Delivery delivery, Period invoicingPeriod,
                      PaymentInstructions paymentInstructions, List<AllowanceCharge> allowances,
                      List<AllowanceCharge> charges, DocumentTotals totals, List<VatBreakdown> vatBreakdown,
                      List<SupportingDocument> supportingDocuments, List<InvoiceLine> lines,
                      List<ThirdPartyPayment> thirdPartyPayments) {

    /** The business process type (BT-23) that XRechnung documents commonly carry (Peppol billing). */
    public static final String DEFAULT_BUSINESS_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /**
     * Copies the lists, turns empty texts into {@code null} and strips white space from both ends of
     * every text except the free texts BT-20 and BT-22, which are kept verbatim; then checks every text
     * of the invoice.
     *
     * @throws InvoiceValueException if a text holds a character XML 1.0 cannot carry, or a text the
     *                               invoice requires (an identifier's value, a note, a reference) is empty,
     *                               or BT-111 is given without BT-6
     */
    public Invoice(String number, LocalDate issueDate, String typeCode, String currencyCode,
                   String vatAccountingCurrencyCode, LocalDate vatPointDate, String vatPointDateCode,
                   LocalDate paymentDueDate, String buyerReference, String projectReference,
                   String contractReference, String purchaseOrderReference, String salesOrderReference,
                   String receivingAdviceReference, String despatchAdviceReference, String tenderOrLotReference,
                   Identifier invoicedObjectIdentifier, String buyerAccountingReference, String paymentTerms,
                   List<Note> notes, String businessProcessType, String specificationIdentifier,
                   List<PrecedingInvoiceReference> precedingInvoices, Seller seller, Buyer buyer, Payee payee,
                   TaxRepresentative taxRepresentative, Delivery delivery, Period invoicingPeriod,
                   PaymentInstructions paymentInstructions, List<AllowanceCharge> allowances,
                   List<AllowanceCharge> charges, DocumentTotals totals, List<VatBreakdown> vatBreakdown,
                   List<SupportingDocument> supportingDocuments, List<InvoiceLine> lines,
                   List<ThirdPartyPayment> thirdPartyPayments) {
        number = Values.token(number);
        typeCode = Values.token(typeCode);
        currencyCode = Values.token(currencyCode);
        vatAccountingCurrencyCode = Values.token(vatAccountingCurrencyCode);
        vatPointDateCode = Values.token(vatPointDateCode);
        buyerReference = Values.token(buyerReference);
        projectReference = Values.token(projectReference);
        contractReference = Values.token(contractReference);
        purchaseOrderReference = Values.token(purchaseOrderReference);
        salesOrderReference = Values.token(salesOrderReference);
        receivingAdviceReference = Values.token(receivingAdviceReference);
        despatchAdviceReference = Values.token(despatchAdviceReference);
        tenderOrLotReference = Values.token(tenderOrLotReference);
        buyerAccountingReference = Values.token(buyerAccountingReference);
        paymentTerms = Values.text(paymentTerms);
        notes = Values.list(notes);
        businessProcessType = Values.token(businessProcessType);
        specificationIdentifier = Values.token(specificationIdentifier);
        precedingInvoices = Values.list(precedingInvoices);
        allowances = Values.list(allowances);
        charges = Values.list(charges);
        vatBreakdown = Values.list(vatBreakdown);
        supportingDocuments = Values.list(supportingDocuments);
        lines = Values.list(lines);
        thirdPartyPayments = Values.list(thirdPartyPayments);
        this.number = number;
        this.issueDate = issueDate;
        this.typeCode = typeCode;
        this.currencyCode = currencyCode;
        this.vatAccountingCurrencyCode = vatAccountingCurrencyCode;
        this.vatPointDate = vatPointDate;
        this.vatPointDateCode = vatPointDateCode;
        this.paymentDueDate = paymentDueDate;
        this.buyerReference = buyerReference;
        this.projectReference = projectReference;
        this.contractReference = contractReference;
        this.purchaseOrderReference = purchaseOrderReference;
        this.salesOrderReference = salesOrderReference;
        this.receivingAdviceReference = receivingAdviceReference;
        this.despatchAdviceReference = despatchAdviceReference;
        this.tenderOrLotReference = tenderOrLotReference;
        this.invoicedObjectIdentifier = invoicedObjectIdentifier;
        this.buyerAccountingReference = buyerAccountingReference;
        this.paymentTerms = paymentTerms;
        this.notes = notes;
        this.businessProcessType = businessProcessType;
        this.specificationIdentifier = specificationIdentifier;
        this.precedingInvoices = precedingInvoices;
        this.seller = seller;
        this.buyer = buyer;
        this.payee = payee;
        this.taxRepresentative = taxRepresentative;
        this.delivery = delivery;
        this.invoicingPeriod = invoicingPeriod;
        this.paymentInstructions = paymentInstructions;
        this.allowances = allowances;
        this.charges = charges;
        this.totals = totals;
        this.vatBreakdown = vatBreakdown;
        this.supportingDocuments = supportingDocuments;
        this.lines = lines;
        this.thirdPartyPayments = thirdPartyPayments;
        if (totals != null && totals.vatTotalInAccountingCurrency() != null && vatAccountingCurrencyCode == null) {
            throw new InvoiceValueException("BT-6", "the invoice total VAT amount in accounting currency (BT-111) needs"
                    + " the VAT accounting currency code (BT-6), which both syntaxes write as its currency; give both or"
                    + " neither");
        }
        InvoiceTexts.check(this);
    }

    /**
     * A builder that derives line net amounts, VAT breakdown and totals and refuses invoices that
     * break EN 16931 or XRechnung 3.0 rules. Defaults: type code 380, currency EUR, the XRechnung 3.0
     * standard specification identifier and the Peppol billing business process.
     *
     * @return a new deriving builder
     */
    public static InvoiceBuilder builder() {
        return new InvoiceBuilder(true);
    }

    /**
     * A builder that takes every value as given, derives nothing and checks nothing (readers use it;
     * also handy for tests that need a deliberately broken invoice).
     *
     * @return a new raw builder
     */
    public static InvoiceBuilder rawBuilder() {
        return new InvoiceBuilder(false);
    }

    /**
     * A deriving builder holding this invoice's input values: everything except totals and VAT
     * breakdown, which it computes again. Paid amount (BT-113), rounding amount (BT-114), the VAT
     * total in accounting currency (BT-111) and VAT exemption reasons are carried over.
     *
     * @return a new deriving builder
     */
    public InvoiceBuilder toBuilder() {
        return InvoiceBuilder.from(this, true);
    }

    /** @return a raw builder holding all of this invoice's values */
    public InvoiceBuilder toRawBuilder() {
        return InvoiceBuilder.from(this, false);
    }

    /** @return the XRechnung variant named by the specification identifier (BT-24), if any */
    public Optional<XRechnungVariant> variant() {
        return XRechnungVariant.lookup(specificationIdentifier);
    }

    /** @return whether the type code (BT-3) denotes a credit note, which UBL writes as {@code CreditNote} */
    public boolean isCreditNote() {
        return InvoiceType.isCreditNoteCode(typeCode);
    }
}
