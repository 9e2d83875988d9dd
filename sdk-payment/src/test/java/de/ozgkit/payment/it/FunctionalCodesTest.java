package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.NotFoundException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.Interceptor;
import de.ozgkit.payment.BookingDataMissingException;
import de.ozgkit.payment.CalculationErrorException;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentContext;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentForbiddenException;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.PaymentValidationException;
import de.ozgkit.payment.UnknownOriginatorOrEndpointException;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every functionalCode of XBezahldienste, provoked at the sandbox provider and read by the client. */
class FunctionalCodesTest {

    /** Changes the JSON body on its way out, as a provider computing differently or a buggy middlebox would. */
    static Interceptor rewriteBody(UnaryOperator<String> change) {
        return chain -> {
            HttpRequest r = chain.request();
            if (r.body().isEmpty()) {
                return chain.proceed(r);
            }
            String json = new String(r.body().get(), StandardCharsets.UTF_8);
            return chain.proceed(r.toBuilder().body("application/json", change.apply(json)).build());
        };
    }

    @Test
    void noValidOriginatorOrEndpoint_forAnUnknownPair() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder()
                .knownPair(ProviderFixture.ORIGINATOR, ProviderFixture.END_POINT).build());
             PaymentClient c = f.client()) {
            assertThat(c.create(ProviderFixture.request().build()).status()).isEqualTo(PaymentStatus.INITIAL);
            PaymentContext unknown = PaymentContext.of(ProviderFixture.ORIGINATOR, "01001000");
            assertThatThrownBy(() -> c.create(unknown, ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(UnknownOriginatorOrEndpointException.class, e -> {
                        assertThat(e.code()).isEqualTo(FunctionalCode.NO_VALID_ORIGINATOR_OR_ENDPOINT);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("check both ids");
                    });
            assertThat(f.provider.transactionCount()).isEqualTo(1);
        }
    }

    @Test
    void noValidOriginatorOrDestination_theDeprecatedName_mapsToTheSameException() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder().legacyOriginatorCode(true)
                .knownPair("other", ProviderFixture.END_POINT).build());
             PaymentClient c = f.client()) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(UnknownOriginatorOrEndpointException.class,
                            e -> assertThat(e.code()).isEqualTo(FunctionalCode.NO_VALID_ORIGINATOR_OR_DESTINATION));
        }
    }

    @Test
    void paymentExists_whenTheSameRequestIsPlacedTwice_carriesTheRequestId() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create()); PaymentClient c = f.client()) {
            PaymentRequest request = ProviderFixture.request().build();
            PaymentTransaction first = c.create(request);
            assertThatThrownBy(() -> c.create(request))
                    .isInstanceOfSatisfying(PaymentExistsException.class, e -> {
                        assertThat(e.paymentRequestId()).contains(request.requestId());
                        // the standard's problem does not say which transaction holds it
                        assertThat(e.existingTransactionId()).isEmpty();
                        assertThat(e.afterLostAnswer()).isFalse();
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.getMessage()).contains(request.requestId()).contains("reconcile by the requestId");
                    });
            assertThat(f.provider.transactionCount()).isEqualTo(1);
            // a new request (new requestId) is a new payment
            assertThat(c.create(request.toBuilder().requestId(null).build()).transactionId()).isNotEqualTo(first.transactionId());
        }
    }

    @Test
    void paymentExists_fromAProviderThatNamesTheTransaction_carriesItToo() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder().namesExistingTransaction(true).build());
             PaymentClient c = f.client()) {
            PaymentRequest request = ProviderFixture.request().build();
            PaymentTransaction first = c.create(request);
            assertThatThrownBy(() -> c.create(request))
                    .isInstanceOfSatisfying(PaymentExistsException.class, e -> {
                        assertThat(e.existingTransactionId()).contains(first.transactionId());
                        assertThat(e.getMessage()).contains(first.transactionId()).contains("fetch that transaction");
                    });
        }
    }

    @Test
    void calculationError_whenTheProviderSeesAnotherTotal() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create());
             PaymentClient c = f.client(f.config().addInterceptor(rewriteBody(
                     j -> j.replace("\"grosAmount\":12.50", "\"grosAmount\":12.40"))).build())) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(CalculationErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(FunctionalCode.CALCULATION_ERROR);
                        assertThat(e.problem().orElseThrow().detail()).contains("12.40").contains("12.50");
                    });
            assertThat(f.provider.transactionCount()).isZero();
        }
    }

    @Test
    void bookingDataMissing_whenTheProviderNeedsAKeyThatIsAbsent() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder().requireBookingData("Objektnummer").build());
             PaymentClient c = f.client()) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(BookingDataMissingException.class,
                            e -> assertThat(e.problem().orElseThrow().detail()).contains("Objektnummer"));
            PaymentRequest withKey = ProviderFixture.request().items(java.util.List.of(
                    ProviderFixture.request().build().items().get(0).toBuilder().bookingData("Objektnummer", "4711").build()))
                    .build();
            assertThat(c.create(withKey).status()).isEqualTo(PaymentStatus.INITIAL);
        }
    }

    @Test
    void validationError_forAnUnsupportedCurrency() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create());
             PaymentClient c = f.client(f.config().addInterceptor(rewriteBody(
                     j -> j.replace("\"currency\":\"EUR\"", "\"currency\":\"USD\""))).build())) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(PaymentValidationException.class, e -> {
                        assertThat(e.code()).isEqualTo(FunctionalCode.VALIDATION_ERROR);
                        assertThat(e.problem().orElseThrow().detail()).contains("currency must be EUR");
                        assertThat(e.paymentRequestId()).isPresent();
                    });
        }
    }

    @Test
    void forbidden_forAPairTheCredentialsMayNotUse() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder()
                .forbiddenPair(ProviderFixture.ORIGINATOR, ProviderFixture.END_POINT).build());
             PaymentClient c = f.client()) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(PaymentForbiddenException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo(FunctionalCode.FORBIDDEN);
                    });
            assertThat(c.health().availability()).isEqualTo(de.ozgkit.payment.ProviderHealth.Availability.FORBIDDEN);
            assertThat(c.health().functionalCode()).contains(FunctionalCode.FORBIDDEN);
        }
    }

    @Test
    void unspecified_forAnUnknownTransaction_staysTheStatusException() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create()); PaymentClient c = f.client()) {
            assertThatThrownBy(() -> c.get("TX0000"))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(FunctionalCode.of(e)).contains(FunctionalCode.UNSPECIFIED);
                        assertThat(e).isInstanceOf(OzgServiceException.class);
                    });
        }
    }
}
