package de.ozgkit.sandbox.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.sandbox.BuiltInServices;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The directory simulator checked with raw HTTP requests built from the search service's documented
 * shape (versioned paths, query parameter names, JSON member names, Spring-style paging), not with
 * ozgkit's client.
 */
class DirectorySpecTest {

    static Sandbox sandbox;
    static String base;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().service(DirectorySimulator.create()).start();
        base = sandbox.baseUri("directory").toString();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void builtInServices_includeTheDirectoryUnderItsName() {
        assertThat(BuiltInServices.create()).filteredOn(DirectorySimulator.class::isInstance).singleElement()
                .extracting(SandboxService::name).isEqualTo("directory");
        assertThat(sandbox.services()).containsKey("directory");
        assertThat(sandbox.services().get("directory").getPath()).isEqualTo("/directory");
    }

    @Test
    void locations_byNameAndPostcode_answerArsAgsNameZip() throws Exception {
        RawHttp.Answer a = RawHttp.get(base + "/v3/locations?q=Mainz");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode hit = a.json().get(0);
        assertThat(a.json().size()).isEqualTo(1);
        assertThat(hit.get("ars").textValue()).isEqualTo("073150000000");
        assertThat(hit.get("ags").textValue()).isEqualTo("07315000");
        assertThat(hit.get("name").textValue()).isEqualTo("Mainz");
        assertThat(hit.get("zip").textValue()).isEqualTo("55116");

        JsonNode byZip = RawHttp.get(base + "/v3/locations?q=67061").json();
        assertThat(byZip.get(0).get("name").textValue()).isEqualTo("Ludwigshafen am Rhein");
        assertThat(byZip.get(0).get("zip").textValue()).isEqualTo("67061");
        assertThat(RawHttp.get(base + "/v3/locations?q=Ludwigshafen%20am%20Rhein").json().size()).isEqualTo(1);
        assertThat(RawHttp.get(base + "/v3/locations?q=K").status()).isEqualTo(400);
        assertThat(RawHttp.get(base + "/v3/locations?q=Nirgendwo").json().size()).isZero();
    }

    @Test
    void searchByLeikaId_pagesLikeSpringData() throws Exception {
        String q = base + "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=073150000000";
        JsonNode p0 = RawHttp.get(q + "&page=0&size=1").json();
        assertThat(p0.get("content").size()).isEqualTo(1);
        assertThat(p0.get("totalElements").intValue()).isEqualTo(2);
        assertThat(p0.get("totalPages").intValue()).isEqualTo(2);
        assertThat(p0.get("number").intValue()).isZero();
        assertThat(p0.get("size").intValue()).isEqualTo(1);
        assertThat(p0.get("numberOfElements").intValue()).isEqualTo(1);
        assertThat(p0.get("first").booleanValue()).isTrue();
        assertThat(p0.get("last").booleanValue()).isFalse();
        JsonNode p1 = RawHttp.get(q + "&page=1&size=1").json();
        assertThat(p1.get("last").booleanValue()).isTrue();
        List<String> ids = new ArrayList<>();
        ids.add(p0.get("content").get(0).get("id").textValue());
        ids.add(p1.get("content").get(0).get("id").textValue());
        assertThat(ids).containsExactlyInAnyOrder("RP.LB.3001", "RP.LB.3002");
        JsonNode p9 = RawHttp.get(q + "&page=9&size=1").json();
        assertThat(p9.get("content").size()).isZero();
        assertThat(p9.get("numberOfElements").intValue()).isZero();

        JsonNode sd = RawHttp.get(q + "&page=0&size=10").json().get("content").get(1);
        assertThat(sd.get("leikakeys").get(0).textValue()).isEqualTo("99050012104000");
        assertThat(sd.get("ars").get(0).textValue()).isEqualTo("073150000000");
        JsonNode costs = null;
        for (JsonNode m : sd.get("details")) {
            if ("98".equals(m.get("code").textValue())) {
                costs = m;
            }
        }
        assertThat(costs).isNotNull();
        assertThat(costs.get("details").get(0).get("text").textValue()).contains("Euro");
        assertThat(sd.get("onlineServiceLinks").get(0).get("uri").textValue()).startsWith("https://");
        assertThat(sd.get("organisationIds").size()).isPositive();
    }

