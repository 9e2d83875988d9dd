package de.ozgkit.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads key material made by the {@code openssl} command line tool, generated inside the test.
 * Skipped where no {@code openssl} is installed.
 */
class OpensslInteropTest {

    private static final String PASSWORD = "openssl-pass";

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireOpenssl() {
        boolean present;
        try {
            present = run("version") == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "openssl is not installed; interop with OpenSSL-made files is not tested");
    }

    @Test
    void rsaKeyCertificateAndPkcs12_fromOpenssl() throws Exception {
        exec("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.crt", "-days", "2",
                "-subj", "/CN=openssl-rsa");
        exec("pkcs12", "-export", "-inkey", "rsa.key", "-in", "rsa.crt", "-out", "rsa.p12", "-passout", "pass:" + PASSWORD);
        exec("pkey", "-in", "rsa.key", "-aes256", "-out", "rsa-enc.key", "-passout", "pass:" + PASSWORD);
        exec("rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");

        Identity fromP12 = KeyMaterial.pkcs12(dir.resolve("rsa.p12"), PASSWORD.toCharArray());
        Identity fromPem = KeyMaterial.pem(dir.resolve("rsa.key"), dir.resolve("rsa.crt"), null);
        Identity fromEncrypted = KeyMaterial.pem(dir.resolve("rsa-enc.key"), dir.resolve("rsa.crt"), PASSWORD.toCharArray());
        Identity fromPkcs1 = KeyMaterial.pem(dir.resolve("rsa-pkcs1.key"), dir.resolve("rsa.crt"), null);
        assertThat(List.of(fromPem, fromEncrypted, fromPkcs1)).allSatisfy(id -> {
            assertThat(id.privateKey()).isEqualTo(fromP12.privateKey());
            assertThat(id.certificate()).isEqualTo(fromP12.certificate());
        });

        KeyMaterialException wrong = catchThrowableOfType(KeyMaterialException.class,
                () -> KeyMaterial.pkcs12(dir.resolve("rsa.p12"), "nope".toCharArray()));
        assertThat(wrong.reason()).isEqualTo(KeyMaterialException.Reason.WRONG_PASSWORD);
    }

    @Test
    void ecKeyWithParametersBlock_fromOpenssl() throws Exception {
        // 'ecparam -genkey' writes an EC PARAMETERS block before the SEC 1 key
        exec("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key");
        exec("req", "-x509", "-key", "ec.key", "-out", "ec.crt", "-days", "2", "-subj", "/CN=openssl-ec");
        String keyText = java.nio.file.Files.readString(dir.resolve("ec.key"), StandardCharsets.US_ASCII);
        assertThat(keyText).contains("BEGIN EC PARAMETERS").contains("BEGIN EC PRIVATE KEY");

        Identity id = KeyMaterial.pem(dir.resolve("ec.key"), dir.resolve("ec.crt"), null);
        assertThat(id.privateKey().getAlgorithm()).isIn("EC", "ECDSA");

        exec("pkcs12", "-export", "-inkey", "ec.key", "-in", "ec.crt", "-out", "ec.p12", "-passout", "pass:" + PASSWORD);
        assertThat(KeyMaterial.pkcs12(dir.resolve("ec.p12"), PASSWORD.toCharArray()).certificate()).isEqualTo(id.certificate());
    }

    private static void exec(String... args) throws Exception {
        int rc = run(args);
        assertThat(rc).as("openssl %s", String.join(" ", args)).isZero();
    }

    private static int run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish: " + String.join(" ", args));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
