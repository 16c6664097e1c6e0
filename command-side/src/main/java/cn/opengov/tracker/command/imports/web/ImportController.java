package cn.opengov.tracker.command.imports.web;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.imports.ImportSheet;
import cn.opengov.tracker.command.imports.RequestImport;
import cn.opengov.tracker.command.messaging.EventPositions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;

/**
 * {@code POST /api/imports?dryRun=} (API.md): multipart {@code file}, an .xlsx or .csv of past requests in the layout
 * the README documents; {@code agencyCode} optionally names the agency of rows without 机关代码. Supervisors and
 * administrators. The body limit of this path is {@code BodySizeLimitFilter}'s import limit, not the API's 64 KiB.
 */
@RestController
@RequestMapping("/api/imports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class ImportController {

    private final RequestImport imports;
    private final EventPositions positions;

    public ImportController(RequestImport imports, EventPositions positions) {
        this.imports = imports;
        this.positions = positions;
    }

    @PostMapping
    public ResponseEntity<RequestImport.Report> importFile(HttpServletRequest request,
                                                           @RequestParam(name = "dryRun", required = false) String dryRun,
                                                           @RequestParam(name = "agencyCode", required = false) String agencyCode) {
        boolean dry = dryRun(dryRun);
        MultipartFile file = file(request);
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw RuleViolation.ofField("file", Rule.INVALID_VALUE, "上传的文件未能完整收到，请重新上传");
        }
        RequestImport.Report report;
        try {
            report = imports.run(file.getOriginalFilename(), bytes, agencyCode, dry);
        } catch (ImportSheet.Unreadable e) {
            throw RuleViolation.ofField("file", Rule.INVALID_VALUE, e.getMessage());
        }
        return ResponseEntity.ok().header("X-Event-Position", String.valueOf(positions.latest())).body(report);
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw RuleViolation.ofField("dryRun", Rule.INVALID_VALUE, "dryRun 只能是 true 或 false");
        };
    }

    private static MultipartFile file(HttpServletRequest request) {
        MultipartFile file;
        try {
            file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        } catch (MaxUploadSizeExceededException e) {
            throw e;
        } catch (MultipartException e) {
            throw RuleViolation.ofField("file", Rule.INVALID_VALUE, "上传内容无法解析：请以 multipart/form-data 上传文件（字段名 file）");
        }
        if (file == null || file.isEmpty()) {
            throw RuleViolation.ofField("file", Rule.INVALID_VALUE, "请以 multipart/form-data 上传 .xlsx 或 .csv 文件（字段名 file）");
        }
        return file;
    }
}
