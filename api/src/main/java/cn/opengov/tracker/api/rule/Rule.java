package cn.opengov.tracker.api.rule;

/**
 * Every refusal the system can give, with the HTTP status it maps to (400 an invalid value, 404 an unknown id,
 * 409 a rule of the request's state) and the message a clerk reads. Messages take {@link String#format} arguments.
 */
public enum Rule {
    // values that can never be right (400)
    DATE_IN_FUTURE(400, "%s（%s）不能晚于今天（%s）"),
    RECEIVED_BEFORE_SUPPORTED_RANGE(400, "收到申请日期（%s）早于2019年1月1日：本系统登记2019年起收到的申请（2019年5月15日前收到的按2007年条例计算期限）"),
    EXTENSION_DAYS_OUT_OF_RANGE(400, "延长的期限须为1至%d个工作日（%s），收到的是%d"),
    CORRECTION_DUE_BEFORE_NOTICE(400, "补正期限（%s）不能早于补正通知日期（%s）"),
    FEE_AMOUNT_NOT_POSITIVE(400, "信息处理费金额须大于0元"),
    FEE_QUANTITY_INVALID(400, "%s"),
    FEE_OVERRIDE_WITHOUT_REASON(400, "收费金额（%s元）与按国办函〔2020〕109号计算的建议金额（%s元）不同，须说明理由"),
    DEFERRED_DUE_NOT_LATER(400, "延迟后的答复期限（%s）须晚于%s（%s）"),
    ASSIGNEE_UNKNOWN(400, "找不到用户 %s"),
    ID_NUMBER_INVALID(400, "%s"),
    INVALID_VALUE(400, "%s"),
    WRONG_CURRENT_PASSWORD(400, "当前密码不正确"),

    // unknown ids (404)
    REQUEST_NOT_FOUND(404, "找不到申请 %s"),
    CONSULTATION_NOT_FOUND(404, "本申请没有编号为 %s 的征求意见"),
    CASE_NOT_FOUND(404, "本申请没有编号为 %s 的复议或诉讼案件"),
    AGENCY_NOT_FOUND(404, "找不到机关 %s"),
    USER_NOT_FOUND(404, "找不到用户 %s"),
    NOT_PUBLISHED(404, "%s %d年度的报表尚未发布"),
    DOCUMENT_NOT_FOUND(404, "找不到文书 %s"),
    LETTERHEAD_NOT_SET(404, "机关 %s 尚未设置文书版头"),
    DEAD_LETTERS_NOT_FOUND(404, "%s 没有未能写入读模型的事件（死信）"),
    APPLICATION_NOT_FOUND(404, "找不到网上申请 %s"),
    STATUS_NOT_FOUND(404, "查询号或查询码不正确"),

