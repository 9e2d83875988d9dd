package de.ozgkit.fitconnect;

import java.util.Objects;

/**
 * A problem in a rejection ({@code reject-submission} event), in the shape of RFC 7807 as FIT-Connect
 * uses it: {@code type} (a URI), {@code title}, {@code detail} and {@code instance} (the part of the
 * submission: {@code metadata}, {@code data} or {@code attachment:<id>}).
 *
 * @param type     the problem type URI
 * @param title    a short title
 * @param detail   what is wrong, may be {@code null}
 * @param instance the part concerned, may be {@code null}
 */
public record Problem(String type, String title, String detail, String instance) {

    /** Prefix of the problem types of rejections. */
    public static final String TYPE_PREFIX = "https://schema.fitko.de/fit-connect/events/problems/";

    /** Checks the values. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    /**
     * @param instance {@code metadata}, {@code data} or {@code attachment:<id>}
     * @return a part that could not be decrypted
     */
    public static Problem encryptionIssue(String instance) {
        return new Problem(TYPE_PREFIX + "encryption-issue", "Entschlüsselungs-Fehler",
                "Der Inhalt konnte nicht entschlüsselt werden.", instance);
    }

    /**
     * @param instance {@code data} or {@code attachment:<id>}
     * @return a part whose hash differs from the metadata
     */
    public static Problem hashMismatch(String instance) {
        return new Problem(TYPE_PREFIX + "hash-mismatch", "Prüfsumme stimmt nicht",
                "Der Hashwert des Inhalts stimmt nicht mit dem Hashwert in den Metadaten überein.", instance);
    }

    /** @return metadata that is not JSON */
    public static Problem metadataSyntaxViolation() {
        return new Problem(TYPE_PREFIX + "syntax-violation", "Syntax-Fehler",
                "Die Metadaten sind kein gültiges JSON.", "metadata");
    }

    /** @return metadata with an unsupported schema */
    public static Problem unsupportedMetadataSchema() {
        return new Problem(TYPE_PREFIX + "unsupported-schema", "Metadatenschema nicht unterstützt",
                "Die angegebene Metadatenschema-URI ist keine unterstützte Version.", "metadata");
    }

    /** @return metadata that breaks the schema */
    public static Problem metadataSchemaViolation() {
        return new Problem(TYPE_PREFIX + "schema-violation", "Schema-Fehler",
                "Die Metadaten entsprechen nicht dem Metadatenschema.", "metadata");
    }

    /** @return attachments that differ from the metadata's list */
    public static Problem attachmentsMismatch() {
        return new Problem(TYPE_PREFIX + "attachments-mismatch", "Fehlerhafte Anlagen-Liste",
                "Die Liste der Anlagen in Einreichung und Metadaten stimmt nicht überein.", "metadata");
    }

    /** @return data present but not described, or described but missing */
    public static Problem missingData() {
        return new Problem(TYPE_PREFIX + "missing-data", "Fachdaten fehlen",
                "Fachdaten und Metadaten passen nicht zusammen.", "data");
    }

    /**
     * @param instance {@code metadata}, {@code data} or {@code attachment:<id>}
     * @return a part whose authentication tag differs from the event log
     */
    public static Problem incorrectAuthenticationTag(String instance) {
        return new Problem(TYPE_PREFIX + "incorrect-authentication-tag", "Authentication-Tag ungültig",
                "Das Authentication-Tag stimmt nicht mit dem Tag im Event Log überein.", instance);
    }

    /** @return an event log that could not be verified */
    public static Problem invalidEventLog() {
        return new Problem(TYPE_PREFIX + "invalid-event-log", "Inkonsistentes Event Log",
                "Das Event Log ist inkonsistent oder seine Signaturen sind ungültig.", "submission");
    }

    /**
     * @param detail what failed, without personal data
     * @return a technical error on the receiving side
     */
    public static Problem technicalError(String detail) {
        return new Problem(TYPE_PREFIX + "technical-error", "Technischer Fehler", detail, "submission");
    }
}
