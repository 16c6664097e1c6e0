package cn.opengov.tracker.api.request.imports;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a spreadsheet words a request's values: as the official table prints them, however it was typed. */
class ImportLabelsTest {

    @Test
    void everyOutcomeIsReadInItsOwnLabelItsPrintedRowAndItsCode() {
        for (OutcomeCategory o : OutcomeCategory.values()) {
            assertThat(ImportLabels.outcome(o.label())).as(o.label()).contains(o);
            assertThat(ImportLabels.outcome(o.fullLabel())).as(o.fullLabel()).contains(o);
            assertThat(ImportLabels.outcome(o.name().toLowerCase())).contains(o);
            if (o.item() > 0) {
                assertThat(ImportLabels.outcome(o.item() + ". " + o.label())).as("as the seeds print it").contains(o);
            }
        }
        assertThat(ImportLabels.outcome("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)")).contains(OutcomeCategory.PARTIALLY_DISCLOSED);
        assertThat(ImportLabels.outcome("部分公开")).contains(OutcomeCategory.PARTIALLY_DISCLOSED);
        assertThat(ImportLabels.outcome("不予公开-保护第三方合法权益")).contains(OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS);
        assertThat(ImportLabels.outcome("（三）不予公开 4.保护第三方合法权益")).contains(OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS);
        assertThat(ImportLabels.outcome("全部公开")).isEmpty();
        assertThat(ImportLabels.outcome("不予公开")).as("a group is not a row").isEmpty();
    }

    @Test
    void datesChannelsAndApplicantTypesAsOfficesWriteThem() {
        for (String text : new String[] {"2023-01-06", "2023/1/6", "2023.1.6", "2023年1月6日", " 2023 年 1 月 6 日 "}) {
            assertThat(ImportLabels.date(text)).as(text).contains(LocalDate.of(2023, 1, 6));
        }
        assertThat(ImportLabels.date("2023-02-30")).isEmpty();
        assertThat(ImportLabels.date("6/1/2023")).isEmpty();
        assertThat(ImportLabels.channel("网络")).contains(Channel.ONLINE);
        assertThat(ImportLabels.channel("当面提交")).contains(Channel.IN_PERSON);
        assertThat(ImportLabels.channel("飞鸽传书")).isEqualTo(Optional.empty());
        assertThat(ImportLabels.applicantType("社会组织")).contains(ApplicantType.SOCIAL_WELFARE_ORG);
        assertThat(ImportLabels.applicantType("法律服务机构")).contains(ApplicantType.LEGAL_SERVICE_ORG);
    }

    @Test
    void headersAreMatchedUpToTheirBracket() {
        assertThat(ImportColumn.ofHeader("延期（工作日）")).contains(ImportColumn.EXTENSION_DAYS);
        assertThat(ImportColumn.ofHeader("\uFEFF受理编号")).contains(ImportColumn.SOURCE_NO);
        assertThat(ImportColumn.ofHeader("收到日期(必填)")).contains(ImportColumn.RECEIVED_ON);
        assertThat(ImportColumn.ofHeader("备注")).isEmpty();
    }
}
