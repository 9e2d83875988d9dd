package de.ozgkit.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link IsoTimes} accept and refuse exactly what java.time's ISO parsers do. */
class IsoTimesTest {

    static final String NOISE = "0123456789-:T.Zz+ \u0660x";

    @Test
    void dates_agreeWithJavaTime() {
        List<String> cases = new ArrayList<>(List.of("2025-06-30", "2024-02-29", "2025-02-29", "2025-02-30", "2025-13-01",
                "2025-00-10", "2025-01-00", "0000-01-01", "9999-12-31", "2025-6-30", "2025-06-30 ", "+2025-06-30",
                "20250630", "2025-06-3x", "", "2025\u201306\u201330"));
        cases.addAll(random("dddd-dd-dd", 3_000, 1));
        agree(cases, IsoTimes::date, LocalDate::parse);
    }

    @Test
    void times_agreeWithJavaTime() {
        List<String> cases = new ArrayList<>(List.of("08:00", "00:00", "23:59", "24:00", "12:60", "08:00:00", "23:59:59",
                "23:59:60", "08:00:00.5", "8:00", "08:0", "08-00", "08:00Z", ""));
        cases.addAll(random("dd:dd", 1_500, 2));
        cases.addAll(random("dd:dd:dd", 1_500, 3));
        agree(cases, IsoTimes::time, LocalTime::parse);
    }

    @Test
    void dateTimes_agreeWithJavaTime() {
        List<String> cases = new ArrayList<>(List.of("2025-10-02T09:30:00Z", "2025-10-02T09:30:00.Z",
                "2025-10-02T09:30:00.1Z", "2025-10-02T09:30:00.123456789Z", "2025-10-02T09:30:00.1234567890Z",
                "2025-10-02T09:30Z", "2025-10-02T09:30:00z", "2025-10-02T09:30:00+02:00", "2025-10-02T09:30:00-00:00",
                "2025-10-02T24:00:00Z", "2025-10-02T23:59:60Z", "2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z",
                "2025-10-02 09:30:00Z", "2025-10-02T09:30:00", "2025-10-02T09:30:00.12a4Z", ""));
        cases.addAll(random("dddd-dd-ddTdd:dd:ddZ", 3_000, 4));
        cases.addAll(random("dddd-dd-ddTdd:dd:dd.dddZ", 1_500, 5));
        cases.addAll(random("dddd-dd-ddTdd:dd:dd.dddddddddZ", 1_000, 6));
        agree(cases, IsoTimes::instant, s -> OffsetDateTime.parse(s).toInstant());
    }

    /**
     * Strings of the given shape ({@code d} a digit, in ranges around the valid ones), a fifth of
     * them with one character replaced by noise.
     */
    static List<String> random(String shape, int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder sb = new StringBuilder(shape.length());
            for (int i = 0; i < shape.length(); i++) {
                char c = shape.charAt(i);
                // digits skewed to small values, so that dates and times are often (not always) in range
                sb.append(c == 'd' ? (char) ('0' + (r.nextInt(3) == 0 ? r.nextInt(10) : r.nextInt(3))) : c);
            }
            if (r.nextInt(5) == 0) {
                sb.setCharAt(r.nextInt(sb.length()), NOISE.charAt(r.nextInt(NOISE.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    static <T> void agree(List<String> cases, Function<String, T> fast, Function<String, T> javaTime) {
        int accepted = 0;
        for (String s : cases) {
            Object expected = outcome(javaTime, s);
            assertThat(outcome(fast, s)).as("\"%s\"", s).isEqualTo(expected);
            if (!(expected instanceof Class)) {
                accepted++;
            }
        }
        // both outcomes occur often enough to mean something
        assertThat(accepted).isGreaterThan(cases.size() / 10).isLessThan(cases.size() * 9 / 10);
    }

    /** The value, or {@code DateTimeException.class} when refused. */
    static <T> Object outcome(Function<String, T> parse, String s) {
        try {
            return parse.apply(s);
        } catch (DateTimeException e) {
            return DateTimeException.class;
        }
    }
}
