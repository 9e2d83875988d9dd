package de.ozgkit.sandbox.directory;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.sandbox.Sandbox;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's routes on the sandbox's Jetty routing: only the search service's paths under
 * the service's base, {@code GET} only, path parameters decoded, and every refusal as a problem
 * detail, whether the protocol logic or Jetty's routing refuses.
 */
class DirectoryHandlerTest {

    static DirectorySimulator simulator;
    static Sandbox sandbox;
    static String root;
    static String base;

    @BeforeAll
    static void start() {
        simulator = DirectorySimulator.create();
        sandbox = Sandbox.builder().service(simulator).start();
        root = sandbox.rootUri().toString().replaceAll("/$", "");
        base = sandbox.baseUri("directory").toString();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void handler_servesTheApiBelowItsBasePathOnly() throws Exception {
        RawHttp.Answer a = RawHttp.get(base + "/v3/locations?q=Koblenz", "pvog-sud-api-client-id", "h");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get(0).get("ars").textValue()).isEqualTo("071110000000");
        assertThat(RawHttp.get(base + "/v6/servicedescriptions/RP.LB.3003/detail?ars=072110000000")
                .json().get("name").textValue()).isEqualTo("Hundesteuer Anmeldung");
        assertThat(RawHttp.get(root + "/other/v3/locations?q=Koblenz").status()).isEqualTo(404);
        assertThat(RawHttp.get(root + "/v3/locations?q=Koblenz").status()).isEqualTo(404);
        assertThat(simulator.clientIdsSeen()).containsExactly("h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/v3", "/v3/locations/extra?q=Mainz", "/v6/servicedescriptions/detail?ars=073150000000",
        "/v6/servicedescriptions/RP.LB.3002/x/detail", "/v5/organisationunits?q=RP.OE.1001"})
    void pathsOutsideTheApi_answer404Problems(String path) throws IOException {
        long before = simulator.requestCount();
        RawHttp.Answer a = RawHttp.get(base + path);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("type").textValue()).isEqualTo("about:blank");
        assertThat(a.json().get("title").textValue()).isEqualTo("Not Found");
        assertThat(a.json().get("status").intValue()).isEqualTo(404);
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void otherMethods_answer405WithAllowInTheSameProblemShape() throws IOException {
        for (String method : new String[] {"POST", "PUT", "DELETE", "HEAD"}) {
            RawHttp.Answer a = RawHttp.send(method, base + "/v2/onlineservices/detail?q=RP.OD.2001");
            assertThat(a.status()).as(method).isEqualTo(405);
            assertThat(a.allow()).as(method).isEqualTo("GET");
            if (!method.equals("HEAD")) {
                assertThat(a.contentType()).startsWith("application/problem+json");
                assertThat(a.json().get("title").textValue()).isEqualTo("Method Not Allowed");
                assertThat(a.json().get("status").intValue()).isEqualTo(405);
            }
        }
    }

    @Test
    void refusalsOfTheProtocolLogic_haveTheShapeOfTheRoutingErrors() throws IOException {
        RawHttp.Answer unknown = RawHttp.get(base + "/v2/onlineservices/detail?q=RP.OD.9999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").textValue()).isEqualTo("about:blank");
        assertThat(unknown.json().get("title").textValue()).isEqualTo("Not Found");
        assertThat(unknown.json().get("detail").textValue()).isEqualTo("no online service with id RP.OD.9999");
        RawHttp.Answer bad = RawHttp.get(base + "/v3/locations?q=K");
        assertThat(bad.json().get("title").textValue()).isEqualTo("Bad Request");
        assertThat(bad.json().get("detail").textValue()).isEqualTo("q must be 2 to 100 characters, had 1");
    }

    @Test
    void pathParameter_isPercentDecoded() throws IOException {
        // RP.LB.3002 with its last digit and the dots percent-encoded
        RawHttp.Answer a = RawHttp.get(base + "/v6/servicedescriptions/RP%2ELB%2E300%32/detail?ars=073150000000");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").textValue()).isEqualTo("RP.LB.3002");
        RawHttp.Answer spaced = RawHttp.get(base + "/v6/servicedescriptions/a%20b%3Fc%23d/detail");
        assertThat(spaced.status()).isEqualTo(404);
        assertThat(spaced.json().get("detail").textValue()).isEqualTo("no service description with id a b?c#d");
    }

    @Test
    void queryThatIsNotUrlEncoding_answers400Problem() throws IOException {
        long before = simulator.requestCount();
        RawHttp.Answer a = RawHttp.getRaw(base + "/v3/locations?q=Ma%zzinz");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("status").intValue()).isEqualTo(400);
        assertThat(simulator.requestCount()).isEqualTo(before);
    }
}
