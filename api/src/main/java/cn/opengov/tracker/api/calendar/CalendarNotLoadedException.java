package cn.opengov.tracker.api.calendar;

/**
 * A working-day count reached a year whose holiday notice has not been loaded. The product never guesses a
 * deadline: it says which year is missing so that an administrator can load that year's notice.
 */
public class CalendarNotLoadedException extends RuntimeException {

    private final int year;

    public CalendarNotLoadedException(int year) {
        super(year + "年的节假日安排尚未导入，无法计算工作日；请管理员导入国务院办公厅" + year + "年部分节假日安排的通知");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
