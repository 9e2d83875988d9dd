package de.ozgkit.directory.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO 8601 dates, times and UTC date-times as the search service writes them, read without
 * {@link java.time.format.DateTimeFormatter} for the plain forms ({@code 2025-06-30},
 * {@code 08:00}, {@code 08:00:00}, {@code 2025-10-02T09:30:00Z} with or without a fraction of a
 * second), which is several times faster; every other form goes to java.time's ISO parsers. Both
 * ways accept and refuse the same text (ranges checked by {@link LocalDate#of} and
 * {@link LocalTime#of}), which {@code IsoTimesTest} checks against java.time.
 */
final class IsoTimes {

    private IsoTimes() {
    }

    /**
     * @param text an ISO local date ({@code yyyy-MM-dd})
     * @return the date
     * @throws DateTimeException if the text is not a valid ISO local date
     */
    static LocalDate date(String text) {
        if (text.length() == 10 && isDate(text, 0)) {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        }
        return LocalDate.parse(text);
    }

    /**
     * @param text an ISO local time ({@code HH:mm}, {@code HH:mm:ss}, with an optional fraction)
     * @return the time
     * @throws DateTimeException if the text is not a valid ISO local time
     */
    static LocalTime time(String text) {
        if (text.length() == 5 && isTime(text, 0, false)) {
            return LocalTime.of(digits(text, 0, 2), digits(text, 3, 2));
        }
        if (text.length() == 8 && isTime(text, 0, true)) {
            return LocalTime.of(digits(text, 0, 2), digits(text, 3, 2), digits(text, 6, 2));
        }
        return LocalTime.parse(text);
    }

    /**
     * @param text an ISO date-time with offset ({@code yyyy-MM-ddTHH:mm:ss+01:00}, {@code ...Z})
     * @return the instant
     * @throws DateTimeException if the text is not a valid ISO date-time with offset
     */
    static Instant instant(String text) {
        int n = text.length();
        // yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z
        if (n >= 20 && n <= 30 && n != 21 && text.charAt(n - 1) == 'Z' && isDate(text, 0) && text.charAt(10) == 'T'
                && isTime(text, 11, true) && (n == 20 || text.charAt(19) == '.' && allDigits(text, 20, n - 1))) {
            int nanos = 0;
            if (n > 20) {
                nanos = digits(text, 20, n - 21);
                for (int i = n - 21; i < 9; i++) {
                    nanos *= 10;
                }
            }
            LocalDate day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
            LocalTime time = LocalTime.of(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), nanos);
            return day.atTime(time).toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** {@code dddd-dd-dd} at {@code from}. */
    private static boolean isDate(String s, int from) {
        return allDigits(s, from, from + 4) && s.charAt(from + 4) == '-' && allDigits(s, from + 5, from + 7)
                && s.charAt(from + 7) == '-' && allDigits(s, from + 8, from + 10);
    }

    /** {@code dd:dd} or {@code dd:dd:dd} at {@code from}. */
    private static boolean isTime(String s, int from, boolean seconds) {
        return allDigits(s, from, from + 2) && s.charAt(from + 2) == ':' && allDigits(s, from + 3, from + 5)
                && (!seconds || s.charAt(from + 5) == ':' && allDigits(s, from + 6, from + 8));
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
