package de.ozgkit.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeitwegIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"04011000-1234512345-06", "991-33333TEST-33", "991-33333TEST-33"})
    void parse_acceptsPublishedExamples(String id) {
        LeitwegId parsed = LeitwegId.parse(id);
        assertThat(parsed.toString()).isEqualTo(id);
        assertThat(LeitwegId.isValid(id)).isTrue();
    }

    @Test
    void parse_splitsParts() {
        LeitwegId id = LeitwegId.parse("991-33333TEST-33");
        assertThat(id.coarse()).isEqualTo("991");
        assertThat(id.fine()).isEqualTo("33333TEST");
        assertThat(id.check()).isEqualTo("33");
    }

    @Test
    void complete_withLetters_computesMod97CheckDigits() {
        assertThat(LeitwegId.complete("991-33333TEST").toString()).isEqualTo("991-33333TEST-33");
        assertThat(LeitwegId.complete("04011000", "1234512345").toString()).isEqualTo("04011000-1234512345-06");
    }

    @Test
    void complete_withoutFinePart_givesTwoPartId() {
        LeitwegId id = LeitwegId.complete("04011000");
        assertThat(id.fine()).isEmpty();
        assertThat(id.toString()).matches("04011000-\\d\\d");
        assertThat(LeitwegId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void checkDigits_satisfyIso7064Mod9710ForManyInputs() {
        // property: for every coarse/fine pair, the numeric form of the completed id is 1 mod 97
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 2_000; i++) {
            String coarse = randomString(random, alphabet, 2 + random.nextInt(11));
            String fine = random.nextBoolean() ? "" : randomString(random, alphabet, 1 + random.nextInt(30));
            LeitwegId id = LeitwegId.complete(coarse, fine);
            StringBuilder numeric = new StringBuilder();
            for (char c : (coarse + fine + id.check()).toCharArray()) {
                numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
            }
            assertThat(new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue())
                    .as("%s", id).isEqualTo(1);
            assertThat(LeitwegId.isValid(id.toString())).isTrue();
        }
    }

    private static String randomString(java.util.Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "991-33333TEST-34|check digits must be 33, were 34",
        "04011000-1234512345-07|check digits must be 06, were 07",
        "991-33333test-33|fine part must use upper-case letters only",
        "991--33|fine part must not be empty",
        "-33333TEST-33|coarse part must not be empty",
        "991-33333TEST-|check part must be exactly 2 digits",
        "9-33333TEST-33|coarse part must have 2 to 12 characters, had 1",
        "1234567890123-1-00|coarse part must have 2 to 12 characters, had 13",
        "991-1234567890123456789012345678901-00|fine part must have 1 to 30 characters, had 31",
        "991-33333TEST-3X|check part must be exactly 2 digits",
        "991-333 33-00|fine part may contain only digits and letters A-Z",
        "991|must have the form coarse-check or coarse-fine-check",
        "991-1-2-33|must have the form coarse-check or coarse-fine-check",
        "991-3333Ä-00|fine part may contain only digits and letters A-Z",
    })
    void check_reportsTheBrokenRule(String id, String reason) {
        assertThat(LeitwegId.check(id)).hasValueSatisfying(r -> assertThat(r).contains(reason));
        assertThatThrownBy(() -> LeitwegId.parse(id))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("Leitweg-ID ")
                .hasMessageContaining(reason);
    }

    @Test
    void check_emptyAndNull() {
        assertThat(LeitwegId.check("")).contains("must not be empty");
        assertThat(LeitwegId.check(null)).contains("must not be empty");
    }

    @Test
    void lowerCase_messageSuggestsUpperCase() {
        assertThat(LeitwegId.check("991-33333test-33")).hasValueSatisfying(r -> assertThat(r).contains("33333TEST"));
    }

    @Test
    void complete_refusesThreeParts() {
        assertThatThrownBy(() -> LeitwegId.complete("991-1-2"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("at most 2 parts");
    }
}
