package de.ozgkit.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Location;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers a correct search service never sends: each ends in a typed PROTOCOL error naming the problem. */
class HostileAnswersTest {

    static final Ars MAINZ = Ars.parse("073150000000");
    static final LeikaKey TRADE = LeikaKey.parse("99050012104000");

    static HostileServer server;
    static DirectoryClient client;

    @BeforeAll
    static void start() {
        server = new HostileServer();
        client = DirectoryClient.builder().config(OzgClientConfig.builder().baseUri(server.baseUri())
                .maxResponseBytes(256 * 1024).build()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void forgetRequests() {
        server.requests.clear();
    }

    @Test
    void unknownMembers_areIgnored() {
        server.answer("[{\"ars\":\"073150000000\",\"ags\":\"07315000\",\"name\":\"Mainz\",\"zip\":\"55116\","
                + "\"zipCodeCount\":11,\"geo\":{\"lat\":50.0,\"lon\":8.27,\"deep\":[1,[2,{\"x\":null}]]},\"future\":true}]");
        assertThat(client.locations("Mainz")).containsExactly(new Location(MAINZ,
                de.ozgkit.core.id.Ags.parse("07315000"), "Mainz", "55116"));
        assertThat(server.requests.get(0).getPath()).isEqualTo("/suchdienst/api/v3/locations");
        assertThat(server.requests.get(0).getQuery()).isEqualTo("q=Mainz");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[{\"ars\":\"0731500|not valid JSON",
        "{\"ars\":\"073150000000\"}|expected a JSON array of locations",
        "[{\"ars\":\"07315000\",\"name\":\"Mainz\"}]|[0].ars: ARS must have exactly 12 digits",
        "[{\"ars\":\"993150000000\",\"name\":\"Mainz\"}]|[0].ars: ARS must start with a Land key",
        "[{\"ars\":\"073150000000\",\"ags\":\"0731500X\",\"name\":\"Mainz\"}]|[0].ags: AGS may contain only digits",
        "[{\"ars\":\"073150000000\"}]|[0].name is missing",
        "[{\"ars\":073150000000,\"name\":\"Mainz\"}]|not valid JSON",
        "[{\"ars\":73150000000,\"name\":\"Mainz\"}]|[0].ars must be a string, was NUMBER",
        "[\"Mainz\"]|[0] must be an object, was STRING",
        "[] []|not valid JSON",
        "|the answer is empty"})
    void malformedLocations_areProtocolErrors(String body, String message) {
        server.answer(body == null ? "" : body);
        assertThatThrownBy(() -> client.locations("Mainz")).isInstanceOfSatisfying(OzgClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("GET").contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"content\":\"none\"}|content must be an array, was STRING",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"leikakeys\":[99050012104000]}]}|content[0].leikakeys[0] must be a string",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"leikakeys\":[\"9905001210400\"]}]}|content[0].leikakeys[0]: LeiKa key must have exactly 14 digits",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"details\":[{\"code\":\"93\",\"date\":\"30.06.2025\"}]}]}|content[0].details[0].date must be an ISO date",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"details\":[{\"text\":\"x\"}]}]}|content[0].details[0].code is missing",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"lastUpdate\":\"yesterday\"}]}|content[0].lastUpdate must be an ISO date-time",
        "{\"content\":[],\"totalPages\":-1}|totalPages must be a non-negative whole number",
        "{\"content\":[],\"totalElements\":1.5}|totalElements must be a non-negative whole number",
        "{\"content\":[],\"totalPages\":99999999999}|totalPages must be at most 2147483647",
        "{\"content\":[{\"id\":\"a\",\"name\":\"n\",\"organisations\":[{\"id\":\"o\"}]}]}|content[0].organisations[0].role is missing"})
    void malformedServicePages_areProtocolErrors(String body, String message) {
        server.answer(body);
        assertThatThrownBy(() -> client.serviceDescriptions(TRADE, MAINZ, 0, 10))
                .isInstanceOfSatisfying(OzgClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"o\",\"title\":\"t\",\"location\":{\"openingHours\":[{\"dayOfWeek\":\"FUNDAY\",\"from\":\"08:00\",\"until\":\"12:00\"}]}}|location.openingHours[0].dayOfWeek must be MONDAY to SUNDAY",
        "{\"id\":\"o\",\"title\":\"t\",\"location\":{\"openingHours\":[{\"dayOfWeek\":\"MONDAY\",\"from\":\"8 Uhr\",\"until\":\"12:00\"}]}}|location.openingHours[0].from must be a time",
        "{\"id\":\"o\",\"title\":\"t\",\"bankAccounts\":[{\"bic\":\"X\"}]}|bankAccounts[0].iban is missing",
        "{\"id\":\"o\",\"title\":\"t\",\"communicationSystems\":[{\"channel\":\"tel\",\"value\":\"1\"}]}|communicationSystems[0].channel must be an object",
        "{\"id\":\"o\"}|title is missing"})
    void malformedOrganisationUnits_areProtocolErrors(String body, String message) {
        server.answer(body);
        assertThatThrownBy(() -> client.organisationUnit("o")).isInstanceOfSatisfying(OzgClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void oversizedAnswer_isRefusedAtTheConfiguredLimit() {
        byte[] big = ("[" + "{\"ars\":\"073150000000\",\"name\":\"Mainz\"},".repeat(20_000) + "{}]")
                .getBytes(StandardCharsets.UTF_8);
        server.answer(uri -> new HostileServer.Answer(200, "application/json", big));
        assertThatThrownBy(() -> client.locations("Mainz")).isInstanceOfSatisfying(OzgClientException.class,
                e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL));
    }

    @Test
    void deeplyNestedAnswer_isRefused() {
        server.answer("[" + "[".repeat(5_000) + "]".repeat(5_000) + "]");
        assertThatThrownBy(() -> client.locations("Mainz")).isInstanceOfSatisfying(OzgClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("not valid JSON").contains("nesting depth");
        });
    }

    @Test
    void endlessPaging_isBounded() {
        AtomicInteger pages = new AtomicInteger();
        server.answer(uri -> {
            pages.incrementAndGet();
            return HostileServer.Answer.json("{\"content\":[{\"id\":\"x\",\"name\":\"n\"}],\"totalElements\":99999999,"
                    + "\"totalPages\":2000000,\"number\":0}");
        });
        assertThatThrownBy(() -> client.allServiceDescriptions(TRADE, MAINZ))
                .isInstanceOfSatisfying(OzgClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("at most " + DirectoryClient.MAX_PAGES);
                });
        assertThat(pages.get()).isEqualTo(DirectoryClient.MAX_PAGES);
    }

    @Test
    void unexpectedStatus_isAProtocolError() {
        server.answer(uri -> new HostileServer.Answer(302, "text/html", new byte[0]));
        assertThatThrownBy(() -> client.onlineService("RP.OD.2001")).isInstanceOfSatisfying(OzgClientException.class,
                e -> assertThat(e.getMessage()).contains("answered HTTP 302"));
    }

    @Test
    void destinationSignaturesThatCannotBeRead_leaveTheRouteWithoutFitConnect() {
        String service = "{\"id\":\"S\",\"name\":\"n\",\"leikakeys\":[\"99050012104000\"],\"ars\":[\"073150000000\"],"
                + "\"organisations\":[{\"id\":\"O\",\"role\":{\"code\":\"01\"},\"secondaryIds\":[{\"schemeId\":"
                + "\"urn:de:fitko:fit-connect:xzufi:destination\",\"value\":\"not.a-jwt!.x\"}]}]}";
        server.answer(uri -> {
            String p = uri.getPath();
            if (p.endsWith("/leikaid")) {
                return HostileServer.Answer.json("{\"content\":[" + service + "]}");
            } else if (p.endsWith("/detail") && p.contains("servicedescriptions")) {
                return HostileServer.Answer.json(service);
            }
            return HostileServer.Answer.json("{\"id\":\"O\",\"title\":\"Amt\",\"role\":{\"code\":\"01\"}}");
        });
        assertThat(client.route(TRADE, MAINZ).orElseThrow().routes()).singleElement()
                .satisfies(r -> assertThat(r.fitConnectDestination()).isEmpty());
        assertThat(client.allServiceDescriptions(TRADE, MAINZ)).extracting(Leistung::id).containsExactly("S");
    }
}
