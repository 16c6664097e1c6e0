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
import cn.opengov.tracker.command.messaging.CommandMessagingConfiguration;
import cn.opengov.tracker.command.request.ClosedYears;
import cn.opengov.tracker.command.request.LegalCalendar;
import cn.opengov.tracker.command.request.numbering.TrackingNumbers;
import cn.opengov.tracker.command.request.policy.ImportPolicy;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Bulk import of past requests (issue 16, API.md {@code POST /api/imports}). Every row is read, checked for the
 * user's agency scope and decided by {@link ImportPolicy} — the rules a clerk's steps meet — before anything is
 * recorded; a dry run stops there. The import then records each accepted row as one {@link ImportRequest} whose
 * events carry the file's name, SHA-256 and row number ({@link ImportMetadata}).
 * <p>
 * Idempotent: a row's request id is derived from its agency and 受理编号, so the same file (or another holding the
 * same rows) imported again records nothing new: such rows are counted as {@code alreadyImported}. Rows are
 * recorded in transactions of {@link #BATCH} rows by {@link #WORKERS} workers; a batch that fails (a race with a
 * clerk or a year close) is recorded again row by row, so one row's refusal never takes its neighbours with it.
 */
@Service
public class RequestImport {

    private static final Logger log = LoggerFactory.getLogger(RequestImport.class);
    static final int BATCH = 200;
    static final int WORKERS = 4;

    private final CommandGateway commands;
    private final RequestIndex index;
    private final TrackingNumbers trackingNumbers;
    private final AgencyScope scope;
    private final ClosedYears closedYears;
    private final LegalCalendar calendar;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public RequestImport(CommandGateway commands, RequestIndex index, TrackingNumbers trackingNumbers, AgencyScope scope,
                         ClosedYears closedYears, LegalCalendar calendar, PlatformTransactionManager transactions,
                         JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<ImportedRow> readRows = new ArrayList<>();
        Map<String, String> agencyRefused = new HashMap<>();
        for (ImportSheet.SheetRow sheetRow : sheet.rows()) {
            ImportedRow.Reading reading = ImportedRow.read(sheetRow, agencyOfRows);
            if (!reading.problems().isEmpty()) {
                refused.addAll(reading.problems());
                continue;
            }
            ImportedRow row = reading.row();
            String agencyProblem = agencyRefused.computeIfAbsent(row.agencyCode(), code -> {
                try {
                    scope.requireWithin(code);
                    return "";
                } catch (AccessDeniedException | RuleViolation e) {
                    return e.getMessage();
                }
            });
            if (!agencyProblem.isEmpty()) {
                refused.add(new Problem(row.number(), ImportColumn.AGENCY.header(), agencyProblem));
                continue;
            }
            readRows.add(row);
        }
        Set<UUID> existing = existing(readRows.stream().map(RequestImport::requestId).toList());
        Map<String, Integer> closedThroughOf = new HashMap<>();
        for (ImportedRow row : readRows) {
            UUID requestId = requestId(row);
            Integer first = firstRowOf.putIfAbsent(requestId, row.number());
            if (first != null) {
                refused.add(new Problem(row.number(), ImportColumn.SOURCE_NO.header(),
                        "受理编号“" + row.sourceNo() + "”与第" + first + "行重复：同一机关的受理编号不能重复"));
                continue;
            }
            if (existing.contains(requestId)) {
                alreadyImported++;
                continue;
            }
            Integer closedThrough = closedThroughOf.computeIfAbsent(row.agencyCode(),
                    code -> index.closedThrough(code).orElse(-1));
            closedThrough = closedThrough < 0 ? null : closedThrough;
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
            accepted = record(planned, fileName, sha256, scope.currentUser().username(), refused);
            log.info("import of {} rows: {} recorded, {} refused, {} imported before", sheet.rows().size(), accepted,
                    refused.size(), alreadyImported);
        }
        refused.sort(Comparator.comparingInt(Problem::row));
        return new Report(sheet.rows().size(), accepted, refused, alreadyImported, dryRun, fileName, sha256);
    }

