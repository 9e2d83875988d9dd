package de.ozgkit.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character loops that check the standard's patterns decide exactly as the patterns do. */
class LimitsTest {

    /** Characters at and around every edge of the three patterns' classes, plus any other. */
    static final String EDGES = "azAZ09_-/:@[`{ \t\n\u000B\f\r\u001C\u0085\u00A0\u2028,.;\u00BF\u00C0\u00E4\u00DF\u017F\u0180\u1E9E"
            + "\uD83D\uDE00\u0000\u007F";

    @Test
    void loops_agreeWithThePatterns_onRandomTexts() {
        Random r = new Random(11);
        for (Pattern p : List.of(Limits.ID, Limits.PURPOSE, Limits.DESCRIPTION)) {
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    sb.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x200) : EDGES.charAt(r.nextInt(EDGES.length())));
                }
                String s = sb.toString();
                assertThat(Limits.matches(p, s)).as("%s on %s", p, s.codePoints().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(p.matcher(s).matches());
            }
        }
    }
}