    @Test
    void searchByLeikaId_followsTheArsHierarchy() throws Exception {
        // a nationwide description (ARS 000000000000) applies everywhere; a Mainz one only in Mainz
        String perso = "/v3/servicedescriptions/leikaid?leikaIds=99008001012000&ars=";
        assertThat(RawHttp.get(base + perso + "071110000000").json().get("totalElements").intValue()).isEqualTo(1);
        assertThat(RawHttp.get(base + perso + "072110000000").json().get("totalElements").intValue()).isEqualTo(1);
        String trade = "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=";
        assertThat(RawHttp.get(base + trade + "072110000000").json().get("totalElements").intValue()).isEqualTo(1);
        assertThat(RawHttp.get(base + trade + "091620000000").json().get("totalElements").intValue()).isZero();
        // several keys separated by commas
        assertThat(RawHttp.get(base + "/v3/servicedescriptions/leikaid?leikaIds=99050012104000,99102013104000"
                + "&ars=072110000000").json().get("totalElements").intValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v3/servicedescriptions/leikaid?ars=073150000000|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000|400",
        "/v3/servicedescriptions/leikaid?leikaIds=9905001210400&ars=073150000000|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=0731500000|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=073150000000&size=0|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=073150000000&size=101|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=073150000000&page=-1|400",
        "/v3/servicedescriptions/leikaid?leikaIds=99050012104000&ars=073150000000&page=x|400",
        "/v3/locations|400",
        "/v3/locations?q=Mainz&q=Trier|400",
        "/v6/servicedescriptions/RP.LB.9999/detail?ars=073150000000|404",
        "/v6/servicedescriptions/RP.LB.3002/detail?ars=12|400",
        "/v5/organisationunits/detail?q=RP.OE.9999|404",
        "/v5/organisationunits/detail|400",
        "/v2/onlineservices/detail?q=RP.OD.9999|404",
        "/v4/locations?q=Mainz|404"})
    void malformedRequestsAndUnknownIds_answerProblems(String path, int status) throws Exception {
        RawHttp.Answer a = RawHttp.get(base + path);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("status").intValue()).isEqualTo(status);
    }

    @Test
    void otherMethods_areRefused() throws Exception {
        assertThat(RawHttp.send("POST", base + "/v3/locations?q=Mainz").status()).isEqualTo(405);
        assertThat(RawHttp.send("DELETE", base + "/v2/onlineservices/detail?q=RP.OD.2001").status()).isEqualTo(405);
    }

    @Test
    void detail_namesResponsibleUnitsWithRolesAndDestinationSignature() throws Exception {
        JsonNode d = RawHttp.get(base + "/v6/servicedescriptions/RP.LB.3002/detail?ars=073150000000").json();
        JsonNode org = d.get("organisations").get(0);
        assertThat(org.get("id").textValue()).isEqualTo("RP.OE.1001");
        assertThat(org.get("role").get("code").textValue()).isEqualTo("01");
        JsonNode sec = org.get("secondaryIds").get(0);
        assertThat(sec.get("schemeId").textValue()).isEqualTo("urn:de:fitko:fit-connect:xzufi:destination");
        assertThat(sec.get("value").textValue().split("\\.")).hasSize(3);
        // responsibilities not covering the place are left out
        JsonNode land = RawHttp.get(base + "/v6/servicedescriptions/RP.LB.3001/detail?ars=073140000000").json();
        assertThat(land.get("organisations").size()).isEqualTo(1);
        assertThat(land.get("organisations").get(0).get("id").textValue()).isEqualTo("RP.OE.1002");
    }

    @Test
    void organisationUnit_roleDependsOnTheService() throws Exception {
        String u = base + "/v5/organisationunits/detail?q=RP.OE.1101";
        assertThat(RawHttp.get(u).json().get("role").get("code").textValue()).isEqualTo("03");
        JsonNode withService = RawHttp.get(u + "&ars=073150000000&lbId=BU.LB.4001").json();
        assertThat(withService.get("role").get("code").textValue()).isEqualTo("01");
        assertThat(withService.get("location").get("addresses").get(0).get("zip").textValue()).isEqualTo("55116");
        assertThat(withService.get("location").get("openingHours").get(0).get("dayOfWeek").textValue()).isEqualTo("MONDAY");
        assertThat(withService.get("communicationSystems").get(0).get("channel").get("name").textValue())
                .isEqualTo("Telefon");
        assertThat(withService.get("bankAccounts").get(0).get("iban").textValue()).startsWith("DE");
    }

    @Test
    void onlineService_substitutesTheSandboxRootInParameters() throws Exception {
        JsonNode od = RawHttp.get(base + "/v2/onlineservices/detail?q=RP.OD.2001").json();
        assertThat(od.get("levelOfAssurance").textValue()).isEqualTo("substantiell");
        String root = sandbox.rootUri().toString().replaceAll("/$", "");
        boolean found = false;
        for (JsonNode p : od.get("parameters")) {
            if (p.get("name").textValue().equals("xbezahldienste.baseUri")) {
                assertThat(p.get("value").textValue()).isEqualTo(root + "/payment");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void requiredClientId_isEnforcedWhenAsked() throws Exception {
        DirectorySimulator strict = DirectorySimulator.builder().requireClientId(true).build();
        try (Sandbox s = Sandbox.builder().service(strict).start()) {
            String url = s.baseUri("directory") + "/v3/locations?q=Trier";
            assertThat(RawHttp.get(url).status()).isEqualTo(401);
            assertThat(RawHttp.get(url, "pvog-sud-api-client-id", "abc").status()).isEqualTo(200);
            assertThat(strict.clientIdsSeen()).containsExactly("abc");
        }
    }
}
