package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.payment.InvalidPaymentFieldException;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentContext;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.Requestor;
import de.ozgkit.payment.internal.PaymentJson;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field limit of XBezahldienste 1.0.0 on both sides: the client refuses to build a request
 * that breaks it (naming field, limit and actual value), and the sandbox provider refuses the same
 * violation when a careless client sends it anyway (400 VALIDATION_ERROR naming the field). At the
 * limits, requests pass end to end.
 */
class FieldLimitsTest {

    static ProviderFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ProviderFixture(PaymentProviderSimulator.create());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static String x(int n) {
        return "x".repeat(n);
    }

    /**
     * One limit: how to break it in JSON, how to break it with the SDK, the field as each side names it.
     */
    record Limit(String name, Consumer<ObjectNode> json, Runnable sdk, String sdkField, String sandboxField) {
        @Override
        public String toString() {
            return name;
        }
    }

    static ObjectNode item0(ObjectNode r) {
        return (ObjectNode) r.get("items").get(0);
    }

    static PaymentItem.Builder item() {
        return PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"));
    }

    static Stream<Limit> limits() {
        List<Limit> l = new ArrayList<>();
        l.add(new Limit("requestId longer than 36", r -> r.put("requestId", x(37)),
                () -> ProviderFixture.request().requestId(x(37)).build(), "requestId", "requestId"));
        l.add(new Limit("requestId empty", r -> r.put("requestId", ""),
                () -> ProviderFixture.request().requestId("").build(), "requestId", "requestId"));
        l.add(new Limit("requestId pattern", r -> r.put("requestId", "a b"),
                () -> ProviderFixture.request().requestId("a b").build(), "requestId", "requestId"));
        l.add(new Limit("currency not EUR", r -> r.put("currency", "USD"),
                () -> ProviderFixture.request().currency("USD").build(), "currency", "currency"));
        l.add(new Limit("currency length", r -> r.put("currency", "EURO"),
                () -> ProviderFixture.request().currency("EURO").build(), "currency", "currency"));
        l.add(new Limit("grosAmount above 999999", r -> {
            r.put("grosAmount", new BigDecimal("1000000.00"));
            item0(r).put("totalNetAmount", new BigDecimal("1000000.00"));
        }, () -> ProviderFixture.request().items(List.of(item().singleNetAmount(new BigDecimal("1000000")).build())).build(),
                "items[].singleNetAmount", "grosAmount"));
        l.add(new Limit("grosAmount three decimals", r -> r.put("grosAmount", new BigDecimal("12.505")),
                () -> ProviderFixture.request().grosAmount(new BigDecimal("12.505")).build(), "grosAmount", "grosAmount"));
        l.add(new Limit("grosAmount zero", r -> {
            r.put("grosAmount", BigDecimal.ZERO);
            item0(r).put("totalNetAmount", BigDecimal.ZERO);
        }, () -> ProviderFixture.request().items(List.of(item().singleNetAmount(BigDecimal.ZERO).build())).build(),
                "grosAmount (sum of the items)", "grosAmount"));
        l.add(new Limit("grosAmount as text", r -> r.put("grosAmount", "12.50"), null, null, "grosAmount"));
        l.add(new Limit("purpose longer than 27", r -> r.put("purpose", x(28)),
                () -> ProviderFixture.request().purpose(x(28)).build(), "purpose", "purpose"));
        l.add(new Limit("purpose pattern", r -> r.put("purpose", "GEB/2025"),
                () -> ProviderFixture.request().purpose("GEB/2025").build(), "purpose", "purpose"));
        l.add(new Limit("description longer than 250", r -> r.put("description", x(251)),
                () -> ProviderFixture.request().description(x(251)).build(), "description", "description"));
        l.add(new Limit("description pattern", r -> r.put("description", "50% Rabatt"),
                () -> ProviderFixture.request().description("50% Rabatt").build(), "description", "description"));
        l.add(new Limit("redirectUrl missing", r -> r.remove("redirectUrl"),
                () -> ProviderFixture.request().redirectUrl(null).build(), "redirectUrl", "redirectUrl"));
        l.add(new Limit("redirectUrl longer than 2082", r -> r.put("redirectUrl", "https://a.example/" + x(2065)),
                () -> ProviderFixture.request().redirectUrl("https://a.example/" + x(2065)).build(), "redirectUrl", "redirectUrl"));
        l.add(new Limit("redirectUrl relative", r -> r.put("redirectUrl", "/back"),
                () -> ProviderFixture.request().redirectUrl("/back").build(), "redirectUrl", "redirectUrl"));
        l.add(new Limit("items empty", r -> r.putArray("items"),
                () -> ProviderFixture.request().items(List.of()).build(), "items", "items"));
        l.add(new Limit("items more than 99", r -> {
            ArrayNode a = r.putArray("items");
            for (int i = 0; i < 100; i++) {
                a.addObject().put("id", "i" + i).put("totalNetAmount", new BigDecimal("0.01"));
            }
            r.put("grosAmount", new BigDecimal("1.00"));
        }, () -> {
            List<PaymentItem> many = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                many.add(item().id("i" + i).singleNetAmount(new BigDecimal("0.01")).build());
            }
            ProviderFixture.request().items(many).build();
        }, "items", "items"));
        l.add(new Limit("item id longer than 36", r -> item0(r).put("id", x(37)),
                () -> item().id(x(37)).build(), "items[].id", "items.0.id"));
        l.add(new Limit("item id pattern", r -> item0(r).put("id", "a.b"),
                () -> item().id("a.b").build(), "items[].id", "items.0.id"));
        l.add(new Limit("item reference longer than 36", r -> item0(r).put("reference", x(37)),
                () -> item().reference(x(37)).build(), "items[].reference", "items.0.reference"));
        l.add(new Limit("item description longer than 250", r -> item0(r).put("description", x(251)),
                () -> item().description(x(251)).build(), "items[].description", "items.0.description"));
        l.add(new Limit("item taxRate above 100", r -> item0(r).put("taxRate", 101),
                () -> item().taxRate(new BigDecimal("101")).build(), "items[].taxRate", "items.0.taxRate"));
        l.add(new Limit("item quantity 0", r -> item0(r).put("quantity", 0),
                () -> item().quantity(0).build(), "items[].quantity", "items.0.quantity"));
        l.add(new Limit("item quantity above 999999", r -> item0(r).put("quantity", 1_000_000),
                () -> item().quantity(1_000_000).build(), "items[].quantity", "items.0.quantity"));
        l.add(new Limit("item amount negative", r -> item0(r).put("singleNetAmount", new BigDecimal("-1.00")),
                () -> item().singleNetAmount(new BigDecimal("-1")).build(), "items[].singleNetAmount", "items.0.singleNetAmount"));
        l.add(new Limit("item amount three decimals", r -> item0(r).put("totalTaxAmount", new BigDecimal("0.001")),
                () -> item().totalTaxAmount(new BigDecimal("0.001")).build(), "items[].totalTaxAmount", "items.0.totalTaxAmount"));
        l.add(new Limit("requestor gender", r -> r.putObject("requestor").put("gender", "X"), null, null, "requestor.gender"));
        l.add(new Limit("requestor more than 9 address lines", r -> {
            ArrayNode lines = r.putObject("requestor").putObject("address").putArray("addressLine");
            for (int i = 0; i < 10; i++) {
                lines.add("Zeile " + i);
            }
        }, () -> {
            Requestor.AddressBuilder a = Requestor.Address.builder();
            for (int i = 0; i < 10; i++) {
                a.addressLine("Zeile " + i);
            }
            a.build();
        }, "requestor.address.addressLine", "requestor.address.addressLine"));
        l.add(new Limit("requestor country", r -> r.putObject("requestor").putObject("address").put("country", "Deutschland"),
                () -> Requestor.Address.builder().country("Deutschland").build(), "requestor.address.country",
                "requestor.address.country"));
        return l.stream();
    }

    static ObjectNode validJson() throws Exception {
        return (ObjectNode) Json.mapper().readTree(PaymentJson.write(ProviderFixture.request().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void limit_isEnforcedByTheClientAndByTheProvider(Limit limit) throws Exception {
        if (limit.sdk() != null) {
            assertThatThrownBy(limit.sdk()::run)
                    .isInstanceOfSatisfying(InvalidPaymentFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo(limit.sdkField());
                        assertThat(e.getMessage()).startsWith(limit.sdkField() + " ").contains(", was ");
                    });
        }
        int before = fixture.provider.transactionCount();
        ObjectNode json = validJson();
        limit.json().accept(json);
        URI uri = URI.create(fixture.base() + "/paymenttransaction/" + ProviderFixture.ORIGINATOR + "/" + ProviderFixture.END_POINT);
        ProviderFixture.Raw raw = ProviderFixture.post(uri, "application/json", Json.mapper().writeValueAsString(json), null);
        assertThat(raw.status()).as(raw.body()).isEqualTo(400);
        assertThat(raw.contentType()).startsWith("application/problem+json");
        JsonNode problem = Json.mapper().readTree(raw.body());
        assertThat(problem.path("functionalCode").textValue()).isEqualTo("VALIDATION_ERROR");
        assertThat(problem.path("detail").textValue()).startsWith(limit.sandboxField() + " ");
        assertThat(fixture.provider.transactionCount()).isEqualTo(before);
    }

    @Test
    void pathIds_areLimitedOnBothSides() throws Exception {
        assertThatThrownBy(() -> PaymentContext.of(x(37), "e")).isInstanceOf(InvalidPaymentFieldException.class);
        URI uri = URI.create(fixture.base() + "/paymenttransaction/" + x(37) + "/" + ProviderFixture.END_POINT);
        ProviderFixture.Raw raw = ProviderFixture.post(uri, "application/json", validJson().toString(), null);
        assertThat(raw.status()).isEqualTo(400);
        assertThat(Json.mapper().readTree(raw.body()).path("detail").textValue()).startsWith("originatorId must be 1 to 36");
    }

    @Test
    void atEveryLimit_theRequestPassesEndToEnd() {
        List<PaymentItem> items = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            items.add(PaymentItem.builder().id("i".repeat(34) + String.format("%02d", i)).reference("r".repeat(36))
                    .description("Position " + i + ", \u00c4nderung.-\u017f").taxRate(new BigDecimal("100"))
                    .totalNetAmount(new BigDecimal("0.01")).totalTaxAmount(new BigDecimal("0.00")).build());
        }
        items.add(PaymentItem.builder().id("big").quantity(999_999).singleNetAmount(new BigDecimal("0.01")).build());
        Requestor.AddressBuilder address = Requestor.Address.builder().country("DE");
        for (int i = 0; i < 9; i++) {
            address.addressLine("Zeile " + i);
        }
        PaymentRequest request = PaymentRequest.builder()
                .requestId("R".repeat(35) + "-")
                .purpose("P".repeat(25) + " _")
                .description("d".repeat(250))
                .redirectUrl("https://service.example.org/" + "a".repeat(2082 - 28))
                .items(items)
                .requestor(Requestor.builder().name("Mustermann").gender(Requestor.Gender.D).address(address.build()).build())
                .build();
        try (PaymentClient c = fixture.client()) {
            PaymentTransaction tx = c.create(request);
            assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
            assertThat(tx.request()).isEqualTo(request);
        }
    }

    @Test
    void oversizedBody_isRefusedByTheSandbox() throws Exception {
        URI uri = URI.create(fixture.base() + "/paymenttransaction/" + ProviderFixture.ORIGINATOR + "/" + ProviderFixture.END_POINT);
        String huge = "{\"requestId\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        ProviderFixture.Raw raw;
        try {
            raw = ProviderFixture.post(uri, "application/json", huge, null);
        } catch (java.io.IOException e) {
            // the server may close the connection while the client is still sending
            return;
        }
        assertThat(raw.status()).isEqualTo(413);
        assertThat(new String(raw.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotEmpty();
    }
}