    private record Planned(UUID requestId, ImportedRow row) {
    }

    /** Requests of these ids recorded already (by an earlier import, or a race). */
    private Set<UUID> existing(List<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            UUID[] chunk = ids.subList(from, Math.min(ids.size(), from + 1000)).toArray(UUID[]::new);
            found.addAll(jdbc.queryForList("SELECT request_id FROM request_index WHERE request_id = ANY(?)", UUID.class,
                    (Object) chunk));
        }
        return found;
    }

    /**
     * Records the planned rows in batches, {@link #WORKERS} at a time. A batch locks its agencies' tracking-number
     * rows in one order (agency, year), so two batches never wait on each other in a circle.
     */
    private int record(List<Planned> planned, String fileName, String sha256, String user, List<Problem> refused) {
        List<List<Planned>> batches = new ArrayList<>();
        for (int from = 0; from < planned.size(); from += BATCH) {
            batches.add(planned.subList(from, Math.min(planned.size(), from + BATCH)));
        }
        AtomicInteger recorded = new AtomicInteger();
        List<Problem> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Planned> batch : batches) {
                done.add(workers.submit(() -> recordBatch(batch, fileName, sha256, user, recorded, failures)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdown();
        }
        refused.addAll(failures);
        return recorded.get();
    }

    private void recordBatch(List<Planned> batch, String fileName, String sha256, String user,
                             AtomicInteger recorded, List<Problem> failures) {
        try {
            transaction.executeWithoutResult(status -> send(batch, fileName, sha256, user));
            recorded.addAndGet(batch.size());
        } catch (RuntimeException batchFailed) {
            for (Planned p : batch) {
                try {
                    transaction.executeWithoutResult(status -> send(List.of(p), fileName, sha256, user));
                    recorded.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(refusal(p.row(), e));
                }
            }
        }
    }

    /** In the caller's transaction: the agencies' closed years, a block of tracking numbers each, one command a row. */
    private void send(List<Planned> batch, String fileName, String sha256, String user) {
        Map<String, Integer> closedThrough = new HashMap<>();
        TreeMap<String, TreeMap<Integer, List<Planned>>> byAgencyAndYear = new TreeMap<>();
        for (Planned p : batch) {
            byAgencyAndYear.computeIfAbsent(p.row().agencyCode(), a -> new TreeMap<>())
                    .computeIfAbsent(p.row().receivedOn().getYear(), y -> new ArrayList<>()).add(p);
        }
        Map<Planned, String> trackingNo = new HashMap<>();
        byAgencyAndYear.forEach((agency, years) -> {
            LocalDate[] dates = years.values().stream().flatMap(List::stream)
                    .flatMap(p -> Stream.of(p.row().receivedOn(), p.row().answeredOn()))
                    .filter(Objects::nonNull).toArray(LocalDate[]::new);
            closedThrough.put(agency, closedYears.closedThrough(agency, dates));
            years.forEach((year, rows) -> {
                List<String> numbers = trackingNumbers.next(agency, year, rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    trackingNo.put(rows.get(i), numbers.get(i));
                }
            });
        });
        // one unit of work around the batch's commands: each command's own is nested in it, so the events of the
        // whole batch are appended (and the lookups fed) when it commits — one batch of inserts, not one per row
        UnitOfWork<?> batchWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (Planned p : batch) {
                ImportedRow row = p.row();
                MetaData imported = MetaData.with(ImportMetadata.FILE, fileName == null ? "" : fileName)
                        .and(ImportMetadata.SHA256, sha256).and(ImportMetadata.ROW, row.number())
                        .and(ImportMetadata.SOURCE_NO, row.sourceNo()).and(CommandMessagingConfiguration.RECORDED_BY, user);
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                command(p.requestId(), row, trackingNo.get(p), closedThrough.get(row.agencyCode())))
                        .andMetaData(imported));
            }
            batchWork.commit();
        } catch (RuntimeException e) {
            if (batchWork.isActive()) {
                batchWork.rollback(e);
            }
            throw e;
        }
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
