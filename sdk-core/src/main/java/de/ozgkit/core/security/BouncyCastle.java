package de.ozgkit.core.security;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance used where the JDK lacks an algorithm (PEM encryption
 * schemes, curves such as brainpool). It is passed explicitly and never registered with
 * {@link java.security.Security}, so ozgkit changes no global state.
 */
final class BouncyCastle {

    private BouncyCastle() {
    }

    /** Created on first use: building the provider takes a moment. */
    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }
}
