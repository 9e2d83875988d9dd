package de.ozgkit.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The class path of the running test JVM, for tests that start a JVM of their own: expanded from
 * surefire's manifest-only booter jar, optionally without some libraries (to prove that a module
 * works without an optional dependency).
 *
 * <pre>{@code
 * String cp = TestClassPath.without("bcprov", "bcpkix", "jaxb");
 * new ProcessBuilder(javaBin, "-cp", cp, Probe.class.getName()).start();
 * }</pre>
 */
public final class TestClassPath {

    private TestClassPath() {
    }

    /**
     * @param jarNameParts parts of jar file names to leave out (a jar whose file name contains any
     *                     of them is dropped; directories are always kept)
     * @return the class path entries without those jars, joined with the path separator
     */
    public static String without(String... jarNameParts) {
        List<String> kept = new ArrayList<>();
        for (String entry : entries()) {
            String file = Path.of(entry).getFileName().toString();
            boolean drop = false;
            for (String part : jarNameParts) {
                drop |= file.endsWith(".jar") && file.contains(part);
            }
            if (!drop) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** @return every class path entry, surefire's booter jar replaced by the entries it names */
    static List<String> entries() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String uri : classPath.split(" ")) {
                        if (!uri.isBlank()) {
                            entries.add(Path.of(URI.create(uri.startsWith("file:") ? uri
                                    : path.getParent().toUri().resolve(uri).toString())).toString());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("surefire's booter jar " + path + " cannot be read", e);
                }
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }
}
