package de.ozgkit.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.TestPki;
import de.ozgkit.testkit.TestClassPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bouncy Castle and JAXB are optional dependencies of core: without them on the class path,
 * certificates, CRLs and PKCS#12 still load (JDK only), and reading a PEM private key fails with
 * {@link KeyMaterialException.Reason#LIBRARY_MISSING} naming the library, not with a
 * {@link NoClassDefFoundError}. Checked in a JVM of its own whose class path lacks both.
 */
class OptionalLibrariesTest {

    @Test
    void withoutBouncyCastleAndJaxb_certificatesLoad_andPemKeysFailClearly(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create();
        IssuedCertificate client = pki.client("client-1");
        Files.writeString(dir.resolve("chain.pem"), client.chainPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("crl.pem"), "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pki.crl(client.certificate()).getEncoded())
                + "\n-----END X509 CRL-----\n", StandardCharsets.US_ASCII);
        Files.write(dir.resolve("client.p12"), client.pkcs12("pw".toCharArray()));
        Files.writeString(dir.resolve("key.pem"), client.privateKeyPem(), StandardCharsets.US_ASCII);

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(javaBin, "-cp", TestClassPath.without("bcprov", "bcpkix", "bcutil", "jaxb", "xml.bind"),
                OptionalLibrariesProbe.class.getName(), dir.toString());
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(done).isTrue();
        assertThat(log).as(log).contains("bouncy castle present: false").contains("jaxb present: false")
                .contains("certificates: " + client.chain().size()).contains("crl: 1").contains("pkcs12: " + client.chain().size())
                .contains("pem key: LIBRARY_MISSING").contains("bcpkix-jdk18on").contains("KeyMaterial.pkcs12")
                .contains("xml: text").contains("doctype: DOCTYPE_FORBIDDEN")
                .doesNotContain("NoClassDefFoundError");
    }
}
