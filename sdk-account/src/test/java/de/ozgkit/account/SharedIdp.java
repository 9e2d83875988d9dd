package de.ozgkit.account;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands one {@link IdpFixture} (sandbox, keys) to every test class that asks for it, created once
 * per test run and closed at its end, so that key generation and server start happen once.
 */
final class SharedIdp implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == IdpFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedIdp.class))
                .getOrComputeIfAbsent("idp", k -> new Holder(new IdpFixture()), Holder.class).fixture;
    }

    /** Closes the fixture when the test run ends. */
    private record Holder(IdpFixture fixture) implements AutoCloseable {
        @Override
        public void close() {
            fixture.close();
        }
    }
}
