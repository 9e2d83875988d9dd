package de.ozgkit.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.id.Ags;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.InvalidQueryException;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Location;
import de.ozgkit.directory.ModuleCode;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Organisationseinheit;
import de.ozgkit.directory.Page;
import de.ozgkit.directory.Role;
import de.ozgkit.directory.Zustaendigkeit;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every call of the client over HTTP against the sandbox's directory simulator and its built-in fixture. */
class DirectoryCallsTest {

    static final Ars MAINZ = Ars.parse("073150000000");
    static final Ars TRIER = Ars.parse("072110000000");
    static final LeikaKey TRADE = LeikaKey.parse("99050012104000");

    static DirectorySimulator simulator;
    static Sandbox sandbox;
    static DirectoryClient client;

    @BeforeAll
    static void start() {
        simulator = DirectorySimulator.create();
        sandbox = Sandbox.builder().service(simulator).start();
        client = DirectoryClient.builder()
                .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME)).build())
                .clientId("ozgkit-test-client")
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void locations_byNameAndByPostcode_answerArsAgsAndName() {
        List<Location> byName = client.locations("Mainz");
        assertThat(byName).singleElement().satisfies(l -> {
            assertThat(l.ars()).isEqualTo(MAINZ);
            assertThat(l.ags()).isEqualTo(Ags.parse("07315000"));
            assertThat(l.name()).isEqualTo("Mainz");
        });
        assertThat(client.locations("54292")).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Trier");
            assertThat(l.postcode()).isEqualTo("54292");
            assertThat(l.ars().toAgs()).isEqualTo(l.ags());
        });
        assertThat(client.locations("ludwigshafen")).extracting(Location::name).containsExactly("Ludwigshafen am Rhein");
        assertThat(simulator.clientIdsSeen()).containsExactly("ozgkit-test-client");
    }

    @Test
    void locations_whenNothingMatches_answerEmpty() {
        assertThat(client.locations("Atlantis")).isEmpty();
        assertThat(client.locations("99999")).isEmpty();
    }

    @Test
    void locations_refuseEmptyAndOverlongQueriesBeforeSending() {
        long before = simulator.requestCount();
        assertThatThrownBy(() -> client.locations("  ")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("query must be 1 to 100 characters");
        assertThatThrownBy(() -> client.locations("x".repeat(101))).isInstanceOf(InvalidQueryException.class);
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void serviceDescriptions_pageThroughAllHits() {
        Page<Leistung> first = client.serviceDescriptions(TRADE, MAINZ, 0, 1);
        assertThat(first.items()).hasSize(1);
        assertThat(first.totalElements()).isEqualTo(2);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        Page<Leistung> second = client.serviceDescriptions(TRADE, MAINZ, 1, 1);
        assertThat(second.number()).isEqualTo(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(List.of(first.items().get(0).id(), second.items().get(0).id()))
                .containsExactlyInAnyOrder("RP.LB.3001", "RP.LB.3002");
        Page<Leistung> beyond = client.serviceDescriptions(TRADE, MAINZ, 5, 1);
        assertThat(beyond.items()).isEmpty();
        assertThat(client.allServiceDescriptions(TRADE, MAINZ)).extracting(Leistung::id)
                .containsExactlyInAnyOrder("RP.LB.3001", "RP.LB.3002");
        // a Land-wide description applies in Trier, the Mainz one does not
        assertThat(client.allServiceDescriptions(TRADE, TRIER)).extracting(Leistung::id).containsExactly("RP.LB.3001");
    }

    @Test
    void serviceDescriptions_carryTextModulesByCode() {
        Leistung l = client.allServiceDescriptions(TRADE, MAINZ).stream().filter(s -> s.id().equals("RP.LB.3002"))
                .findFirst().orElseThrow();
        assertThat(l.leikaKeys()).containsExactly(TRADE);
        assertThat(l.areas()).containsExactly(MAINZ);
        assertThat(l.text(ModuleCode.DESCRIPTION)).get().asString().contains("Gewerbe anmelden in Mainz");
        assertThat(l.text(ModuleCode.DOCUMENTS)).isPresent();
        assertThat(l.text(ModuleCode.PREREQUISITES)).isPresent();
        assertThat(l.text(ModuleCode.PROCEDURE)).isPresent();
        assertThat(l.text(ModuleCode.PROCESSING_TIME)).isPresent();
        assertThat(l.module(ModuleCode.DEADLINES).orElseThrow().entries()).hasSize(1);
        assertThat(l.module(ModuleCode.COSTS).orElseThrow().entries().get(0).text()).isEqualTo("30,00 Euro (Beispiel)");
        assertThat(l.module(ModuleCode.LEGAL_BASIS).orElseThrow().links()).isNotEmpty();
        assertThat(l.module(ModuleCode.FURTHER_INFORMATION).orElseThrow().links()).isNotEmpty();
        assertThat(l.approvalDate()).contains(LocalDate.of(2025, 6, 30));
        assertThat(l.module(ModuleCode.SOURCE_PORTAL).orElseThrow().links()).isNotEmpty();
        assertThat(l.sourcePortals()).isNotEmpty();
        assertThat(l.onlineServiceLinks()).extracting(Leistung.OnlineServiceLink::onlineServiceId)
                .containsExactly("RP.OD.2001", "RP.OD.2002");
        assertThat(l.lastUpdate()).isEqualTo(Instant.parse("2025-10-02T09:30:00Z"));
        assertThat(l.responsibilities()).isEmpty();
    }

    @Test
    void serviceDescription_detailNamesResponsibilitiesWithRoles() {
        Leistung detail = client.serviceDescription("RP.LB.3001", Ars.parse("071110000000")).orElseThrow();
        assertThat(detail.responsibilities()).singleElement().satisfies(z -> {
            assertThat(z.organisationId()).isEqualTo("RP.OE.1003");
            assertThat(z.role()).isEqualTo(new Role("02", "Zuständige Stelle und Ansprechpunkt"));
            assertThat(z.role().isResponsible()).isTrue();
        });
        Leistung mainz = client.serviceDescription("RP.LB.3002", MAINZ).orElseThrow();
        assertThat(mainz.responsibilities()).extracting(Zustaendigkeit::organisationId)
                .containsExactly("RP.OE.1001", "RP.OE.1101");
        assertThat(mainz.responsibleUnits()).extracting(Zustaendigkeit::organisationId).containsExactly("RP.OE.1001");
    }

    @Test
    void organisationUnit_answersAddressContactsHoursAndBankAccounts() {
        Organisationseinheit u = client.organisationUnit("RP.OE.1001", MAINZ, "RP.LB.3002").orElseThrow();
        assertThat(u.title()).isEqualTo("Stadtverwaltung Mainz – Gewerbeamt");
        assertThat(u.role().code()).isEqualTo(Role.RESPONSIBLE);
        assertThat(u.addresses()).singleElement().satisfies(a -> {
            assertThat(a.postcode()).isEqualTo("55116");
            assertThat(a.city()).isEqualTo("Mainz");
        });
        assertThat(u.contacts()).extracting(Organisationseinheit.Contact::channelName).containsExactly("Telefon", "E-Mail");
        assertThat(u.openingHours()).first().isEqualTo(new Organisationseinheit.OpeningTime(DayOfWeek.MONDAY,
                LocalTime.of(8, 0), LocalTime.of(12, 0)));
        assertThat(u.bankAccounts()).singleElement().satisfies(b -> assertThat(b.iban()).startsWith("DE"));
        assertThat(u.internetAddresses()).isNotEmpty();
        assertThat(client.organisationUnit("RP.OE.1001").orElseThrow().role().code()).isEqualTo(Role.POINT_OF_CONTACT);
    }

    @Test
    void onlineService_answersLinksLevelOfAssuranceAndParameters() {
        Onlinedienst od = client.onlineService("RP.OD.2001").orElseThrow();
        assertThat(od.title()).isEqualTo("Gewerbe-Service Mainz");
        assertThat(od.levelOfAssurance()).isEqualTo(Onlinedienst.LOA_SUBSTANTIAL);
        assertThat(od.links()).singleElement().satisfies(l -> assertThat(l.toUri()).isPresent());
        assertThat(od.organisationIds()).containsExactly("RP.OE.1001");
        assertThat(od.parameter("xbezahldienste.endPointId")).contains("07315000");
        assertThat(od.parameter("xbezahldienste.baseUri")).contains(sandbox.rootUri().toString().replaceAll("/$", "")
                + "/payment");
    }

    @Test
    void unknownIds_answerNoHit() {
        assertThat(client.serviceDescription("RP.LB.0000", MAINZ)).isEmpty();
        assertThat(client.organisationUnit("RP.OE.0000")).isEmpty();
        assertThat(client.onlineService("RP.OD.0000")).isEmpty();
        assertThat(client.serviceDescriptions(LeikaKey.parse("99999999999999"), MAINZ, 0, 10).items()).isEmpty();
        assertThat(client.route(LeikaKey.parse("99999999999999"), MAINZ)).isEmpty();
        assertThat(client.route(TRADE, "Atlantis")).isEmpty();
    }

    @Test
    void idsWithReservedCharacters_areEncodedAndSlashesRefused() {
        assertThat(client.serviceDescription("a?c#d e", MAINZ)).isEmpty();
        assertThat(client.organisationUnit("x&q=RP.OE.1001")).isEmpty();
        assertThatThrownBy(() -> client.serviceDescription("../v3/locations", MAINZ))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("must not contain '/'");
        assertThatThrownBy(() -> client.onlineService("RP.OD.2001\r\n")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("U+000D at position 11");
    }

    @Test
    void builderWithoutConfiguration_isAConfigurationError() {
        assertThatThrownBy(() -> DirectoryClient.builder().build())
                .isInstanceOfSatisfying(OzgClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.CONFIGURATION))
                .hasMessageContaining("call config(OzgClientConfig)");
    }
}
