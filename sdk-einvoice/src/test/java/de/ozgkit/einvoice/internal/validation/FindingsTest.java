package de.ozgkit.einvoice.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cap on findings per layer and the reading of Schematron flags and names. */
class FindingsTest {

    @Test
    void moreFindingsThanTheCap_keepTheFirstAndCountTheRest() {
        Findings findings = new Findings();
        for (int i = 0; i < Findings.MAX_PER_LAYER + 250; i++) {
            findings.add(new Finding("BR-CO-10", Severity.ERROR, "/x[" + i + "]", "m", ValidationLayer.EN16931));
        }
        findings.add(new Finding("BR-DE-15", Severity.ERROR, "/", "m", ValidationLayer.XRECHNUNG));

        List<Finding> list = findings.toList();
        assertThat(list).hasSize(Findings.MAX_PER_LAYER + 2);
        assertThat(list.get(0).location()).isEqualTo("/x[0]");
        assertThat(list).filteredOn(f -> f.layer() == ValidationLayer.XRECHNUNG).hasSize(1);
        assertThat(list.get(list.size() - 1)).satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(Findings.RULE_TRUNCATED);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.layer()).isEqualTo(ValidationLayer.EN16931);
            assertThat(f.message()).startsWith("250 further findings");
        });
    }

    @Test
    void schematronFlags_mapToSeverities() {
        assertThat(SvrlCollector.severity("fatal")).isEqualTo(Severity.ERROR);
        assertThat(SvrlCollector.severity("error")).isEqualTo(Severity.ERROR);
        assertThat(SvrlCollector.severity(null)).isEqualTo(Severity.ERROR);
        assertThat(SvrlCollector.severity(" Warning ")).isEqualTo(Severity.WARNING);
        assertThat(SvrlCollector.severity("information")).isEqualTo(Severity.INFO);
    }

    @Test
    void stepNames_useTheFixedPrefixes() {
        assertThat(Namespaces.stepName(Namespaces.RAM, "ID")).isEqualTo("ram:ID");
        assertThat(Namespaces.stepName("", "a")).isEqualTo("a");
        assertThat(Namespaces.stepName("urn:x", "a")).isEqualTo("*:a[namespace-uri()='urn:x']");
    }
}
