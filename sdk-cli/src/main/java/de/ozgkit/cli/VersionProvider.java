package de.ozgkit.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Prints {@code ozgkit <version> (Java <version>)} for {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** Creates the provider (picocli instantiates it). */
    public VersionProvider() {
    }

    /** @return the ozgkit version the jar was built as, or {@code unknown} */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"ozgkit " + version() + " (Java " + Runtime.version() + ")"};
    }
}
