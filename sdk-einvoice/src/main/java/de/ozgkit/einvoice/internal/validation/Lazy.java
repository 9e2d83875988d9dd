package de.ozgkit.einvoice.internal.validation;

import java.util.function.Supplier;

/** A value computed once, on first use, by exactly one thread; the others wait for it. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
