package cn.opengov.tracker.platform.web;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * What every request's address and headers must be before a handler reads them, checked once for all endpoints
 * (after the role check, so that a caller outside the endpoint's role is told so whatever they sent): no parameter
 * with a NUL or another control character ({@link InputText}), and no wildcard {@code Content-Type}, which names
 * no format a body could be read in.
 */
@Configuration(proxyBeanMethods = false)
public class RequestInputCheck implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        checkContentType(request.getHeader(HttpHeaders.CONTENT_TYPE));
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                checkParameter(parameter.getKey(), parameter.getKey());
                for (String value : parameter.getValue()) {
                    checkParameter(parameter.getKey(), value);
                }
            }
        }
        return true;
    }

    private static void checkParameter(String name, String text) {
        String problem = InputText.problem(text);
        if (problem != null) {
            throw RuleViolation.ofField(InputText.printable(name), Rule.INVALID_VALUE, "参数 " + InputText.printable(name) + " " + problem);
        }
    }

    private static void checkContentType(String header) throws HttpMediaTypeNotSupportedException {
        if (header == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content-Type 无效");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
        }
    }
}
