package de.ozgkit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.sandbox.account.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile documents and hostile attribute values. */
@ExtendWith(SharedIdp.class)
class HostileInputTest {

    private static final String RESPONSE_START = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\">";

    static IdpFixture fixture;
    static ServiceProvider sp;

    @BeforeAll
    static void start(IdpFixture shared) throws Exception {
        fixture = shared;
        sp = fixture.register(fixture.sp().build());
    }

    private static SamlCheck checkOf(byte[] xml) {
        try {
            sp.acceptDocument(xml, ResponseExpectation.solicited("_req", null));
        } catch (SamlValidationException e) {
            return e.check();
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + "<r>&x;</r>",
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><r>&c;</r>",
            "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"",
            "not xml at all",
            "",
            "<r>&#1;</r>"})
    void malformedOrDangerousXml_isRefusedByTheXmlCheck(String xml) {
        assertThat(checkOf(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(SamlCheck.XML);
    }

    @Test
    void wrongNamespace_isRefusedByTheStructureCheck() {
        assertThat(checkOf("<Response xmlns=\"urn:oasis:names:tc:SAML:1.0:protocol\" ID=\"_r\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SamlCheck.STRUCTURE);
        assertThatThrownBy(() -> sp.acceptResponse(Base64.getEncoder().encodeToString(
                "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>".getBytes(StandardCharsets.UTF_8)),
                ResponseExpectation.solicited("_req", null)))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.STRUCTURE));
    }

    @Test
    void deepNesting_isRefusedByTheXmlLimits() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        assertThat(checkOf(deep.getBytes(StandardCharsets.UTF_8))).isEqualTo(SamlCheck.XML);
    }

    @Test
    void twentyMegabyteResponse_isRefusedByTheLimits() {
        byte[] huge = new byte[20 * 1024 * 1024];
        byte[] start = (RESPONSE_START + "<saml:Issuer>").getBytes(StandardCharsets.UTF_8);
        byte[] end = "</saml:Issuer></samlp:Response>".getBytes(StandardCharsets.UTF_8);
        Arrays.fill(huge, (byte) 'x');
        System.arraycopy(start, 0, huge, 0, start.length);
        System.arraycopy(end, 0, huge, huge.length - end.length, end.length);
        assertThatThrownBy(() -> sp.acceptDocument(huge, ResponseExpectation.solicited("_req", null)))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> {
                    assertThat(e.check()).isEqualTo(SamlCheck.XML);
                    assertThat(e.getMessage()).contains("larger than the limit");
                });
        String base64 = Base64.getEncoder().encodeToString(huge);
        assertThatThrownBy(() -> sp.acceptResponse(base64, ResponseExpectation.solicited("_req", null)))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> {
                    assertThat(e.check()).isEqualTo(SamlCheck.XML);
                    assertThat(e.getMessage()).contains("limit");
                });
    }

    @Test
    void notBase64_isRefusedByTheXmlCheck() {
        assertThatThrownBy(() -> sp.acceptResponse("%%% not base64 %%%", ResponseExpectation.solicited("_req", null)))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.XML));
    }

    @Test
    void hostileAttributeValues_arriveExactlyAsSigned() throws Exception {
        Map<String, TestIdentity.Value> values = new LinkedHashMap<>();
        values.put(ServicekontoAttribute.BPK2.urn(), new TestIdentity.Value("  leading and trailing spaces  ", 4));
        values.put(ServicekontoAttribute.POSTKORB_HANDLE.urn(), new TestIdentity.Value("", 4));
        values.put(ServicekontoAttribute.GIVEN_NAME.urn(), new TestIdentity.Value("Zeile 1\r\nZeile 2\ttab\rCR", 4));
        values.put(ServicekontoAttribute.SURNAME.urn(), new TestIdentity.Value("ẞ GROẞ 😀 𝄞 <&>\"' ]]>", 4));
        values.put(ServicekontoAttribute.POSTAL_ADDRESS.urn(), new TestIdentity.Value("GROẞE STRAẞE 7", 4));
        values.put(ServicekontoAttribute.MAIL.urn(), new TestIdentity.Value("x".repeat(64 * 1024), 1));
        values.put(" urn:oid: 2.5.4.7", new TestIdentity.Value("Köln", 3));
        if (fixture.idp.engine().identities().stream().noneMatch(i -> i.key().equals("hostile"))) {
            fixture.idp.engine().addIdentity(new TestIdentity("hostile", "Hostile values", "nameid-ẞ-\t-😀", values));
        }
        LoginRequest login = LoginRequest.builder().organizationDisplayName("Stadt").onlineServiceId("svc").build();
        for (String encrypt : new String[] {"false", "true"}) {
            AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_POST);
            IdpFixture.Posted posted = fixture.loginAs(request, "hostile", 4, Map.of("encrypt", encrypt));
            ServicekontoIdentity id = sp.acceptResponse(posted.samlResponse(), request.expectation());
            assertThat(id.nameId()).isEqualTo("nameid-ẞ-\t-😀");
            assertThat(id.value(ServicekontoAttribute.BPK2)).contains("  leading and trailing spaces  ");
            assertThat(id.value(ServicekontoAttribute.POSTKORB_HANDLE)).contains("");
            assertThat(id.value(ServicekontoAttribute.GIVEN_NAME)).contains("Zeile 1\r\nZeile 2\ttab\rCR");
            assertThat(id.value(ServicekontoAttribute.SURNAME)).contains("ẞ GROẞ 😀 𝄞 <&>\"' ]]>");
            assertThat(id.value(ServicekontoAttribute.POSTAL_ADDRESS)).contains("GROẞE STRAẞE 7");
            assertThat(id.value(ServicekontoAttribute.MAIL)).contains("x".repeat(64 * 1024));
            // the name with a space after "urn:oid:" as a well-known simulator sends it
            assertThat(id.locality().orElseThrow().name()).isEqualTo(" urn:oid: 2.5.4.7");
            assertThat(id.value(ServicekontoAttribute.LOCALITY)).contains("Köln");
            assertThat(id.locality().orElseThrow().trustLevel()).isEqualTo(TrustLevel.SUBSTANTIELL);
        }
    }

    @Test
    void controlCharacterThatXmlCannotCarry_makesTheResponseUnreadableInsteadOfDisappearing() throws Exception {
        if (fixture.idp.engine().identities().stream().noneMatch(i -> i.key().equals("control"))) {
            fixture.idp.engine().addIdentity(new TestIdentity("control", "Control character", "ctl",
                    Map.of(ServicekontoAttribute.SURNAME.urn(), new TestIdentity.Value("a\u0001b", 4))));
        }
        LoginRequest login = LoginRequest.builder().organizationDisplayName("Stadt").onlineServiceId("svc").build();
        AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "control", 4, Map.of("encrypt", "false"));
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isIn(SamlCheck.XML,
                        SamlCheck.SIGNATURE));
    }
}
