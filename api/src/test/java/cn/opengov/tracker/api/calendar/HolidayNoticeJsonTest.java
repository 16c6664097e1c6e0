package cn.opengov.tracker.api.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices travel as JSON in events and in holiday_notice: they must read back as written. */
class HolidayNoticeJsonTest {

    @Test
    void aNoticeReadsBackAsWritten() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        HolidayNotice notice = HolidayNotices.bundled().get(5);
        String text = json.writeValueAsString(notice);
        assertThat(text).contains("\"isOffDay\":false").contains("\"date\":\"2024-02-04\"");
        assertThat(json.readValue(text, HolidayNotice.class)).isEqualTo(notice);
        assertThat(HolidayNotices.parse(text)).isEqualTo(notice);
    }
}
