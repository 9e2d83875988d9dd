/**
 * Citizen and business accounts: Servicekonto / BundID SAML 2.0 relying party and the Postfach (citizen mailbox) client.
 *
 * <p>The content of this package comes with its own issue; for now it holds the module's place in
 * the build.
 */
package de.ozgkit.account;
