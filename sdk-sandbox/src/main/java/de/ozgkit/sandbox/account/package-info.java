/**
 * The sandbox SAML identity provider in the shape of BundID / the Servicekonten: metadata, SSO for
 * both bindings, a login page with test identities and levels of assurance, signed (optionally
 * encrypted) responses, and deliberately broken responses for tests. The logic lives in
 * {@link de.ozgkit.sandbox.account.IdpEngine}, free of HTTP.
 *
 * <pre>{@code
 * SamlIdpSimulator idp = SamlIdpSimulator.create();
 * try (Sandbox sandbox = Sandbox.builder().service(idp).start()) {
 *     URI metadata = URI.create(sandbox.baseUri("saml-idp") + "/metadata");
 *     idp.breakNextResponse(IdpDefect.WRONG_AUDIENCE);   // the next login answers a broken response
 * }
 * }</pre>
 */
package de.ozgkit.sandbox.account;
