package de.ozgkit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot combine EUR with USD");
    }

    @Test
    void badCurrency_isRefused() {
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "eur"))
                .hasMessageContaining("three upper-case letters");
    }

    @Test
    void sumOfRoundedParts_neverDriftsByMoreThanHalfACentPerPart() {
        // property: rounding each of n parts differs from rounding the sum by at most n * 0.005
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
