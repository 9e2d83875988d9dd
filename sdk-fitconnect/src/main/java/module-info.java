/**
 * ozgkit FIT-Connect: sender and subscriber of end-to-end encrypted submissions (Anträge) between
 * online services and the responsible authority's specialist procedure.
 *
 * <p>The {@code internal} package is not API.
 */
module de.ozgkit.fitconnect {
    requires transitive de.ozgkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.nimbusds.jose.jwt;
    requires com.networknt.schema;
    requires com.ethlo.time;
    requires org.bouncycastle.provider;
    requires org.slf4j;

    exports de.ozgkit.fitconnect;
}
