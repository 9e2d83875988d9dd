/**
 * Citizen and business accounts: a SAML 2.0 relying party for the Servicekonto / BundID login and,
 * in {@link de.ozgkit.account.postfach}, the client of the citizen mailbox (Postfach).
 *
 * <pre>{@code
 * ServiceProvider sp = ServiceProvider.builder()
 *         .entityId("https://fachverfahren.example.de/saml")
 *         .assertionConsumerService(URI.create("https://fachverfahren.example.de/saml/acs"))
 *         .signingIdentity(KeyMaterial.pkcs12(Path.of("sp.p12"), password))
 *         .identityProvider(IdentityProviderMetadata.read(Path.of("bundid-metadata.xml")))
 *         .build();
 *
 * AuthnRequestMessage request = sp.createRequest(LoginRequest.builder()
 *         .organizationDisplayName("Stadt Musterstadt").onlineServiceId("anwohnerparken")
 *         .requestAttribute(ServicekontoAttribute.POSTKORB_HANDLE, true)
 *         .requestAttribute(ServicekontoAttribute.POSTAL_ADDRESS, true)
 *         .minimumLevel(TrustLevel.SUBSTANTIELL).build(), SamlBinding.HTTP_REDIRECT);
 * // 302 to request.redirect().get(); keep request.expectation() in the session
 *
 * ServicekontoIdentity citizen = sp.acceptResponse(form.get("SAMLResponse"), expectation);
 * String street = citizen.require(ServicekontoAttribute.POSTAL_ADDRESS, TrustLevel.SUBSTANTIELL);
 * }</pre>
 *
 * <p>Every refused response throws a {@link de.ozgkit.account.SamlValidationException} naming the
 * {@link de.ozgkit.account.SamlCheck} that failed; an error status of the identity provider throws
 * {@link de.ozgkit.account.SamlStatusException}.
 */
package de.ozgkit.account;
