/**
 * Key material and certificates: loading PKCS#12 and PEM (private keys, certificates, chains) with
 * clear errors, and X.509 certification path validation against given trust anchors.
 */
package de.ozgkit.core.security;
