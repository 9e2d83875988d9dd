package de.ozgkit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.sandbox.account.IdpDefect;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken responses the sandbox identity provider produces on request, sent over real HTTP: each is
 * refused with an error naming the check.
 */
@ExtendWith(SharedIdp.class)
class IdpDefectsTest {

    static IdpFixture fixture;
    static ServiceProvider sp;

    @BeforeAll
    static void start(IdpFixture shared) throws Exception {
        fixture = shared;
        sp = fixture.register(fixture.sp().build());
    }

    @ParameterizedTest(name = "{0} (encrypted={1}) -> {2}")
    @CsvSource({
            "EXPIRED,false,SUBJECT_CONFIRMATION",
            "WRONG_AUDIENCE,false,AUDIENCE",
            "WRONG_RECIPIENT,true,SUBJECT_CONFIRMATION",
            "WRONG_DESTINATION,false,DESTINATION",
            "WRONG_ISSUER,false,ISSUER",
            "UNSIGNED_ASSERTION,false,SIGNATURE",
            "FOREIGN_KEY,false,SIGNATURE",
            "FOREIGN_KEY,true,SIGNATURE",
            "TAMPERED,false,SIGNATURE",
            "NO_IN_RESPONSE_TO,false,IN_RESPONSE_TO",
            "WRONG_IN_RESPONSE_TO,false,IN_RESPONSE_TO",
            "COMMENT_IN_NAME_ID,false,TEXT_CONTENT",
            "COMMENT_IN_ATTRIBUTE_VALUE,true,TEXT_CONTENT",
            "AES_CBC,true,DECRYPTION",
            "RSA_1_5,true,DECRYPTION"})
    void brokenResponse_isRefusedNamingTheCheck(IdpDefect defect, boolean encrypted, SamlCheck check) throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4,
                Map.of("defect", defect.name(), "encrypt", Boolean.toString(encrypted)));
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> {
                    assertThat(e.check()).isEqualTo(check);
                    assertThat(e.getMessage()).startsWith(check.name() + ": ").doesNotContain("Erika", "GROẞE");
                });
    }

    @Test
    void aesCbc_isAcceptedOnlyByExplicitSwitch() throws Exception {
        ServiceProvider legacy = fixture.sp().allowAesCbc(true).build();
        AuthnRequestMessage request = legacy.createRequest(IdpFixture.login(), SamlBinding.HTTP_POST);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of("defect", "AES_CBC", "encrypt", "true"));
        ServicekontoIdentity id = legacy.acceptResponse(posted.samlResponse(), request.expectation());
        assertThat(id.value(ServicekontoAttribute.SURNAME)).contains("Mustermann");
    }

    @Test
    void unsignedAssertionInSignedResponse_isAcceptedOnlyWhenAssertionSignaturesAreNotRequired() throws Exception {
        ServiceProvider lenient = fixture.sp().requireSignedAssertions(false).build();
        AuthnRequestMessage request = lenient.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of("defect", "UNSIGNED_ASSERTION"));
        assertThat(lenient.acceptResponse(posted.samlResponse(), request.expectation()).nameId()).isEqualTo("erika-7f3c9a1e");
    }

    @Test
    void plainAssertion_isRefusedWhenEncryptionIsRequired() throws Exception {
        ServiceProvider strict = fixture.sp().requireEncryptedAssertions(true).build();
        AuthnRequestMessage request = strict.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of("encrypt", "false"));
        assertThatThrownBy(() -> strict.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.DECRYPTION));
    }

    @Test
    void unsolicitedResponse_isRefusedUnlessAllowed() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of("defect", "NO_IN_RESPONSE_TO"));
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(), ResponseExpectation.unsolicited(null)))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.IN_RESPONSE_TO));
        ServiceProvider open = fixture.sp().allowUnsolicitedResponses(true).build();
        assertThat(open.acceptResponse(posted.samlResponse(), ResponseExpectation.unsolicited(TrustLevel.HOCH)).level())
                .contains(TrustLevel.HOCH);
    }

    @Test
    void requestedMinimumLevel_isCheckedAgainstTheAuthnContext() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 3, Map.of());
        assertThatThrownBy(() -> sp.acceptResponse(posted.samlResponse(),
                ResponseExpectation.solicited(request.id(), TrustLevel.HOCH)))
                .isInstanceOfSatisfying(SamlValidationException.class,
                        e -> assertThat(e.check()).isEqualTo(SamlCheck.LEVEL_OF_ASSURANCE));
    }

    @Test
    void clockSkew_isBounded() throws Exception {
        AuthnRequestMessage request = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        IdpFixture.Posted posted = fixture.loginAs(request, "erika", 4, Map.of());
        ServiceProvider ahead = fixture.sp().clock(java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(8))).build();
        assertThatThrownBy(() -> ahead.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class,
                        e -> assertThat(e.check()).isEqualTo(SamlCheck.SUBJECT_CONFIRMATION));
        ServiceProvider behind = fixture.sp().clock(java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(-4))).build();
        assertThatThrownBy(() -> behind.acceptResponse(posted.samlResponse(), request.expectation()))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.CONDITIONS));
        ServiceProvider slightlyAhead = fixture.sp().clock(java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(6))).build();
        assertThat(slightlyAhead.acceptResponse(posted.samlResponse(), request.expectation()).nameId())
                .isEqualTo("erika-7f3c9a1e");
    }
}
