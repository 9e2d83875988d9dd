package de.ozgkit.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field rule of XBezahldienste 1.0.0 as the client checks it before sending. */
class PaymentRequestValidationTest {

    static PaymentItem.Builder item() {
        return PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"));
    }

    static PaymentRequest.Builder request() {
        return PaymentRequest.builder().purpose("GEBUEHR").redirectUrl("https://service.example.org/back").item(item().build());
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    /** field, builder change that breaks the rule, expected rule text, expected actual text. */
    static Stream<Arguments> violations() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("requestId", (UnaryOperator<PaymentRequest.Builder>) b -> b.requestId(repeat('a', 37)),
                "must be at most 36 characters", "37 characters"));
        a.add(Arguments.of("requestId", (UnaryOperator<PaymentRequest.Builder>) b -> b.requestId(""),
                "must not be empty", "0 characters"));
        a.add(Arguments.of("requestId", (UnaryOperator<PaymentRequest.Builder>) b -> b.requestId("abc def"),
                "must match ^[\\w\\d-]+$", "' ' (U+0020) at position 4"));
        a.add(Arguments.of("requestId", (UnaryOperator<PaymentRequest.Builder>) b -> b.requestId("abc\u00e4"),
                "must match ^[\\w\\d-]+$", "'\u00e4' (U+00E4) at position 4"));
        a.add(Arguments.of("currency", (UnaryOperator<PaymentRequest.Builder>) b -> b.currency("USD"),
                "must be \"EUR\"", "a different currency code"));
        a.add(Arguments.of("currency", (UnaryOperator<PaymentRequest.Builder>) b -> b.currency("EURO"),
                "must be at most 3 characters", "4 characters"));
        a.add(Arguments.of("currency", (UnaryOperator<PaymentRequest.Builder>) b -> b.currency("EU"),
                "must be at least 3 characters", "2 characters"));
        a.add(Arguments.of("currency", (UnaryOperator<PaymentRequest.Builder>) b -> b.currency(null),
                "is required", "absent"));
        a.add(Arguments.of("purpose", (UnaryOperator<PaymentRequest.Builder>) b -> b.purpose(repeat('A', 28)),
                "must be at most 27 characters", "28 characters"));
        a.add(Arguments.of("purpose", (UnaryOperator<PaymentRequest.Builder>) b -> b.purpose("GEBUEHR/2024"),
                "must match ^[\\w\\d\\s-]+$", "'/' (U+002F) at position 8"));
        a.add(Arguments.of("purpose", (UnaryOperator<PaymentRequest.Builder>) b -> b.purpose("Geb\u00fchr"),
                "must match ^[\\w\\d\\s-]+$", "'\u00fc' (U+00FC) at position 4"));
        a.add(Arguments.of("purpose", (UnaryOperator<PaymentRequest.Builder>) b -> b.purpose(""),
                "must not be empty", "0 characters"));
        a.add(Arguments.of("description", (UnaryOperator<PaymentRequest.Builder>) b -> b.description(repeat('x', 251)),
                "must be at most 250 characters", "251 characters"));
        a.add(Arguments.of("description", (UnaryOperator<PaymentRequest.Builder>) b -> b.description("50% Rabatt"),
                "must match ^[\\w\\d\\s-,\\.\\u00C0-\\u017F]+$", "'%' (U+0025) at position 3"));
        a.add(Arguments.of("description", (UnaryOperator<PaymentRequest.Builder>) b -> b.description("Stra\u00dfe \u20ac"),
                "must match ^[\\w\\d\\s-,\\.\\u00C0-\\u017F]+$", "'\u20ac' (U+20AC) at position 8"));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b -> b.redirectUrl(null),
                "is required", "absent"));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b -> b.redirectUrl(""),
                "must not be empty", "0 characters"));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b ->
                b.redirectUrl("https://service.example.org/" + repeat('a', 2082 - 27)),
                "must be at most 2082 characters", "2083 characters"));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b -> b.redirectUrl("/relative/path"),
                "must be an absolute http or https URL", "scheme \"\""));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b -> b.redirectUrl("javascript:alert(1)"),
                "must be an absolute http or https URL", "scheme \"javascript\""));
        a.add(Arguments.of("redirectUrl", (UnaryOperator<PaymentRequest.Builder>) b -> b.redirectUrl("https://a b/"),
                "must be a valid URL", "not a URL"));
        a.add(Arguments.of("items", (UnaryOperator<PaymentRequest.Builder>) b -> b.items(List.of()),
                "must have between 1 and 99 entries", "0 entries"));
        a.add(Arguments.of("items", (UnaryOperator<PaymentRequest.Builder>) b -> {
            List<PaymentItem> many = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                many.add(item().id("i" + i).singleNetAmount(new BigDecimal("1.00")).build());
            }
            return b.items(many);
        }, "must have between 1 and 99 entries", "100 entries"));
        a.add(Arguments.of("grosAmount", (UnaryOperator<PaymentRequest.Builder>) b -> b.grosAmount(new BigDecimal("12.00")),
                "must equal the sum of totalNetAmount + totalTaxAmount over all items (12.50)", "12.00"));
        a.add(Arguments.of("grosAmount", (UnaryOperator<PaymentRequest.Builder>) b -> b.grosAmount(new BigDecimal("12.505")),
                "must have at most 2 decimal places", "12.505"));
        a.add(Arguments.of("grosAmount", (UnaryOperator<PaymentRequest.Builder>) b ->
                b.items(List.of(item().singleNetAmount(new BigDecimal("999999.01")).build())),
                null, null));
        a.add(Arguments.of("grosAmount (sum of the items)", (UnaryOperator<PaymentRequest.Builder>) b ->
                b.items(List.of(item().singleNetAmount(new BigDecimal("600000")).build(),
                        item().id("fee-2").singleNetAmount(new BigDecimal("400000")).build())),
                "must be at most 999999", "1000000.00"));
        a.add(Arguments.of("grosAmount (sum of the items)", (UnaryOperator<PaymentRequest.Builder>) b ->
                b.items(List.of(item().singleNetAmount(BigDecimal.ZERO).build())),
                "must be greater than 0", "0.00"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("violations")
    void build_whenFieldBreaksRule_throwsNamingFieldRuleAndActual(String field, UnaryOperator<PaymentRequest.Builder> change,
                                                                  String rule, String actual) {
        if (rule == null) {
            // the item's own check fires first (item amount above 999999)
            assertThatThrownBy(() -> change.apply(request()).build()).isInstanceOf(InvalidPaymentFieldException.class)
                    .hasMessage("items[].singleNetAmount must be at most 999999, was 999999.01");
            return;
        }
        assertThatThrownBy(() -> change.apply(request()).build())
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(rule);
                    assertThat(e.actual()).contains(actual);
                    assertThat(e.getMessage()).startsWith(field + " ").contains(rule).contains(", was ").contains(actual);
                });
    }

    static Stream<Arguments> itemViolations() {
        return Stream.of(
                Arguments.of("items[].id", (UnaryOperator<PaymentItem.Builder>) b -> b.id(null), "is required", "absent"),
                Arguments.of("items[].id", (UnaryOperator<PaymentItem.Builder>) b -> b.id(repeat('a', 37)),
                        "must be at most 36 characters", "37 characters"),
                Arguments.of("items[].id", (UnaryOperator<PaymentItem.Builder>) b -> b.id("a.b"),
                        "must match ^[\\w\\d-]+$", "'.' (U+002E) at position 2"),
                Arguments.of("items[].reference", (UnaryOperator<PaymentItem.Builder>) b -> b.reference(repeat('r', 37)),
                        "must be at most 36 characters", "37 characters"),
                Arguments.of("items[].description", (UnaryOperator<PaymentItem.Builder>) b -> b.description(repeat('d', 251)),
                        "must be at most 250 characters", "251 characters"),
                Arguments.of("items[].description", (UnaryOperator<PaymentItem.Builder>) b -> b.description("a<b"),
                        "must match", "'<' (U+003C) at position 2"),
                Arguments.of("items[].taxRate", (UnaryOperator<PaymentItem.Builder>) b -> b.taxRate(new BigDecimal("100.01")),
                        "must be a percentage between 0 and 100", "100.01"),
                Arguments.of("items[].taxRate", (UnaryOperator<PaymentItem.Builder>) b -> b.taxRate(new BigDecimal("-1")),
                        "must be a percentage between 0 and 100", "-1"),
                Arguments.of("items[].quantity", (UnaryOperator<PaymentItem.Builder>) b -> b.quantity(0),
                        "must be between 1 and 999999", "0"),
                Arguments.of("items[].quantity", (UnaryOperator<PaymentItem.Builder>) b -> b.quantity(1_000_000),
                        "must be between 1 and 999999", "1000000"),
                Arguments.of("items[].singleNetAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.singleNetAmount(new BigDecimal("-0.01")), "must not be negative", "-0.01"),
                Arguments.of("items[].singleNetAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.singleNetAmount(new BigDecimal("0.001")), "must have at most 2 decimal places", "0.001"),
                Arguments.of("items[].singleTaxAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.singleTaxAmount(new BigDecimal("1000000")), "must be at most 999999", "1000000"),
                Arguments.of("items[].totalNetAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.singleNetAmount(null), "is required (or give singleNetAmount to compute it)", "absent"),
                Arguments.of("items[].totalNetAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.quantity(2).singleNetAmount(new BigDecimal("600000")), "must be at most 999999", "1200000.00"),
                Arguments.of("items[].totalTaxAmount", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.totalTaxAmount(new BigDecimal("-5")), "must not be negative", "-5"),
                Arguments.of("items[].bookingData key", (UnaryOperator<PaymentItem.Builder>) b -> b.bookingData(" ", "x"),
                        "must not be blank", "a blank text"),
                Arguments.of("items[].bookingData[Kassenzeichen]", (UnaryOperator<PaymentItem.Builder>) b ->
                        b.bookingData("Kassenzeichen", "a\u0000b"), "must not contain control characters", "U+0000 at position 2"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("itemViolations")
    void itemBuild_whenFieldBreaksRule_throwsNamingFieldRuleAndActual(String field, UnaryOperator<PaymentItem.Builder> change,
                                                                      String rule, String actual) {
        assertThatThrownBy(() -> change.apply(item()).build())
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(rule);
                    assertThat(e.actual()).contains(actual);
                });
    }

    @Test
    void build_atEveryLimit_isAccepted() {
        List<PaymentItem> items = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            items.add(PaymentItem.builder().id(repeat('i', 34) + String.format("%02d", i)).reference(repeat('r', 36))
                    .description("Position " + i + ", \u00c4nderung.-\u017f").taxRate(new BigDecimal("100"))
                    .quantity(1).totalNetAmount(new BigDecimal("0.01")).totalTaxAmount(new BigDecimal("0.00")).build());
        }
        items.add(PaymentItem.builder().id("big").quantity(999_999).singleNetAmount(new BigDecimal("0.01"))
                .taxRate(BigDecimal.ZERO).build());
        PaymentRequest r = PaymentRequest.builder()
                .requestId(repeat('R', 35) + "-")
                .purpose(repeat('P', 25) + " _")
                .description(repeat('d', 250))
                .redirectUrl("https://service.example.org/" + repeat('a', 2082 - 28))
                .items(items)
                .build();
        assertThat(r.items()).hasSize(99);
        assertThat(r.grosAmount()).isEqualByComparingTo("10000.97");
        assertThat(r.redirectUrl()).hasSize(2082);
        assertThat(r.requestId()).hasSize(36);
    }

    @Test
    void build_withoutGrosAmount_computesTheItemsSumWithTwoDecimals() {
        PaymentRequest r = request().items(List.of(
                item().quantity(3).singleNetAmount(new BigDecimal("2.1")).singleTaxAmount(new BigDecimal("0.4")).build(),
                item().id("fee-2").totalNetAmount(new BigDecimal("10")).totalTaxAmount(new BigDecimal("1.9")).build())).build();
        assertThat(r.items().get(0).totalNetAmount()).isEqualTo(new BigDecimal("6.30"));
        assertThat(r.items().get(0).totalTaxAmount()).isEqualTo(new BigDecimal("1.20"));
        assertThat(r.grosAmount()).isEqualTo(new BigDecimal("19.40"));
        assertThat(request().items(r.items()).grosAmount(new BigDecimal("19.4")).build().grosAmount())
                .isEqualTo(new BigDecimal("19.40"));
    }

    @Test
    void build_withoutRequestId_generatesAFreshValidIdEachTime() {
        PaymentRequest a = request().build();
        PaymentRequest b = request().build();
        assertThat(a.requestId()).matches("[\\w-]{36}").isNotEqualTo(b.requestId());
        assertThat(a.toBuilder().build().requestId()).isEqualTo(a.requestId());
        assertThat(a.toBuilder().requestId(null).build().requestId()).isNotEqualTo(a.requestId());
    }

    @Test
    void requestor_rules_andNoPersonalDataInMessagesOrToString() {
        Requestor.Address.builder().country("DE").addressLine("1").build();
        assertThatThrownBy(() -> Requestor.Address.builder().country("de").build())
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("requestor.address.country"));
        Requestor.AddressBuilder ten = Requestor.Address.builder();
        for (int i = 0; i < 10; i++) {
            ten.addressLine("Zeile " + i);
        }
        assertThatThrownBy(ten::build).isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> {
            assertThat(e.field()).isEqualTo("requestor.address.addressLine");
            assertThat(e.getMessage()).isEqualTo("requestor.address.addressLine must have at most 9 lines, was 10 lines");
        });
        assertThatThrownBy(() -> Requestor.builder().name("Erika\nMustermann").build())
                .isInstanceOf(InvalidPaymentFieldException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Erika").doesNotContain("Mustermann"));
        assertThatThrownBy(() -> Requestor.builder().name("Mustermann" + repeat('n', 241)).build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Mustermann")
                        .isEqualTo("requestor.name must be at most 250 characters, was 251 characters"));
        Requestor r = Requestor.builder().name("Mustermann").firstName("Erika").gender(Requestor.Gender.F).build();
        assertThat(r.toString()).doesNotContain("Erika");
        assertThat(r.isOrganization()).isFalse();
        assertThat(r.address()).isNull();
        assertThat(Requestor.Address.builder().build().addressLines()).isEmpty();
    }

    @Test
    void paymentContext_checksBothIds() {
        assertThat(PaymentContext.of("online-service_1", "09162000").endPointId()).isEqualTo("09162000");
        assertThatThrownBy(() -> PaymentContext.of(repeat('o', 37), "x"))
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("originatorId must be at most 36 characters, was 37 characters"));
        assertThatThrownBy(() -> PaymentContext.of("o", "../x"))
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> assertThat(e.field()).isEqualTo("endPointId"));
        assertThatThrownBy(() -> PaymentContext.of("o", "")).isInstanceOf(InvalidPaymentFieldException.class);
    }

    @Test
    void epayblProfile_acceptsOnlyUpperCasePurpose() {
        PaymentRequest lower = request().purpose("Gebuehr 2024").build();
        ProviderProfile.STANDARD.check(lower);
        assertThatThrownBy(() -> ProviderProfile.EPAYBL.check(lower))
                .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("purpose");
                    assertThat(e.rule()).contains("upper case only for EPAYBL");
                    assertThat(e.actual()).isEqualTo("a text with lower-case 'e' at position 2");
                });
        ProviderProfile.EPAYBL.check(request().purpose("GEBUEHR 2024-_X").build());
        assertThat(ProviderProfile.fromCode("epaybl")).isEqualTo(ProviderProfile.EPAYBL);
        assertThat(ProviderProfile.lookup(" PMPAYMENT ")).contains(ProviderProfile.PMPAYMENT);
        assertThatThrownBy(() -> ProviderProfile.fromCode("girocheckout"))
                .isInstanceOfSatisfying(de.ozgkit.core.UnknownCodeException.class, e -> {
                    assertThat(e.codeList()).isEqualTo("payment provider profile");
                    assertThat(e.getMessage()).contains("standard, epaybl, pmpayment");
                });
    }

    @Test
    void codes_parseAsOnTheWire() {
        assertThat(PaymentStatus.fromCode("PAYED")).isEqualTo(PaymentStatus.PAYED);
        assertThat(PaymentStatus.PAYED.isFinal()).isTrue();
        assertThat(PaymentStatus.INITIAL.isFinal()).isFalse();
        assertThatThrownBy(() -> PaymentStatus.fromCode("PAID")).isInstanceOf(de.ozgkit.core.UnknownCodeException.class)
                .hasMessageContaining("INITIAL, PAYED, CANCELED, FAILED");
        assertThat(PaymentStatus.lookup("PAID")).isEmpty();
        assertThat(PaymentStatus.lookup(" payed ")).contains(PaymentStatus.PAYED);
        assertThat(PaymentMethod.fromCode("creditcard")).isEqualTo(PaymentMethod.CREDITCARD);
        assertThatThrownBy(() -> PaymentMethod.fromCode("SEPA")).isInstanceOf(de.ozgkit.core.UnknownCodeException.class);
        assertThat(PaymentMethod.lookup(null)).isEmpty();
        assertThat(FunctionalCode.fromCode("PAYMENT_EXISTS")).isEqualTo(FunctionalCode.PAYMENT_EXISTS);
        assertThatThrownBy(() -> FunctionalCode.fromCode("NEW")).isInstanceOf(de.ozgkit.core.UnknownCodeException.class);
        assertThat(FunctionalCode.lookup("SOMETHING_NEW")).isEmpty();
        assertThat(Requestor.Gender.fromCode("d")).isEqualTo(Requestor.Gender.D);
        assertThatThrownBy(() -> Requestor.Gender.fromCode("X")).isInstanceOf(de.ozgkit.core.UnknownCodeException.class);
    }
}
