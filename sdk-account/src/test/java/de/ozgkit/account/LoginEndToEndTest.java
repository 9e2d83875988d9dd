package de.ozgkit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request -> sandbox IdP over real HTTP -> response -> identity, both bindings, with and without encryption. */
@ExtendWith(SharedIdp.class)
class LoginEndToEndTest {

    static IdpFixture fixture;
    static ServiceProvider sp;

    @BeforeAll
    static void start(IdpFixture shared) throws Exception {
        fixture = shared;
        sp = fixture.register(fixture.sp().build());
    }

    @ParameterizedTest(name = "{0}, encrypted={1}")
    @CsvSource({"HTTP_REDIRECT,false", "HTTP_REDIRECT,true", "HTTP_POST,false", "HTTP_POST,true"})
    void login_returnsIdentityWithPerAttributeTrustLevels(SamlBinding binding, boolean encrypted) throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), binding);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of("encrypt", Boolean.toString(encrypted)));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.relayState()).isEqualTo("case-4711");
        assertThat(new String(java.util.Base64.getDecoder().decode(posted.samlResponse()), java.nio.charset.StandardCharsets.UTF_8))
                .contains(encrypted ? "EncryptedAssertion" : "<saml:Assertion");

        ServicekontoIdentity id = sp.acceptResponse(posted.samlResponse(), request.expectation());

        assertThat(id.issuer()).isEqualTo(fixture.metadata.entityId());
        assertThat(id.level()).contains(TrustLevel.HOCH);
        assertThat(id.value(ServicekontoAttribute.GIVEN_NAME)).contains("Erika");
        assertThat(id.postalAddress().orElseThrow().value()).contains("GROẞE STRAẞE 7");
        assertThat(id.postalAddress().orElseThrow().trustLevel()).isEqualTo(TrustLevel.HOCH);
        assertThat(id.mail().orElseThrow().trustLevel()).isEqualTo(TrustLevel.NORMAL);
        assertThat(id.meets(ServicekontoAttribute.POSTAL_ADDRESS, TrustLevel.HOCH)).isTrue();
        assertThat(id.meets(ServicekontoAttribute.MAIL, TrustLevel.SUBSTANTIELL)).isFalse();
        assertThat(id.require(ServicekontoAttribute.POSTKORB_HANDLE, TrustLevel.SUBSTANTIELL))
                .isEqualTo("5f0c8a4e-3b1d-4c6a-9e27-erika0000001");
        assertThatThrownBy(() -> id.require(ServicekontoAttribute.MAIL, TrustLevel.HOCH))
                .isInstanceOf(InsufficientTrustLevelException.class).hasMessageContaining("NORMAL");
        assertThatThrownBy(() -> id.require(ServicekontoAttribute.BIRTHDATE, TrustLevel.NORMAL))
                .isInstanceOf(InsufficientTrustLevelException.class).hasMessageContaining("missing");
        assertThat(id.toString()).doesNotContain("Erika", "GROẞE");
    }

    @Test
    void lowerLevelLogin_capsTheTrustLevelOfEachAttribute() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 3, Map.of());
        ServicekontoIdentity id = sp.acceptResponse(posted.samlResponse(), request.expectation());
        assertThat(id.level()).contains(TrustLevel.SUBSTANTIELL);
        assertThat(id.postalAddress().orElseThrow().trustLevel()).isEqualTo(TrustLevel.SUBSTANTIELL);
        assertThat(id.attribute(ServicekontoAttribute.TRUST_LEVEL).flatMap(AssertedAttribute::value))
                .contains("STORK-QAA-Level-3");
    }

    @Test
    void loginBelowTheRequestedLevel_isAStatusError() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_POST);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 2, Map.of());
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlStatusException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
                    assertThat(e.subStatusCodes()).containsExactly("urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext");
                });
    }

    @Test
    void missingRequiredAttribute_carriesTheAkdbStatusDetail() throws Exception {
        LoginRequest login = LoginRequest.builder().organizationDisplayName("Stadt").onlineServiceId("svc")
                .requestAttribute(ServicekontoAttribute.BIRTHDATE, true).build();
        AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "max", 2, Map.of());
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlStatusException.class, e -> {
                    assertThat(e.hasDetail("IDP_REQUIRED_ATTRIBUTES_MISSING")).isTrue();
                    assertThat(e.statusMessage()).isPresent();
                    assertThat(e.getMessage()).startsWith("STATUS: ");
                });
    }

    @Test
    void businessAccount_isReadWithItsProfile() throws Exception {
        LoginRequest login = LoginRequest.builder().organizationDisplayName("Gewerbeamt").onlineServiceId("gewerbe").build();
        AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_POST);
        IdpFixture.Posted posted = fixture.loginAs(request, "musterbau", 3, Map.of("encrypt", "true"));
        ServicekontoIdentity id = sp.acceptResponse(posted.samlResponse(), request.expectation());
        BusinessAccount firm = id.businessAccount(BusinessAccountProfile.SANDBOX).orElseThrow();
        assertThat(firm.companyName().value()).contains("Musterbau GmbH & Co. KG");
        assertThat(firm.registerNumber().value()).contains("HRA 12345");
        assertThat(firm.registerCourt().trustLevel()).isEqualTo(TrustLevel.SUBSTANTIELL);
        assertThat(id.businessAccount(new BusinessAccountProfile("urn:x:a", "urn:x:b", "urn:x:c", "urn:x:d"))).isEmpty();
    }

    @Test
    void replayedResponse_isRefused() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of());
        sp.acceptResponse(posted.samlResponse(), request.expectation());
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.REPLAY));
    }
}
