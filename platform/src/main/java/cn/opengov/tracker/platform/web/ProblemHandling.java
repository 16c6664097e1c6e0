package cn.opengov.tracker.platform.web;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every answer that is not a success is problem+json (API.md): 400 for bad input with the fields at fault,
 * 403/404/409/413 as the contract says, and never a stack trace, SQL or a 500 for anything a client sent.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<Object> ruleViolation(RuleViolation e) {
        HttpStatus status = HttpStatus.valueOf(e.rule().status());
        ProblemDetail problem = e.field() == null ? Problems.of(status, e.getMessage())
                : Problems.withErrors(status, e.getMessage(), List.of(new Problems.FieldError(e.field(), e.getMessage())));
        problem.setProperty("code", e.rule().name());
        return Problems.entity(problem);
    }

    @ExceptionHandler(CalendarNotLoadedException.class)
    public ResponseEntity<Object> calendarNotLoaded(CalendarNotLoadedException e) {
        return ruleViolation(new RuleViolation(Rule.CALENDAR_NOT_LOADED, e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        String detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "您的角色无权进行此操作" : e.getMessage();
        return Problems.entity(Problems.of(HttpStatus.FORBIDDEN, detail));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<Object> concurrency(ConcurrencyException e) {
        return ruleViolation(new RuleViolation(Rule.CONCURRENT_CHANGE));
    }

    /** Two creations raced for one id: the second is refused, nothing recorded twice. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<Object> creationRace(AggregateStreamCreationException e) {
        return ruleViolation(new RuleViolation(Rule.CONCURRENT_CHANGE));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return ruleViolation(new RuleViolation(Rule.REQUEST_NOT_FOUND, e.getAggregateIdentifier()));
    }

    /** A command handled on another node comes back wrapped; answer as if it ran here. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> commandExecution(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation v) {
            return ruleViolation(v);
        }
        if (cause instanceof ConcurrencyException c) {
            return concurrency(c);
        }
        if (cause instanceof AggregateStreamCreationException a) {
            return creationRace(a);
        }
        return unexpected(e);
    }

    /**
     * A lock not granted in time (the query side's lock_timeout while a rebuild rewrites the tables) or a deadlock
     * lost: nothing was read or recorded, and the same call shortly after will succeed.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    public ResponseEntity<Object> busy(PessimisticLockingFailureException e) {
        log.info("lock not granted, answered 503: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "数据正忙（例如正在重建统计数据），未作任何记录；请稍后重试"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.warn("integrity violation answered 409", e);
        return Problems.entity(Problems.of(HttpStatus.CONFLICT, "与已有数据冲突，未作任何记录，请刷新后重试"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        boolean pathId = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                && e.getRequiredType() == UUID.class;
        if (pathId) {
            return Problems.entity(Problems.of(HttpStatus.NOT_FOUND, "找不到编号为 " + e.getValue() + " 的记录"));
        }
        String message = describeExpected(e.getRequiredType(), String.valueOf(e.getValue()));
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.getName(), message));
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, e.getName() + "：" + message, errors));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error answered 500", e);
        return Problems.entity(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，未作任何记录；请稍后重试或联系管理员"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage())).toList();
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.getParameterName(), "必须提供"));
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName(), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
            return Problems.entity(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.tooLarge()));
        }
        CheckedJsonFactory.RefusedField refused = causeOf(e, CheckedJsonFactory.RefusedField.class);
        if (refused != null) {
            return badField(refused.field(), refused.reason());
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return badField(path(u), "不认识的字段");
        }
        if (cause instanceof InvalidFormatException f) {
            return badField(path(f), describeExpected(f.getTargetType(), String.valueOf(f.getValue())));
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null && !m.getPath().isEmpty()) {
            return badField(path(m), describeExpected(m.getTargetType(), null));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return badField(path(m), "取值不正确");
        }
        String detail = cause instanceof JsonProcessingException ? "请求体不是合法的 JSON" : "缺少请求体或请求体无法读取";
        return Problems.entity(Problems.of(HttpStatus.BAD_REQUEST, detail));
    }

    /** The built-in MVC answers (404, 405, 415 …), with our titles and content type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detail = switch (status) {
            case NOT_FOUND -> "找不到所请求的地址";
            case METHOD_NOT_ALLOWED -> "此地址不支持该请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "请以 application/json 发送请求体";
            case NOT_ACCEPTABLE -> "无法以所要求的格式回答";
            default -> Problems.title(status.value());
        };
        if (status.is5xxServerError()) {
            log.error("MVC error answered {}", status, e);
        }
        ResponseEntity<Object> entity = Problems.entity(Problems.of(status, detail));
        return ResponseEntity.status(status).headers(h -> {
            h.addAll(headers);
            h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        }).body(entity.getBody());
    }

    private ResponseEntity<Object> badField(String field, String message) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(field, message));
        return Problems.entity(Problems.withErrors(HttpStatus.BAD_REQUEST, field + "：" + message, errors));
    }

    private static String describeExpected(Class<?> type, String value) {
        if (type != null && type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return (value == null ? "" : "“" + value + "”不是可选的取值；") + "可选：" + allowed;
        }
        if (type == LocalDate.class) {
            return "应为 yyyy-MM-dd 格式的有效日期" + (value == null ? "" : "，收到“" + value + "”");
        }
        if (type == UUID.class) {
            return "应为 UUID 格式的编号";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "应为整数";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "应为 true 或 false";
        }
        if (type == java.math.BigDecimal.class) {
            return "应为数字";
        }
        if (type == String.class) {
            return "应为文字";
        }
        return "类型不正确";
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return causeOf(e, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
