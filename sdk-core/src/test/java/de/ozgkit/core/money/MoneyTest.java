package de.ozgkit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientException;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"2.345,2.35", "2.344,2.34", "-2.345,-2.35", "-2.344,-2.34", "0.005,0.01", "10,10.00", "1.999,2.00"})
    void round_isHalfUpToTwoDecimals(String in, String out) {
        assertThat(Money.round(new BigDecimal(in))).isEqualTo(new BigDecimal(out));
    }

    @Test
    void percentOf_roundsTheResult() {
        assertThat(Money.percentOf(new BigDecimal("10.05"), new BigDecimal("19"))).isEqualTo(new BigDecimal("1.91"));
        assertThat(Money.percentOf(new BigDecimal("100"), new BigDecimal("7"))).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void arithmetic_keepsCurrencyAndScale() {
        Money net = Money.eur("100");
        Money gross = net.plus(net.percent(new BigDecimal("19")));
        assertThat(gross).isEqualTo(Money.eur("119.00"));
        assertThat(gross.amount().scale()).isEqualTo(2);
        assertThat(gross.minus(net)).hasToString("19.00 EUR");
        assertThat(Money.eur("3.333").times(new BigDecimal("3"))).isEqualTo(Money.eur("9.99"));
    }

    @Test
    void combiningCurrencies_isRefused() {
        assertThatThrownBy(() -> Money.eur("1").plus(new Money(BigDecimal.ONE, "USD")))
                .isInstanceOfSatisfying(OzgClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("cannot combine EUR with USD");
    }

    @Test
    void badCurrency_isRefused() {
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "eur"))
                .isInstanceOf(OzgClientException.class)
                .hasMessageContaining("three upper-case letters");
        assertThatThrownBy(() -> Money.eur("12,50")).isInstanceOf(OzgClientException.class)
                .hasMessageContaining("decimal number");
    }

    @Test
    void rounding_isHalfUpNotHalfEven_onRandomAmountsWithManyTies() {
        // property: Money.round agrees with HALF_UP computed in whole ten-thousandths; every fourth
        // amount ends in exactly half a cent, where HALF_UP and HALF_EVEN differ for even cents
        Random r = new Random(7);
        int tiesWhereHalfEvenDiffers = 0;
        for (int i = 0; i < 10_000; i++) {
            long tenThousandths = r.nextInt(2_000_000) - 1_000_000L;
            if (i % 4 == 0) {
                tenThousandths = tenThousandths / 100 * 100 + (tenThousandths < 0 ? -50 : 50);
            }
            long magnitude = Math.abs(tenThousandths);
            long cents = (magnitude + 50) / 100 * Long.signum(tenThousandths);
            BigDecimal expected = BigDecimal.valueOf(cents, 2);
            BigDecimal amount = BigDecimal.valueOf(tenThousandths, 4);
            assertThat(Money.round(amount)).as("%s", amount).isEqualTo(expected);
            assertThat(Money.eur(amount).amount()).isEqualTo(expected);
            if (amount.setScale(2, java.math.RoundingMode.HALF_EVEN).compareTo(expected) != 0) {
                tiesWhereHalfEvenDiffers++;
            }
        }
        assertThat(tiesWhereHalfEvenDiffers).as("cases that tell HALF_UP from HALF_EVEN").isGreaterThan(1000);
    }

    @Test
    void sumOfRoundedParts_neverDriftsByMoreThanHalfACentPerPart() {
        Random r = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            int n = 1 + r.nextInt(20);
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal rounded = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                BigDecimal part = BigDecimal.valueOf(r.nextInt(1_000_000), 4);
                exact = exact.add(part);
                rounded = rounded.add(Money.round(part));
            }
            assertThat(rounded.subtract(exact).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(n)));
        }
    }
}
