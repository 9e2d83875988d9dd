package de.ozgkit.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.FitConnectDestination;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.PaymentEndpoint;
import de.ozgkit.directory.Route;
import de.ozgkit.directory.Routing;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routing question (service + place) answered over HTTP by the sandbox, with and without cache. */
class RoutingTest {

    static final LeikaKey TRADE = LeikaKey.parse("99050012104000");
    static final LeikaKey DOG_TAX = LeikaKey.parse("99102013104000");

    static DirectorySimulator simulator;
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        simulator = DirectorySimulator.create();
        sandbox = Sandbox.builder().service(simulator).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static DirectoryClient.Builder client() {
        return DirectoryClient.builder()
                .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME)).build());
    }

    @Test
    void route_inMainz_picksTheLocalDescriptionWithPaymentAndFitConnect() {
        try (DirectoryClient c = client().build()) {
            Routing routing = c.route(TRADE, "Mainz").orElseThrow();
            assertThat(routing.ars()).isEqualTo(Ars.parse("073150000000"));
            assertThat(routing.service().id()).isEqualTo("RP.LB.3002");
            Route route = routing.routes().get(0);
            assertThat(routing.routes()).hasSize(1);
            assertThat(route.unit().title()).isEqualTo("Stadtverwaltung Mainz – Gewerbeamt");
            assertThat(route.unit().role().isResponsible()).isTrue();
            assertThat(route.onlineServices()).extracting(Onlinedienst::id).containsExactly("RP.OD.2001", "RP.OD.2002");
            PaymentEndpoint payment = route.payment().orElseThrow();
            assertThat(payment.baseUri()).isEqualTo(URI.create(sandbox.rootUri().toString().replaceAll("/$", "") + "/payment"));
            assertThat(payment.originatorId()).isEqualTo("gewerbe-mainz");
            assertThat(payment.endPointId()).isEqualTo("07315000");
            FitConnectDestination destination = route.fitConnectDestination().orElseThrow();
            assertThat(destination.destinationId()).isEqualTo("6c1f4f2e-3f0a-4b8e-9d55-0a7e2b1c9d01");
            assertThat(destination.submissionHost()).isEqualTo("submission.sandbox.invalid");
            assertThat(destination.signature()).startsWith("ey").contains(".");
        }
    }

    @Test
    void route_inKoblenz_fallsBackToTheLandWideDescriptionWithoutPaymentOrFitConnect() {
        try (DirectoryClient c = client().build()) {
            Routing routing = c.route(TRADE, "56068").orElseThrow();
            assertThat(routing.service().id()).isEqualTo("RP.LB.3001");
            assertThat(routing.routes()).singleElement().satisfies(r -> {
                assertThat(r.unit().id()).isEqualTo("RP.OE.1003");
                assertThat(r.responsibility().role().code()).isEqualTo("02");
                assertThat(r.onlineServices()).extracting(Onlinedienst::id).containsExactly("RP.OD.2002");
                assertThat(r.payment()).isEmpty();
                assertThat(r.fitConnectDestination()).isEmpty();
            });
        }
    }

    @Test
    void route_byArs_forDogTaxInTrier() {
        try (DirectoryClient c = client().build()) {
            Route route = c.route(DOG_TAX, Ars.parse("072110000000")).orElseThrow().routes().get(0);
            assertThat(route.unit().id()).isEqualTo("RP.OE.1005");
            assertThat(route.payment().orElseThrow().endPointId()).isEqualTo("07211000");
            assertThat(route.fitConnectDestination().orElseThrow().destinationId())
                    .isEqualTo("2b7d3a90-51c4-4c0e-8f3e-7d9a6e4b2f12");
            assertThat(c.route(DOG_TAX, "Mainz")).isEmpty();
        }
    }

    @Test
    void cachedRouting_sendsNothingTheSecondTime_untilTheEntriesExpire() {
        MutableClock clock = new MutableClock();
        try (DirectoryClient c = client().cache(100, Duration.ofMinutes(10)).clock(clock).build()) {
            Routing first = c.route(TRADE, "Mainz").orElseThrow();
            long afterFirst = simulator.requestCount();
            Routing second = c.route(TRADE, "Mainz").orElseThrow();
            assertThat(simulator.requestCount()).isEqualTo(afterFirst);
            assertThat(second).isEqualTo(first);

            clock.advance(Duration.ofMinutes(9));
            c.route(TRADE, "Mainz");
            assertThat(simulator.requestCount()).isEqualTo(afterFirst);

            clock.advance(Duration.ofMinutes(2));
            c.route(TRADE, "Mainz");
            assertThat(simulator.requestCount()).isGreaterThan(afterFirst);

            long beforeClear = simulator.requestCount();
            c.clearCache();
            c.route(TRADE, "Mainz");
            assertThat(simulator.requestCount()).isGreaterThan(beforeClear);
        }
    }

    @Test
    void uncachedRouting_asksEveryTime() {
        try (DirectoryClient c = client().build()) {
            c.route(TRADE, "Mainz");
            long before = simulator.requestCount();
            c.route(TRADE, "Mainz");
            // location, search, detail, two online services, one unit
            assertThat(simulator.requestCount() - before).isEqualTo(6);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
