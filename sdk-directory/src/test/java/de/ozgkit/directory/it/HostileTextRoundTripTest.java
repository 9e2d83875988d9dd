package de.ozgkit.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Link;
import de.ozgkit.directory.Location;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Organisationseinheit;
import de.ozgkit.directory.Route;
import de.ozgkit.directory.TextModule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text in every text field travels fixture file -> sandbox simulator -> HTTP -> client
 * unchanged: control characters, CR/LF, surrogate pairs, U+1E9E, empty, markup, quotes and a huge text.
 */
class HostileTextRoundTripTest {

    static final String[] HOSTILE = {
        "tab\there\u0000nul\u0001\u001f\u007f",
        "line\r\nbreak\rcr\nlf",
        "emoji \uD83D\uDE00 and \uD834\uDD1E clef",
        "GROSSES \u1E9E und stra\u00DFe",
        "",
        "<script>alert('x')</script> & \"quotes\" \\ backslash {\"json\":1}",
        "\u202Eright-to-left\u200B zero\uFEFFwidth",
        "huge " + "Verwaltungsleistung ".repeat(10_000),
    };

    static final String ARS = "073150000000";
    static final LeikaKey KEY = LeikaKey.parse("99050012104000");

    @Test
    void everyTextField_roundTripsUnchanged(@TempDir Path dir) throws Exception {
        Path fixture = dir.resolve("hostile-fixture.json");
        Files.write(fixture, new ObjectMapper().writeValueAsBytes(fixture()));
        try (Sandbox sandbox = Sandbox.builder().service(DirectorySimulator.builder().fixture(fixture).build()).start();
             DirectoryClient client = DirectoryClient.builder().config(OzgClientConfig.builder()
                     .baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME)).build()).build()) {
            for (int k = 0; k < HOSTILE.length; k++) {
                String h = HOSTILE[k];
                List<Location> places = client.locations(postcode(k));
                assertThat(places).extracting(Location::name).containsExactly(h + "#place");

                Organisationseinheit u = client.organisationUnit("O." + k).orElseThrow();
                assertThat(u.title()).isEqualTo(h + "#unit");
                assertThat(u.addresses()).containsExactly(new Organisationseinheit.Address(h + "#type", h + "#street",
                        h + "#no", h + "#zip", h + "#city"));
                assertThat(u.contacts()).containsExactly(new Organisationseinheit.Contact(h + "#code", h + "#channel",
                        h + "#value"));
                assertThat(u.openingHoursNote()).isEqualTo(h + "#note");
                assertThat(u.bankAccounts()).containsExactly(new Organisationseinheit.BankAccount(h + "#holder",
                        h + "#iban", h + "#bic", h + "#bank"));
                assertThat(u.internetAddresses()).containsExactly(new Link(h + "#webtitle", h + "#web"));

                Onlinedienst od = client.onlineService("D." + k).orElseThrow();
                assertThat(od.title()).isEqualTo(h + "#od");
                assertThat(od.description()).isEqualTo(h + "#description");
                assertThat(od.links()).containsExactly(new Link(h + "#linktitle", h + "#link"));
                assertThat(od.levelOfAssurance()).isEqualTo(h + "#loa");
                assertThat(od.parameters()).containsEntry(paramName(h), h + "#paramvalue");

                Leistung l = client.serviceDescription("S." + k, Ars.parse(ARS)).orElseThrow();
                assertThat(l.name()).isEqualTo(h + "#service");
                TextModule m = l.module("06").orElseThrow();
                assertThat(m.title()).isEqualTo(h + "#mtitle");
                assertThat(m.text()).isEqualTo(h + "#mtext");
                assertThat(m.links()).containsExactly(new Link(h + "#mlinktitle", h + "#mlink"));
                assertThat(m.entries()).containsExactly(new TextModule.Entry(h + "#etitle", h + "#etext"));
                assertThat(l.sourcePortals()).containsExactly(new Link(h + "#portaltitle", h + "#portal"));
                assertThat(l.onlineServiceLinks()).singleElement()
                        .satisfies(s -> assertThat(s.title()).isEqualTo(h + "#od"));
                assertThat(l.responsibilities()).singleElement().satisfies(z -> {
                    assertThat(z.organisationTitle()).isEqualTo(h + "#unit");
                    assertThat(z.role().name()).isEqualTo(h + "#role");
                    assertThat(z.secondaryIds().get(0).value()).isEqualTo(h + "#secondary");
                });
            }
            List<Route> routes = client.route(KEY, Ars.parse(ARS)).orElseThrow().routes();
            assertThat(routes).isNotEmpty();
            assertThat(routes).allSatisfy(r -> assertThat(r.fitConnectDestination()).isEmpty());
        }
    }

    static String paramName(String h) {
        return (h.length() > 1_000 ? h.substring(0, 1_000) : h) + "#param";
    }

    static String postcode(int k) {
        return "1000" + k;
    }

    static ObjectNode fixture() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode places = root.putArray("places");
        ArrayNode units = root.putArray("organisationUnits");
        ArrayNode online = root.putArray("onlineServices");
        ArrayNode services = root.putArray("services");
        for (int k = 0; k < HOSTILE.length; k++) {
            String h = HOSTILE[k];
            ObjectNode p = places.addObject();
            p.put("ars", "07315000000" + k);
            p.put("name", h + "#place");
            p.putArray("postcodes").add(postcode(k));

            ObjectNode u = units.addObject();
            u.put("id", "O." + k);
            u.put("title", h + "#unit");
            u.putArray("addresses").addObject().put("type", h + "#type").put("street", h + "#street")
                    .put("houseNumber", h + "#no").put("zip", h + "#zip").put("city", h + "#city");
            u.putArray("communications").addObject().put("code", h + "#code").put("name", h + "#channel")
                    .put("value", h + "#value");
            u.put("openingHoursNote", h + "#note");
            u.putArray("bankAccounts").addObject().put("accountHolder", h + "#holder").put("iban", h + "#iban")
                    .put("bic", h + "#bic").put("bankName", h + "#bank");
            u.putArray("internetAddresses").addObject().put("title", h + "#webtitle").put("uri", h + "#web");

            ObjectNode od = online.addObject();
            od.put("id", "D." + k);
            od.put("title", h + "#od");
            od.put("description", h + "#description");
            od.putArray("links").addObject().put("title", h + "#linktitle").put("uri", h + "#link");
            od.put("levelOfAssurance", h + "#loa");
            // the fixture keeps parameters as JSON member names, which JSON parsers bound (50,000 characters)
            od.putObject("parameters").put(paramName(h), h + "#paramvalue");

            ObjectNode s = services.addObject();
            s.put("id", "S." + k);
            s.put("name", h + "#service");
            s.putArray("leikaKeys").add(KEY.value());
            s.putArray("ars").add(ARS);
            ObjectNode module = s.putArray("modules").addObject();
            module.put("code", "06").put("title", h + "#mtitle").put("text", h + "#mtext");
            module.putArray("links").addObject().put("title", h + "#mlinktitle").put("uri", h + "#mlink");
            module.putArray("entries").addObject().put("title", h + "#etitle").put("text", h + "#etext");
            s.putArray("onlineServiceIds").add("D." + k);
            s.putArray("sourcePortals").addObject().put("title", h + "#portaltitle").put("uri", h + "#portal");
            ObjectNode r = s.putArray("responsibilities").addObject();
            r.put("organisationId", "O." + k).put("roleCode", "01").put("roleName", h + "#role");
            r.putArray("ars").add(ARS);
            r.putArray("secondaryIds").addObject().put("schemeId", "urn:de:fitko:fit-connect:xzufi:destination")
                    .put("value", h + "#secondary");
        }
        return root;
    }
}
