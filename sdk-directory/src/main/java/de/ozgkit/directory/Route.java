package de.ozgkit.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer to "where does this application go": a responsible organisation unit with its
 * responsibility, the online services that submit to it and, where the directory carries them,
 * the payment endpoint and the FIT-Connect destination.
 *
 * @param unit             the organisation unit (full detail)
 * @param responsibility   the responsibility that makes it responsible
 * @param onlineServices   the online services for this unit
 * @param paymentEndpoint  the payment endpoint, may be {@code null}
 * @param fitConnect       the FIT-Connect destination, may be {@code null}
 */
public record Route(Organisationseinheit unit, Zustaendigkeit responsibility, List<Onlinedienst> onlineServices,
                    PaymentEndpoint paymentEndpoint, FitConnectDestination fitConnect) {

    /** Checks and copies. */
    public Route {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(responsibility, "responsibility");
        onlineServices = List.copyOf(onlineServices);
    }

    /** @return the payment endpoint, empty when the directory carries none */
    public Optional<PaymentEndpoint> payment() {
        return Optional.ofNullable(paymentEndpoint);
    }

    /** @return the FIT-Connect destination, empty when the directory carries none (or an unreadable one) */
    public Optional<FitConnectDestination> fitConnectDestination() {
        return Optional.ofNullable(fitConnect);
    }
}
