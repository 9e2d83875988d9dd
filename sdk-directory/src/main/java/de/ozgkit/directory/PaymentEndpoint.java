package de.ozgkit.directory;

import java.net.URI;
import java.util.Objects;

/**
 * Where the fees of an online service are paid: an XBezahldienste 1.0.0 provider's base URI and
 * the {@code originatorId} / {@code endPointId} pair under which the responsible authority is
 * configured there. Feed it into {@code PaymentClient.builder().config(...).context(originatorId,
 * endPointId)} of ozgkit's payment module.
 *
 * <p>The directory carries it as parameters of the online service; see {@code docs/directory.md}
 * for the parameter names.
 *
 * @param baseUri      the provider's {@code {base}}
 * @param originatorId the originator (online service / business context)
 * @param endPointId   the end point (responsible authority, often its AGS)
 */
public record PaymentEndpoint(URI baseUri, String originatorId, String endPointId) {

    /** Checks the components. */
    public PaymentEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(endPointId, "endPointId");
    }
}
