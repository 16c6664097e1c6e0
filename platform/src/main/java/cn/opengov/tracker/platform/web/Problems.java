package cn.opengov.tracker.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.List;

/** Builds the problem+json answers (RFC 9457) of API.md: status, title, detail and, for bad input, errors. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status.value()));
        return problem;
    }

    public static ProblemDetail withErrors(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ResponseEntity<Object> entity(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求内容有误";
            case 401 -> "需要登录";
            case 403 -> "无权进行此操作";
            case 404 -> "找不到";
            case 405 -> "不支持此请求方法";
            case 406 -> "无法提供所要求的格式";
            case 409 -> "与当前状态冲突";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持此内容类型";
            case 428 -> "需要先完成验证";
            case 429 -> "尝试过于频繁";
            case 431 -> "请求头过大";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
        };
    }

    /** One input at fault: {@code field} is the JSON path or parameter name. */
    public record FieldError(String field, String message) {
    }
}
