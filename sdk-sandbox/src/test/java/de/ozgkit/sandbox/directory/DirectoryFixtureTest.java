package de.ozgkit.sandbox.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.id.Ags;
import de.ozgkit.core.id.Ars;
import de.ozgkit.sandbox.SandboxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryFixtureTest {

    @Test
    void builtIn_holdsFiveMunicipalitiesOfRheinlandPfalzWithConsistentKeys() {
        DirectoryFixture f = DirectoryFixture.builtIn();
        assertThat(f.places().values()).extracting(DirectoryFixture.Place::name)
                .containsExactly("Mainz", "Ludwigshafen am Rhein", "Koblenz", "Trier", "Kaiserslautern");
        for (DirectoryFixture.Place p : f.places().values()) {
            assertThat(Ars.parse(p.ars()).land()).isEqualTo("07");
            assertThat(Ars.parse(p.ars()).toAgs()).isEqualTo(Ags.parse(p.ags()));
        }
        assertThat(f.services()).containsKeys("RP.LB.3001", "RP.LB.3002", "RP.LB.3003", "BU.LB.4001");
    }

    @Test
    void load_readsAUsersFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("own.json");
        Files.writeString(file, "{\"places\":[{\"ars\":\"091620000000\",\"ags\":\"09162000\",\"name\":\"München\","
                + "\"postcodes\":[\"80331\"]}]}");
        DirectoryFixture f = DirectoryFixture.load(file);
        assertThat(f.places()).containsOnlyKeys("091620000000");
        assertThat(f.services()).isEmpty();
        assertThatThrownBy(() -> DirectoryFixture.load(dir.resolve("missing.json"))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("could not be read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{|is not valid JSON",
        "[]|must be a JSON object",
        "{\"places\":{}}|places must be an array",
        "{\"places\":[{\"ars\":\"0731500000\",\"name\":\"x\"}]}|places[0].ars: ARS must have exactly 12 digits",
        "{\"places\":[{\"ars\":\"073150000000\",\"ags\":\"0731500\",\"name\":\"x\"}]}|places[0].ags: AGS must have exactly 8",
        "{\"places\":[{\"ars\":\"073150000000\"}]}|places[0].name is missing",
        "{\"places\":[{\"ars\":\"073150000000\",\"name\":1}]}|places[0].name must be a string",
        "{\"places\":[{\"ars\":\"073150000000\",\"name\":\"a\"},{\"ars\":\"073150000000\",\"name\":\"b\"}]}|lists ars 073150000000 twice",
        "{\"services\":[{\"id\":\"S\",\"name\":\"n\",\"leikaKeys\":[\"123\"]}]}|services[0].leikaKeys[0]: LeiKa key must have exactly 14",
        "{\"services\":[{\"id\":\"S\",\"name\":\"n\",\"onlineServiceIds\":[\"D\"]}]}|names online service D, which is not listed",
        "{\"services\":[{\"id\":\"S\",\"name\":\"n\",\"responsibilities\":[{\"organisationId\":\"O\",\"roleCode\":\"01\"}]}]}|names responsible unit O",
        "{\"services\":[{\"id\":\"S\",\"name\":\"n\",\"modules\":[{\"code\":\"93\",\"date\":\"30.06.2025\"}]}]}|services[0].modules[0].date must be yyyy-MM-dd",
        "{\"services\":[{\"id\":\"S\",\"name\":\"n\",\"lastUpdate\":\"gestern\"}]}|services[0].lastUpdate must be an ISO date-time",
        "{\"organisationUnits\":[{\"id\":\"O\",\"title\":\"t\",\"openingHours\":[{\"day\":\"Montag\",\"from\":\"08:00\",\"until\":\"12:00\"}]}]}|organisationUnits[0].openingHours[0].day must be MONDAY to SUNDAY",
        "{\"organisationUnits\":[{\"id\":\"O\",\"title\":\"t\",\"openingHours\":[{\"day\":\"MONDAY\",\"from\":\"8\",\"until\":\"12:00\"}]}]}|from must be HH:mm",
        "{\"onlineServices\":[{\"id\":\"D\",\"title\":\"t\",\"organisationIds\":[\"O\"]}]}|names organisation unit O",
        "{\"onlineServices\":[{\"id\":\"D\",\"title\":\"t\",\"parameters\":[]}]}|parameters must be an object"})
    void brokenFixtures_failNamingTheMember(String json, String message) {
        assertThatThrownBy(() -> DirectoryFixture.parse(json.getBytes(StandardCharsets.UTF_8), "test.json"))
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("directory fixture test.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void areaCoverage_followsTheKeyHierarchy() {
        assertThat(DirectoryApi.covers("000000000000", "073150000000")).isTrue();
        assertThat(DirectoryApi.covers("070000000000", "073150000000")).isTrue();
        assertThat(DirectoryApi.covers("080000000000", "073150000000")).isFalse();
        assertThat(DirectoryApi.covers("073150000000", "073150000000")).isTrue();
        assertThat(DirectoryApi.covers("073390030030", "073390030031")).isFalse();
        assertThat(DirectoryApi.covers("073395001000", "073395001012")).isTrue();
    }
}
