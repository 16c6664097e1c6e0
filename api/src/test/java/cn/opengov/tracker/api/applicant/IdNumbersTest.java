package cn.opengov.tracker.api.applicant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    @Test
    void residentIdWithTheRightCheckDigitIsValid() {
        // GB 11643-1999's own example
        assertThat(IdNumbers.residentIdProblem("11010519491231002X")).isEmpty();
        assertThat(IdNumbers.residentIdProblem("11010519491231002x")).isEmpty();
    }

    @Test
    void residentIdWithAWrongCheckDigitOrDateIsRefused() {
        assertThat(IdNumbers.residentIdProblem("110105194912310021")).isPresent();
        assertThat(IdNumbers.residentIdProblem("11010519490231002X")).isPresent();
        assertThat(IdNumbers.residentIdProblem("1101051949")).isPresent();
    }

    @Test
    void creditCodeWithTheRightCheckCharacterIsValid() {
        assertThat(IdNumbers.creditCodeProblem("91350100M000100Y43")).isEmpty();
        assertThat(IdNumbers.creditCodeProblem("91350100M000100Y44")).isPresent();
        assertThat(IdNumbers.creditCodeProblem("91350100I000100Y43")).isPresent();
    }

    @Test
    void maskShowsFirstAndLastFour() {
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(IdNumbers.mask("1234567")).isEqualTo("*******");
    }
}
