package de.ozgkit.payment.it;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentTransaction;
import java.net.URI;

/**
 * Run by {@link WithoutOptionalLibrariesTest} in a JVM whose class path lacks Bouncy Castle and
 * JAXB: creates and reads a payment at the provider whose base URI it is given.
 */
public final class WithoutOptionalLibrariesProbe {

    private WithoutOptionalLibrariesProbe() {
    }

    /**
     * @param args the provider's base URI
     */
    public static void main(String[] args) {
        for (String name : new String[] {"org.bouncycastle.jce.provider.BouncyCastleProvider", "jakarta.xml.bind.JAXBContext"}) {
            try {
                Class.forName(name);
                System.out.println("present: " + name);
            } catch (ClassNotFoundException e) {
                System.out.println("absent: " + name);
            }
        }
        try (PaymentClient c = PaymentClient.builder().config(OzgClientConfig.builder().baseUri(URI.create(args[0])).build())
                .context(ProviderFixture.ORIGINATOR, ProviderFixture.END_POINT).build()) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            System.out.println("created " + tx.status() + " " + c.get(tx.transactionId()).status());
        }
    }
}
