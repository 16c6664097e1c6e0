package cn.opengov.tracker.command.directory;

import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Passwords;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Agencies and users: administrators only (SPEC §1). */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class DirectoryController {

    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final AgencyScope scope;

    public DirectoryController(AgencyDirectory agencies, UserDirectory users, AgencyScope scope) {
        this.agencies = agencies;
        this.users = users;
        this.scope = scope;
    }

    @PostMapping("/api/agencies")
    public ResponseEntity<AgencyCreated> createAgency(@Valid @RequestBody NewAgency body) {
        String parent = body.parentCode() == null || body.parentCode().isBlank() ? AgencyDirectory.TOP : body.parentCode();
        scope.requireWithin(parent);
        Agency agency = agencies.create(body.code(), body.name().strip(), parent, scope.currentUser().username());
        return ResponseEntity.created(URI.create("/api/agencies/" + agency.code()))
                .body(new AgencyCreated(agency.code(), agency.name(), agency.parentCode()));
    }

    @PostMapping("/api/users")
    public ResponseEntity<UserCreated> createUser(@Valid @RequestBody NewUser body) {
        scope.requireWithin(body.agencyCode());
        users.create(body.username(), body.password(), body.role(), body.agencyCode(), scope.currentUser().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(new UserCreated(body.username(), body.role(), body.agencyCode()));
    }

    public record AgencyCreated(String code, String name, String parentCode) {
    }

    public record UserCreated(String username, Role role, String agencyCode) {
    }

    public record NewAgency(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "机关代码由字母、数字、-、_ 组成，最长40位") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 40) String parentCode) {
    }

    public record NewUser(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,63}", message = "用户名由字母、数字、.、-、_ 组成，2至64位") String username,
            @Passwords.Settable String password,
            @NotNull Role role,
            @NotBlank @Size(max = 40) String agencyCode) {
    }
}
