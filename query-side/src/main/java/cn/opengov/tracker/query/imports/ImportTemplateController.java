package cn.opengov.tracker.query.imports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** The bulk import's template, for anyone logged in (the import itself is the command side's POST /api/imports). */
@RestController
@RequestMapping("/api/imports")
public class ImportTemplateController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/template.xlsx")
    public ResponseEntity<byte[]> xlsx() {
        return download(ImportTemplate.xlsx(), XLSX, "申请导入模板.xlsx");
    }

    @GetMapping("/template.csv")
    public ResponseEntity<byte[]> csv() {
        return download(ImportTemplate.csv(), new MediaType("text", "csv", StandardCharsets.UTF_8), "申请导入模板.csv");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
