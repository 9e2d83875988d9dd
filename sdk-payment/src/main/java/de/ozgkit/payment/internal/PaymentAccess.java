package de.ozgkit.payment.internal;

import de.ozgkit.payment.PaymentInformation;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentTransaction;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Lets the wire format create a {@link PaymentTransaction} whose echoed request is read only when
 * {@link PaymentTransaction#request()} is first called: most callers only need id, status and paypage,
 * and checking the echo against every rule of the standard costs more than reading the answer.
 * Installed by {@link PaymentTransaction} (the pattern of the JDK's shared secrets).
 */
public final class PaymentAccess {

    private static volatile BiFunction<PaymentInformation, Supplier<PaymentRequest>, PaymentTransaction> lazy;

    private PaymentAccess() {
    }

    /**
     * Installs the factory; called once by {@link PaymentTransaction}.
     *
     * @param factory creates a transaction with a lazily read request
     */
    public static void install(BiFunction<PaymentInformation, Supplier<PaymentRequest>, PaymentTransaction> factory) {
        if (StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass() != PaymentTransaction.class) {
            throw new IllegalStateException("only PaymentTransaction installs its factory");
        }
        lazy = factory;
    }

    static PaymentTransaction transaction(PaymentInformation information, Supplier<PaymentRequest> echo) {
        BiFunction<PaymentInformation, Supplier<PaymentRequest>, PaymentTransaction> f = lazy;
        if (f == null) {
            try {
                Class.forName(PaymentTransaction.class.getName(), true, PaymentAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = lazy;
        }
        return f.apply(information, echo);
    }
}
