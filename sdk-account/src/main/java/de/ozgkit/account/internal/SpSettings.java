package de.ozgkit.account.internal;

import de.ozgkit.account.IdentityProviderMetadata;
import de.ozgkit.account.ReplayCache;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.xml.XmlLimits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings of a service provider, as its builder collected them.
 *
 * @param entityId                   SP entity id
 * @param acs                        assertion consumer service
 * @param signingIdentity            signs AuthnRequests, may be {@code null}
 * @param encryptionIdentity         decrypts assertions, may be {@code null}
 * @param idp                        the trusted identity provider
 * @param clock                      the clock
 * @param clockSkew                  tolerated clock difference
 * @param replayCache                used assertion ids
 * @param requireSignedAssertions    whether the assertion must carry its own signature
 * @param requireEncryptedAssertions whether plain assertions are refused
 * @param allowAesCbc                whether AES-CBC content encryption is accepted
 * @param allowUnsolicited           whether responses without InResponseTo are accepted
 * @param limits                     XML limits for responses
 */
public record SpSettings(String entityId, URI acs, Identity signingIdentity, Identity encryptionIdentity,
                         IdentityProviderMetadata idp, Clock clock, Duration clockSkew, ReplayCache replayCache,
                         boolean requireSignedAssertions, boolean requireEncryptedAssertions, boolean allowAesCbc,
                         boolean allowUnsolicited, XmlLimits limits) {
}