    // rules of the request's state (409)
    STEP_BEFORE_RECEIPT(409, "%s（%s）不能早于收到申请之日（%s）"),
    ALREADY_ANSWERED(409, "该申请已于%s答复，不能再%s"),
    NOT_ANSWERED(409, "该申请尚未答复，不能%s"),
    CORRECTION_NOTICE_ALREADY_SENT(409, "补正通知已于%s发出：条例第三十条要求一次性告知，不能再次发出"),
    NO_CORRECTION_NOTICE(409, "尚未发出补正通知，不能登记收到补正材料"),
    CORRECTION_ALREADY_RECEIVED(409, "已于%s登记收到补正材料"),
    CORRECTION_BEFORE_NOTICE(409, "收到补正材料的日期（%s）不能早于补正通知日期（%s）"),
    ALREADY_EXTENDED(409, "已于%s延长答复期限%d个工作日：条例第三十三条只允许延长一次"),
    EXTENSION_AFTER_DUE(409, "延长答复期限须在期限届满前批准：当前答复期限为%s，批准日期为%s"),
    EXTENSION_WITHOUT_CLOCK(409, "正在等待申请人补正，答复期限尚未起算，不能延长"),
    ALREADY_DEFERRED(409, "已于%s决定延迟答复至%s：条例第三十五条的延迟答复只能确定一次"),
    DEFERRAL_AFTER_DUE(409, "延迟答复须在答复期限届满前决定（条例第三十五条）：当前答复期限为%s，决定日期为%s"),
    DEFERRAL_WITHOUT_DUE_DATE(409, "%s，答复期限尚不确定，不能决定延迟答复"),
    DEFERRAL_NOT_IN_2007_RULES(409, "本申请于%s收到，适用2007年《政府信息公开条例》：该条例没有延迟答复的规定（2019年修订后的第三十五条）"),
    RECEIPT_CORRECTION_CONFLICTS(409, "更正后的收到申请日期（%s）适用%s：%s"),
    CONSULTATION_ID_TAKEN(409, "征求意见编号 %s 已被使用"),
    CONSULTATION_ALREADY_ENDED(409, "该征求意见已于%s结束"),
    END_BEFORE_START(409, "%s（%s）不能早于%s（%s）"),
    FEE_NOTICE_ALREADY_ISSUED(409, "已于%s发出收费通知，不能再次发出"),
    NO_FEE_NOTICE(409, "尚未发出收费通知，不能登记缴费"),
    FEE_ALREADY_PAID(409, "已于%s登记缴费"),
    FEE_NOTICE_AFTER_DUE(409, "收费通知须在答复期限内发出（国办函〔2020〕109号第六条）：当前答复期限为%s，通知日期为%s"),
    FEE_BASIS_NOT_IN_FORCE(409, "国办函〔2020〕109号自2021年1月1日起施行：%s的收费通知没有按件、按量计收之分，不能选择计收方式"),
    FEE_BASIS_NOT_APPLICABLE(409, "按量计收适用于申请人要求提供纸质件、发送电子邮件、复制电子数据等方式获取信息的情形（国办函〔2020〕109号第五条）；本申请要求的方式为“%s”，请按件计收"),
    ALREADY_ASSIGNED(409, "%s 已是本申请的承办人"),
    ASSIGNEE_NOT_OF_AGENCY(409, "承办人须为本申请所属机关（%s）的在用工作人员账号：%s 不是"),
    ANSWER_BEFORE_STEP(409, "答复日期（%s）不能早于已登记的%s（%s）"),
    OUTCOME_NEEDS_LAPSED_CORRECTION(409, "“逾期不补正”须已发出补正通知、补正期限已过且未收到补正材料：%s"),
    OUTCOME_NEEDS_CORRECTION_RECEIVED(409, "“补正后申请内容仍不明确”须先登记收到补正材料"),
    OUTCOME_NEEDS_UNPAID_FEE(409, "“逾期未缴纳费用”须已发出收费通知，且申请人收到通知次日起20个工作日内未缴费（国办函〔2020〕109号第六条）：%s"),
    NOTHING_TO_CORRECT(409, "%s与原登记相同，无需更正"),
    RECEIPT_AFTER_STEP(409, "更正后的收到申请日期（%s）不能晚于已登记的%s（%s）"),
    CASE_ID_TAKEN(409, "案件编号 %s 已被使用"),
    LAWSUIT_NEEDS_DECIDED_RECONSIDERATION(409, "“复议后起诉”须本申请已有审结的行政复议，且起诉日期不早于复议决定日期"),
    CASE_ALREADY_DECIDED(409, "该案件已于%s审结"),
    CALENDAR_NOT_LOADED(409, "%s"),
    YEAR_NOT_OVER(409, "%d年尚未结束：%d年1月1日起才能进行年度结转或发布年度报表"),
    AGENCY_EXISTS(409, "机关代码 %s 已存在"),
    USER_EXISTS(409, "用户名 %s 已存在"),
    CANNOT_DISABLE_SELF(409, "不能停用自己的账号：请由另一位管理员停用"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency-Key %s 已用于另一份不同的登记内容"),
    CONCURRENT_CHANGE(409, "该申请刚被他人修改，请刷新后重试"),
    REPORT_TEXT_CHANGED(409, "年度报告文字已由 %s 保存为第%d版（您编辑的是第%d版），请刷新后再修改"),
    APPLICATION_ALREADY_DECIDED(409, "该网上申请已于%s%s，不能再确认或退回"),
    CONFIRMED_BEFORE_SUBMISSION(409, "确认日期（%s）不能早于申请人提交网上申请之日（%s）"),
    CHALLENGE_REQUIRED(428, "查询失败次数较多，请先回答验证题"),

    // the read models (409)
    REBUILD_IN_PROGRESS(409, "读模型正在重建：重建会重新处理全部事件，完成后再重试死信"),

    // written notices (SPEC §2b): a notice tells of a step, so the step must have been recorded (409)
    DOCUMENT_RULES_2007(409, "该申请于%s收到，适用2007年《政府信息公开条例》：本系统按2019年修订的条例出具文书，不能出具%s"),
    DOCUMENT_NEEDS_CORRECTION_NOTICE(409, "尚未登记补正通知，不能出具补正告知书"),
    DOCUMENT_NEEDS_EXTENSION(409, "尚未登记延长答复期限，不能出具延长答复期限告知书"),
    DOCUMENT_NEEDS_CONSULTATION(409, "尚未登记征求意见，不能出具征求意见书"),
    DOCUMENT_NEEDS_FEE_NOTICE(409, "尚未登记收费通知，不能出具收费通知书"),
    DOCUMENT_NEEDS_DEFERRAL(409, "尚未登记延迟答复，不能出具延迟答复告知书"),
    DOCUMENT_NEEDS_ANSWER(409, "尚未答复，不能出具答复书"),
    LETTERHEAD_NEEDED(409, "%s尚未设置文书版头中的行政复议机关和人民法院：答复书须告知申请人向哪个机关申请行政复议、向哪个法院提起行政诉讼"
            + "（《行政复议法》第二十条第三款），请管理员先设置（PUT /api/agencies/%s/letterhead）");

    private final int status;
    private final String message;

    Rule(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String format(Object... args) {
        return String.format(message, args);
    }
}
