package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import de.ozgkit.testkit.TestClassPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment client needs neither Bouncy Castle nor JAXB, which core declares optional: checked in
 * a JVM of its own whose class path lacks both, against the sandbox provider running here.
 */
class WithoutOptionalLibrariesTest {

    @Test
    void paymentClient_createsAndReads_withoutBouncyCastleAndJaxb(@TempDir Path dir) throws Exception {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create())) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = List.of(javaBin, "-cp", TestClassPath.without("bcprov", "bcpkix", "bcutil", "jaxb", "xml.bind"),
                    WithoutOptionalLibrariesProbe.class.getName(), f.base().toString());
            Path out = dir.resolve("out.txt");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = p.waitFor(2, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String log = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(done).isTrue();
            assertThat(log).as(log).contains("absent: org.bouncycastle.jce.provider.BouncyCastleProvider")
                    .contains("absent: jakarta.xml.bind.JAXBContext").contains("created INITIAL INITIAL")
                    .doesNotContain("NoClassDefFoundError");
            assertThat(f.provider.transactionCount()).isEqualTo(1);
        }
    }
}
