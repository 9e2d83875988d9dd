package de.ozgkit.einvoice.internal;

import de.ozgkit.core.money.Money;
import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.DocumentTotals;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.Period;
import de.ozgkit.einvoice.model.Price;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import de.ozgkit.einvoice.model.VatBreakdown;
import de.ozgkit.einvoice.model.VatCategory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of EN 16931: line net amounts, allowance and charge amounts from percentages,
 * the VAT breakdown per category and rate, and the document totals. Every result is rounded to two
 * decimals, half up ({@link Money#round(BigDecimal)}).
 *
 * <p>Not API: used by the model's deriving builders.
 */
public final class Calculations {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Calculations() {
    }

    /**
     * quantity x net price / base quantity, rounded: the line amount before line allowances and charges.
     *
     * @param quantity     BT-129
     * @param netPrice     BT-146
     * @param baseQuantity BT-149, {@code null} for 1
     * @return the rounded amount, or {@code null} when quantity or price is missing or the base is not positive
     */
    public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal netPrice, BigDecimal baseQuantity) {
        if (quantity == null || netPrice == null || (baseQuantity != null && baseQuantity.signum() <= 0)) {
            return null;
        }
        BigDecimal v = quantity.multiply(netPrice);
        if (baseQuantity != null && baseQuantity.compareTo(BigDecimal.ONE) != 0) {
            v = v.divide(baseQuantity, MathContext.DECIMAL128);
        }
        return Money.round(v);
    }

    /**
     * @param base       base amount
     * @param percentage percentage
     * @return base x percentage / 100, rounded
     */
    public static BigDecimal percentOf(BigDecimal base, BigDecimal percentage) {
        return Money.round(base.multiply(percentage).divide(HUNDRED, MathContext.DECIMAL128));
    }

    /**
     * Derives what a line's input leaves open, then checks the line rules. The parameters are the
     * line's business terms as {@link InvoiceLine} documents them.
     *
     * @param id                       BT-126
     * @param note                     BT-127
     * @param objectIdentifier         BT-128
     * @param quantity                 BT-129
     * @param unitCode                 BT-130
     * @param givenNetAmount           BT-131 as given, {@code null} to compute it
     * @param orderLineReference       BT-132
     * @param buyerAccountingReference BT-133
     * @param period                   BG-26
     * @param allowances               BG-27
     * @param charges                  BG-28
     * @param netPrice                 BT-146
     * @param discount                 BT-147
     * @param grossPrice               BT-148
     * @param baseQuantity             BT-149
     * @param baseQuantityUnit         BT-150
     * @param vatCategoryCode          BT-151
     * @param vatRate                  BT-152
     * @param item                     BG-31
     * @param subLines                 BG-DEX-01
     * @return the line
     * @throws de.ozgkit.einvoice.model.InvoiceRuleException if a rule is broken
     * @throws de.ozgkit.einvoice.model.InvoiceValueException for a number of more than {@link Values#MAX_DIGITS}
     *         digits before or after the point
     */
    public static InvoiceLine deriveLine(String id, String note, Identifier objectIdentifier, BigDecimal quantity,
                                         String unitCode, BigDecimal givenNetAmount, String orderLineReference,
                                         String buyerAccountingReference, Period period,
                                         List<LineAllowanceCharge> allowances, List<LineAllowanceCharge> charges,
                                         BigDecimal netPrice, BigDecimal discount, BigDecimal grossPrice,
                                         BigDecimal baseQuantity, String baseQuantityUnit, String vatCategoryCode,
                                         BigDecimal vatRate, Item item, List<InvoiceLine> subLines) {
        // numbers no invoice can hold are refused before any arithmetic is done with them
        quantity = Values.number(quantity);
        givenNetAmount = Values.amount(givenNetAmount);
        netPrice = Values.amount(netPrice);
        discount = Values.amount(discount);
        grossPrice = Values.amount(grossPrice);
        baseQuantity = Values.number(baseQuantity);
        vatRate = Values.number(vatRate);
        // price details: net = gross - discount, whichever two are given
        if (netPrice == null && grossPrice != null && discount != null) {
            netPrice = grossPrice.subtract(discount);
        } else if (netPrice != null && grossPrice != null && discount == null) {
            discount = grossPrice.subtract(netPrice);
        } else if (netPrice != null && grossPrice == null && discount != null) {
            grossPrice = netPrice.add(discount);
        }
        if (baseQuantity != null && baseQuantityUnit == null) {
            baseQuantityUnit = unitCode;
        }
        BigDecimal lineAmount = lineAmount(quantity, netPrice, baseQuantity);
        List<LineAllowanceCharge> a = completeLine(allowances, lineAmount);
        List<LineAllowanceCharge> c = completeLine(charges, lineAmount);
        BigDecimal net = givenNetAmount;
        if (net == null && lineAmount != null) {
            net = lineAmount.add(sumLine(c)).subtract(sumLine(a));
        }
        Price price = netPrice == null && grossPrice == null && discount == null && baseQuantity == null ? null
                : new Price(netPrice, discount, grossPrice, baseQuantity, baseQuantityUnit);
        InvoiceLine line = new InvoiceLine(id, note, objectIdentifier, quantity, unitCode, net, orderLineReference,
                buyerAccountingReference, period, a, c, price, vatCategoryCode, vatRate, item, subLines);
        InvoiceRules.checkLine(line);
        return line;
    }

    private static List<LineAllowanceCharge> completeLine(List<LineAllowanceCharge> list, BigDecimal lineAmount) {
        List<LineAllowanceCharge> out = new ArrayList<>(list.size());
        for (LineAllowanceCharge x : list) {
            if (x.amount() == null && x.percentage() != null) {
                BigDecimal base = x.baseAmount() != null ? x.baseAmount() : lineAmount;
                if (base != null) {
                    x = new LineAllowanceCharge(x.charge(), percentOf(base, x.percentage()), base, x.percentage(),
                            x.reason(), x.reasonCode());
                }
            }
            out.add(x);
        }
        return out;
    }

    /**
     * Completes document level allowances or charges given by base amount and percentage.
     *
     * @param list allowances or charges
     * @return the list with amounts computed where they were missing
     */
    public static List<AllowanceCharge> completeAll(List<AllowanceCharge> list) {
        List<AllowanceCharge> out = new ArrayList<>(list.size());
        for (AllowanceCharge x : list) {
            if (x.amount() == null && x.baseAmount() != null && x.percentage() != null) {
                x = x.withAmount(percentOf(x.baseAmount(), x.percentage()));
            }
            out.add(x);
        }
        return out;
    }

    /**
     * Groups lines, allowances and charges by VAT category and rate, in order of first appearance.
     * Taxable amount (BT-116) = line net amounts - allowances + charges; tax amount (BT-117) = taxable
     * x rate / 100 for S, L and M, zero otherwise. A category without rate (O) gets rate 0, as
     * XRechnung requires a rate in every breakdown (BR-DE-14).
     *
     * @param lines      invoice lines
     * @param allowances document level allowances
     * @param charges    document level charges
     * @param reasons    exemption reason text and code per category code
     * @return the breakdown
     */
    public static List<VatBreakdown> vatBreakdown(List<InvoiceLine> lines, List<AllowanceCharge> allowances,
                                                  List<AllowanceCharge> charges, Map<String, String[]> reasons) {
        Map<String, BigDecimal[]> taxable = new LinkedHashMap<>();
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (InvoiceLine l : lines) {
            add(taxable, categories, rates, l.vatCategoryCode(), l.vatRate(), l.netAmount());
        }
        for (AllowanceCharge x : allowances) {
            add(taxable, categories, rates, x.vatCategoryCode(), x.vatRate(),
                    x.amount() == null ? null : x.amount().negate());
        }
        for (AllowanceCharge x : charges) {
            add(taxable, categories, rates, x.vatCategoryCode(), x.vatRate(), x.amount());
        }
        List<VatBreakdown> out = new ArrayList<>(taxable.size());
        for (Map.Entry<String, BigDecimal[]> e : taxable.entrySet()) {
            String category = categories.get(e.getKey());
            BigDecimal rate = rates.get(e.getKey());
            BigDecimal base = Money.round(e.getValue()[0]);
            boolean taxed = VatCategory.lookup(category).map(VatCategory::isTaxed).orElse(rate.signum() != 0);
            BigDecimal tax = taxed ? percentOf(base, rate) : Money.round(BigDecimal.ZERO);
            String[] reason = reasons.getOrDefault(category, new String[2]);
            out.add(new VatBreakdown(base, tax, category, rate, reason[0], reason[1]));
        }
        return out;
    }

    private static void add(Map<String, BigDecimal[]> taxable, Map<String, String> categories,
                            Map<String, BigDecimal> rates, String category, BigDecimal rate, BigDecimal amount) {
        if (category == null) {
            return; // BR-CO-4 / BR-32 / BR-37 report it
        }
        BigDecimal r = rate == null ? BigDecimal.ZERO : Values.number(rate);
        String key = category + '|' + r.toPlainString();
        categories.putIfAbsent(key, category);
        rates.putIfAbsent(key, r);
        BigDecimal[] sum = taxable.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO});
        if (amount != null) {
            sum[0] = sum[0].add(amount);
        }
    }

    /**
     * Computes DOCUMENT TOTALS (BG-22) per BR-CO-10 .. BR-CO-16 (and BR-DEX-09 for third party payments).
     *
     * @param lines                   invoice lines
     * @param allowances              document level allowances with amounts
     * @param charges                 document level charges with amounts
     * @param breakdown               the VAT breakdown
     * @param paid                    Paid amount (BT-113), may be {@code null}
     * @param rounding                Rounding amount (BT-114), may be {@code null}
     * @param vatInAccountingCurrency BT-111, may be {@code null}
     * @param thirdParty              third party payments (BG-DEX-09)
     * @return the totals
     */
    public static DocumentTotals totals(List<InvoiceLine> lines, List<AllowanceCharge> allowances,
                                        List<AllowanceCharge> charges, List<VatBreakdown> breakdown,
                                        BigDecimal paid, BigDecimal rounding, BigDecimal vatInAccountingCurrency,
                                        List<ThirdPartyPayment> thirdParty) {
        BigDecimal lineNet = BigDecimal.ZERO;
        for (InvoiceLine l : lines) {
            if (l.netAmount() != null) {
                lineNet = lineNet.add(l.netAmount());
            }
        }
        BigDecimal allowanceTotal = allowances.isEmpty() ? null : sum(allowances);
        BigDecimal chargeTotal = charges.isEmpty() ? null : sum(charges);
        BigDecimal without = lineNet.subtract(orZero(allowanceTotal)).add(orZero(chargeTotal));
        BigDecimal vat = BigDecimal.ZERO;
        for (VatBreakdown v : breakdown) {
            vat = vat.add(v.taxAmount());
        }
        BigDecimal with = without.add(vat);
        BigDecimal due = with.subtract(orZero(paid)).add(orZero(rounding));
        for (ThirdPartyPayment p : thirdParty) {
            if (p.amount() != null) {
                due = due.add(p.amount());
            }
        }
        return new DocumentTotals(Money.round(lineNet), round(allowanceTotal), round(chargeTotal), Money.round(without),
                Money.round(vat), vatInAccountingCurrency, Money.round(with), paid, rounding, Money.round(due));
    }

    private static BigDecimal sum(List<AllowanceCharge> list) {
        BigDecimal s = BigDecimal.ZERO;
        for (AllowanceCharge x : list) {
            s = s.add(orZero(x.amount()));
        }
        return s;
    }

    private static BigDecimal sumLine(List<LineAllowanceCharge> list) {
        BigDecimal s = BigDecimal.ZERO;
        for (LineAllowanceCharge x : list) {
            s = s.add(orZero(x.amount()));
        }
        return s;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : Money.round(v);
    }
}
