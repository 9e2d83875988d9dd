/**
 * ozgkit account: citizen and business accounts: the Servicekonto / BundID SAML 2.0 relying party
 * and the Postfach (citizen mailbox) client.
 */
module de.ozgkit.account {
    requires transitive de.ozgkit.core;
    requires java.xml.crypto;
    requires org.apache.santuario.xmlsec;
    requires com.nimbusds.jose.jwt;
    requires com.fasterxml.jackson.databind;

    exports de.ozgkit.account;
    exports de.ozgkit.account.postfach;
}
