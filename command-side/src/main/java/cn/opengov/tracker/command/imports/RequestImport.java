package cn.opengov.tracker.command.imports;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.ImportRequest;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.imports.ImportedRow.Problem;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.command.request.ClosedYears;
import cn.opengov.tracker.command.request.LegalCalendar;
import cn.opengov.tracker.command.request.numbering.TrackingNumbers;
import cn.opengov.tracker.command.request.policy.ImportPolicy;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import of past requests (issue 16, API.md {@code POST /api/imports}). Every row is read, checked for the
 * user's agency scope and decided by {@link ImportPolicy} — the rules a clerk's steps meet — before anything is
 * recorded; a dry run stops there. The import then records each accepted row as one {@link ImportRequest} whose
 * events carry the file's name, SHA-256 and row number ({@link ImportMetadata}).
 * <p>
 * Idempotent: a row's request id is derived from its agency and 受理编号, so the same file (or another holding the
 * same rows) imported again records nothing new: such rows are counted as {@code alreadyImported}. Rows are
 * recorded in transactions of {@link #BATCH} rows; a batch that fails (a race with a clerk or a year close) is
 * recorded again row by row, so one row's refusal never takes its neighbours with it.
 */
@Service
public class RequestImport {

    private static final Logger log = LoggerFactory.getLogger(RequestImport.class);
    static final int BATCH = 200;

    private final CommandGateway commands;
    private final RequestIndex index;
    private final TrackingNumbers trackingNumbers;
    private final AgencyScope scope;
    private final ClosedYears closedYears;
    private final LegalCalendar calendar;
    private final TransactionTemplate transaction;

    public RequestImport(CommandGateway commands, RequestIndex index, TrackingNumbers trackingNumbers, AgencyScope scope,
                         ClosedYears closedYears, LegalCalendar calendar, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.index = index;
        this.trackingNumbers = trackingNumbers;
        this.scope = scope;
        this.closedYears = closedYears;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What an import answers (API.md), with the rows skipped because they were imported before. */
    public record Report(int rows, int accepted, List<Problem> refused, int alreadyImported, boolean dryRun,
                         String fileName, String sha256) {
    }

    /**
     * @param defaultAgency the agency of rows without 机关代码 (null: the user's own)
     */
    public Report run(String fileName, byte[] bytes, String defaultAgency, boolean dryRun) {
        String sha256 = sha256(bytes);
        ImportSheet sheet = ImportSheet.read(fileName, bytes);
        List<Problem> refused = new ArrayList<>();
        for (String unknown : sheet.unknownHeaders()) {
            refused.add(new Problem(0, unknown, "无法识别的列“" + unknown + "”：请使用导入模板的列名"));
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !sheet.columns().containsValue(column)) {
                refused.add(new Problem(0, column.header(), "缺少必填列“" + column.header() + "”"));
            }
        }
        if (!refused.isEmpty()) {
            return new Report(sheet.rows().size(), 0, refused, 0, dryRun, fileName, sha256);
        }
        String agencyOfRows = defaultAgency == null || defaultAgency.isBlank() ? scope.currentUser().agencyCode() : defaultAgency.strip();
        List<Planned> planned = new ArrayList<>();
        Map<UUID, Integer> firstRowOf = new HashMap<>();
        int alreadyImported = 0;
        for (ImportSheet.SheetRow sheetRow : sheet.rows()) {
            ImportedRow.Reading reading = ImportedRow.read(sheetRow, agencyOfRows);
            if (!reading.problems().isEmpty()) {
                refused.addAll(reading.problems());
                continue;
            }
            ImportedRow row = reading.row();
            try {
                scope.requireWithin(row.agencyCode());
            } catch (AccessDeniedException | RuleViolation e) {
                refused.add(new Problem(row.number(), ImportColumn.AGENCY.header(), e.getMessage()));
                continue;
            }
            UUID requestId = requestId(row);
            Integer first = firstRowOf.putIfAbsent(requestId, row.number());
            if (first != null) {
                refused.add(new Problem(row.number(), ImportColumn.SOURCE_NO.header(),
                        "受理编号“" + row.sourceNo() + "”与第" + first + "行重复：同一机关的受理编号不能重复"));
                continue;
            }
            if (index.find(requestId).isPresent()) {
                alreadyImported++;
                continue;
            }
            Integer closedThrough = index.closedThrough(row.agencyCode()).orElse(null);
            ImportRequest command = command(requestId, row, "（导入时编号）", closedThrough);
            try {
                ImportPolicy.events(command, calendar.today(), calendar.workingDays());
                planned.add(new Planned(requestId, row));
            } catch (ImportPolicy.Refused r) {
                refused.add(new Problem(row.number(), r.column().header(), r.getMessage()));
            } catch (CalendarNotLoadedException e) {
                refused.add(new Problem(row.number(), null, e.getMessage()));
            }
        }
        int accepted = planned.size();
        if (!dryRun) {
            accepted = record(planned, fileName, sha256, refused);
            log.info("import of {} rows: {} recorded, {} refused, {} imported before", sheet.rows().size(), accepted,
                    refused.size(), alreadyImported);
        }
        refused.sort(Comparator.comparingInt(Problem::row));
        return new Report(sheet.rows().size(), accepted, refused, alreadyImported, dryRun, fileName, sha256);
    }

    private record Planned(UUID requestId, ImportedRow row) {
    }

    private int record(List<Planned> planned, String fileName, String sha256, List<Problem> refused) {
        int recorded = 0;
        for (int from = 0; from < planned.size(); from += BATCH) {
            List<Planned> batch = planned.subList(from, Math.min(planned.size(), from + BATCH));
            try {
                transaction.executeWithoutResult(status -> batch.forEach(p -> send(p, fileName, sha256)));
                recorded += batch.size();
            } catch (RuntimeException batchFailed) {
                for (Planned p : batch) {
                    try {
                        transaction.executeWithoutResult(status -> send(p, fileName, sha256));
                        recorded++;
                    } catch (RuntimeException e) {
                        refused.add(refusal(p.row(), e));
                    }
                }
            }
        }
        return recorded;
    }

    private void send(Planned p, String fileName, String sha256) {
        ImportedRow row = p.row();
        Integer closedThrough = closedYears.closedThrough(row.agencyCode(), row.receivedOn(), row.answeredOn());
        String trackingNo = trackingNumbers.next(row.agencyCode(), row.receivedOn().getYear());
        Map<String, Object> imported = Map.of(ImportMetadata.FILE, fileName == null ? "" : fileName,
                ImportMetadata.SHA256, sha256, ImportMetadata.ROW, row.number(), ImportMetadata.SOURCE_NO, row.sourceNo());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command(p.requestId(), row, trackingNo, closedThrough))
                .andMetaData(MetaData.from(imported)));
    }

    private static Problem refusal(ImportedRow row, RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ImportPolicy.Refused r) {
            return new Problem(row.number(), r.column().header(), r.getMessage());
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return new Problem(row.number(), ImportColumn.SOURCE_NO.header(), "该行正由另一次导入同时登记，请稍后重新导入以核对");
        }
        if (cause instanceof RuleViolation || cause instanceof CalendarNotLoadedException) {
            return new Problem(row.number(), null, cause.getMessage());
        }
        log.warn("import row {} failed", row.number(), e);
        return new Problem(row.number(), null, "该行未能登记（系统错误），请稍后重新导入");
    }

    private static ImportRequest command(UUID requestId, ImportedRow row, String trackingNo, Integer closedThrough) {
        LogRequest receipt = new LogRequest(requestId, trackingNo, row.agencyCode(), row.receivedOn(), row.channel(),
                row.applicant(), row.description(), closedThrough);
        SendCorrectionNotice notice = row.correctionNoticeOn() == null ? null
                : new SendCorrectionNotice(requestId, row.correctionNoticeOn(), row.correctionItems(), row.correctionDueOn());
        ReceiveCorrection correction = row.correctionReceivedOn() == null ? null
                : new ReceiveCorrection(requestId, row.correctionReceivedOn());
        ExtendDeadline extension = row.extensionDays() == null ? null
                : new ExtendDeadline(requestId, row.extensionApprovedOn(), row.extensionDays(), row.extensionReason(), null);
        AnswerRequest answer = row.answeredOn() == null ? null
                : new AnswerRequest(requestId, row.answeredOn(), row.outcome(), null, closedThrough);
        return new ImportRequest(requestId, receipt, notice, correction, extension, answer, closedThrough);
    }

    /** One request per agency and 受理编号, whichever file brings it. */
    static UUID requestId(ImportedRow row) {
        return UUID.nameUUIDFromBytes(("import:" + row.agencyCode() + ":" + row.sourceNo()).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
