package de.ozgkit.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeikaKeyTest {

    @Test
    void parse_splitsIntoObjectActionAndDetail() {
        LeikaKey key = LeikaKey.parse("99050012104000");
        assertThat(key.serviceObject()).isEqualTo("99050012");
        assertThat(key.action()).isEqualTo("104");
        assertThat(key.actionDetail()).isEqualTo("000");
        assertThat(key).hasToString("99050012104000").isEqualTo(new LeikaKey("99050012104000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|must not be empty",
        "9905001210400|must have exactly 14 digits, had 13 characters",
        "990500121040000|must have exactly 14 digits, had 15 characters",
        "9905001210400A|may contain only digits 0-9, found 'A' at position 14",
        "٩9050012104000|may contain only digits 0-9, found '٩' at position 1"})
    void parse_refusesMalformedKeys(String text, String reason) {
        assertThatThrownBy(() -> LeikaKey.parse(text == null ? "" : text))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("LeiKa key " + reason);
    }

    @Test
    void parse_namesControlCharactersAndSurrogatesByCodePoint() {
        assertThatThrownBy(() -> LeikaKey.parse("9905001210400\n"))
                .hasMessage("LeiKa key may contain only digits 0-9, found '\\u000a' at position 14");
        assertThatThrownBy(() -> LeikaKey.parse("990500121040\uD83D\uDE00"))
                .hasMessage("LeiKa key may contain only digits 0-9, found '\\ud83d' at position 13");
        assertThatThrownBy(() -> new LeikaKey(null)).isInstanceOf(InvalidIdentifierException.class);
    }
}
