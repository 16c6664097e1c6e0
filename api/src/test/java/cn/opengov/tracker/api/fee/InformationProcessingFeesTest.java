package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The tiers of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). */
class InformationProcessingFeesTest {

    private static BigDecimal yuan(long n) {
        return BigDecimal.valueOf(n);
    }

    /** 第四条: 10 a month free, 11–30 100元 each, then each block of 10 costs 100元 a request more. */
    @Test
    void perRequestTiersOfArticleFour() {
        assertThat(InformationProcessingFees.perRequest(1)).isEqualByComparingTo(yuan(0));
        assertThat(InformationProcessingFees.perRequest(10)).isEqualByComparingTo(yuan(0));
        assertThat(InformationProcessingFees.perRequest(11)).isEqualByComparingTo(yuan(100));
        assertThat(InformationProcessingFees.perRequest(30)).isEqualByComparingTo(yuan(100));
        assertThat(InformationProcessingFees.perRequest(31)).isEqualByComparingTo(yuan(200));
        assertThat(InformationProcessingFees.perRequest(40)).isEqualByComparingTo(yuan(200));
        assertThat(InformationProcessingFees.perRequest(41)).isEqualByComparingTo(yuan(300));
        assertThat(InformationProcessingFees.perRequest(51)).isEqualByComparingTo(yuan(400));
    }

    /** 第四条: a request split by 一事一申请 counts as several, each at its own position in the month. */
    @Test
    void aSplitRequestIsChargedPerItemExcessProgressively() {
        assertThat(InformationProcessingFees.perRequest(9, 3)).as("the 10th, 11th and 12th").isEqualByComparingTo(yuan(200));
        FeeProposal p = InformationProcessingFees.propose(FeeBasis.PER_REQUEST, 2, 29);
        assertThat(p.amountYuan()).as("the 30th and 31st").isEqualByComparingTo(yuan(300));
        assertThat(p.firstPositionInMonth()).isEqualTo(30);
        assertThat(p.explanation()).contains("第四条");
    }

    /** 第五条: 30 pages free, 31–100 10元, 101–200 20元, from 201 40元 a page, excess-progressive. */
    @Test
    void perVolumeTiersOfArticleFive() {
        assertThat(InformationProcessingFees.perVolume(30)).isEqualByComparingTo(yuan(0));
        assertThat(InformationProcessingFees.perVolume(31)).isEqualByComparingTo(yuan(10));
        assertThat(InformationProcessingFees.perVolume(100)).isEqualByComparingTo(yuan(700));
        assertThat(InformationProcessingFees.perVolume(101)).isEqualByComparingTo(yuan(720));
        assertThat(InformationProcessingFees.perVolume(200)).isEqualByComparingTo(yuan(2700));
        assertThat(InformationProcessingFees.perVolume(250)).isEqualByComparingTo(yuan(4700));
        assertThat(InformationProcessingFees.propose(FeeBasis.PER_VOLUME, 120, 99).amountYuan())
                .as("pages alone count").isEqualByComparingTo(yuan(1100));
    }

    /** 第五条: 按量 counts copies handed over; reading and copying by hand on site hands over none. */
    @Test
    void perVolumeAppliesWhereCopiesAreHandedOver() {
        assertThat(InformationProcessingFees.perVolumeApplies(DeliveryForm.PAPER_MAIL)).isTrue();
        assertThat(InformationProcessingFees.perVolumeApplies(DeliveryForm.ELECTRONIC_EMAIL)).isTrue();
        assertThat(InformationProcessingFees.perVolumeApplies(null)).isTrue();
        assertThat(InformationProcessingFees.perVolumeApplies(DeliveryForm.ON_SITE_READING)).isFalse();
    }

    @Test
    void theTiersApplyFrom2021() {
        assertThat(InformationProcessingFees.inForceOn(java.time.LocalDate.of(2020, 12, 31))).isFalse();
        assertThat(InformationProcessingFees.inForceOn(java.time.LocalDate.of(2021, 1, 1))).isTrue();
    }
}
