/**
 * ozgkit account: Citizen and business accounts: Servicekonto / BundID SAML 2.0 relying party and the Postfach (citizen mailbox) client.
 */
module de.ozgkit.account {
    requires transitive de.ozgkit.core;

    exports de.ozgkit.account;
}
