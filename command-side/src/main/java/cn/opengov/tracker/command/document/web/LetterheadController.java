package cn.opengov.tracker.command.document.web;

import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.platform.directory.Letterheads;
import cn.opengov.tracker.platform.security.AgencyScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/agencies/{code}/letterhead} (API.md): what an agency's notices print; administrators only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class LetterheadController {

    private final Letterheads letterheads;
    private final AgencyScope scope;

    public LetterheadController(Letterheads letterheads, AgencyScope scope) {
        this.letterheads = letterheads;
        this.scope = scope;
    }

    /** {@code feePayment}: how a fee is paid, printed on 收费通知书 (an addition to API.md). */
    public record LetterheadBody(@NotBlank @Size(max = 200) String fullName,
                                 @NotBlank @Size(max = 40) @Pattern(regexp = "[^\\s〔〕\\[\\]]+",
                                         message = "发文字号前缀不能含空格或六角括号，如 中宁科信公") String docPrefix,
                                 @Size(max = 300) String address,
                                 @Size(max = 60) String phone,
                                 @NotBlank @Size(max = 200) String reconsiderationBody,
                                 @NotBlank @Size(max = 200) String court,
                                 @Size(max = 500) String feePayment) {
    }

    @PutMapping("/api/agencies/{code}/letterhead")
    public Letterhead put(@PathVariable String code, @Valid @RequestBody LetterheadBody body) {
        scope.requireWithin(code);
        Letterhead letterhead = new Letterhead(code, body.fullName().strip(), body.docPrefix().strip(), strip(body.address()),
                strip(body.phone()), body.reconsiderationBody().strip(), body.court().strip(), strip(body.feePayment()));
        letterheads.save(letterhead, scope.currentUser().username());
        return letterhead;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
