package de.ozgkit.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulators that ship with the sandbox, in the order {@code ozgkit sandbox} lists them.
 * {@link Sandbox.Builder#withBuiltInServices()} and the {@code ozgkit sandbox} and
 * {@code ozgkit demo} commands start all of them.
 */
public final class BuiltInServices {

    private BuiltInServices() {
    }

    /**
     * Creates a fresh instance of every built-in service (each sandbox needs its own).
     *
     * @return the services
     */
    public static List<SandboxService> create() {
        List<SandboxService> services = new ArrayList<>();
        services.add(new HealthService());
        services.add(de.ozgkit.sandbox.payment.PaymentProviderSimulator.create());
        services.add(new de.ozgkit.sandbox.einvoice.EInvoicePortalService());
        services.add(new de.ozgkit.sandbox.osci.OsciIntermediaryService());
        services.add(de.ozgkit.sandbox.account.SamlIdpSimulator.create());
        services.add(de.ozgkit.sandbox.postfach.PostfachSimulator.create());
        services.add(de.ozgkit.sandbox.fitconnect.FitConnectSimulator.create());
        services.add(de.ozgkit.sandbox.directory.DirectorySimulator.create());
        // one line per simulator; keep the list in the order they should be printed
        return services;
    }
}
