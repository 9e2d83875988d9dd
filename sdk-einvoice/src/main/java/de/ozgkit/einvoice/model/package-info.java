/**
 * The EN 16931 invoice model as XRechnung 3.0 uses it: immutable records for the invoice
 * ({@link de.ozgkit.einvoice.model.Invoice}) and every business group (BG-1 .. BG-32), each field
 * documented with its business term (BT-n).
 *
 * <p>{@link de.ozgkit.einvoice.model.Invoice#builder()} computes what EN 16931 derives and refuses
 * invoices that break a rule with an {@link de.ozgkit.einvoice.model.InvoiceRuleException} naming
 * the rule:
 *
 * <pre>{@code
 * Invoice invoice = Invoice.builder()
 *         .number("RE-2024-0001")
 *         .issueDate(LocalDate.of(2024, 5, 2))
 *         .buyerReference("04011000-1234512345-06")          // BT-10, Leitweg-ID
 *         .paymentDueDate(LocalDate.of(2024, 6, 1))
 *         .seller(seller)
 *         .buyer(buyer)
 *         .paymentInstructions(PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", null, null))
 *         .addLine(InvoiceLine.builder().id("1").item(Item.named("Gebühr"))
 *                 .quantity(BigDecimal.ONE, "C62").netPrice(new BigDecimal("100.00"))
 *                 .vat(VatCategory.STANDARD_RATE, new BigDecimal("19")).build())
 *         .build();
 * }</pre>
 *
 * <p>All types are immutable and thread-safe; builders are not thread-safe.
 */
package de.ozgkit.einvoice.model;
