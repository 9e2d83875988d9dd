package de.ozgkit.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgsArsTest {

    @Test
    void ags_parsesAndSplits() {
        Ags ags = Ags.parse("09162000");
        assertThat(ags.land()).isEqualTo("09");
        assertThat(ags.kreis()).isEqualTo("09162");
        assertThat(ags).hasToString("09162000");
    }

    @Test
    void ars_derivesAgs() {
        Ars ars = Ars.parse("091620000000");
        assertThat(ars.toAgs()).isEqualTo(Ags.parse("09162000"));
        assertThat(Ars.parse("073355005053").toAgs()).isEqualTo(Ags.parse("07335053"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|must not be empty",
        "0916200|must have exactly 8 digits, had 7",
        "091620001|must have exactly 8 digits, had 9",
        "0916200A|may contain only digits",
        "17162000|Land key 01 to 16",
    })
    void ags_invalid(String value, String reason) {
        assertThatThrownBy(() -> Ags.parse(value == null ? "" : value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("AGS ")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "09162000000|must have exactly 12 digits, had 11",
        "0916200000 0|may contain only digits",
        "991620000000|Land key",
    })
    void ars_invalid(String value, String reason) {
        assertThatThrownBy(() -> Ars.parse(value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("ARS ")
                .hasMessageContaining(reason);
    }
}
