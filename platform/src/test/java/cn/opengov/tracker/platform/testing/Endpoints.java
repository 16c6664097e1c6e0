package cn.opengov.tracker.platform.testing;

import cn.opengov.tracker.platform.security.SystemAdministration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint of a running side that names the roles allowed to call it ({@code @PreAuthorize}, on the method
 * or its controller, {@link SystemAdministration} included), with a concrete path to call: the tests walk them
 * all, so that an endpoint added later is checked without anyone listing it.
 */
public final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private Endpoints() {
    }

    public static List<Guarded> guarded(RequestMappingHandlerMapping mapping) {
        List<Guarded> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule == null) {
                continue;
            }
            boolean systemWide = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SystemAdministration.class)
                    || (AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class) == null
                    && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SystemAdministration.class));
            RequestMappingInfo info = e.getKey();
            String method = info.getMethodsCondition().getMethods().stream().findFirst().map(RequestMethod::name).orElse("GET");
            for (String pattern : info.getPatternValues()) {
                found.add(new Guarded(method, concrete(pattern), rule.value(), systemWide));
            }
        }
        return found;
    }

    /** The pattern with a plausible value for each variable: a year, a UUID, some other user's name. */
    static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "year" -> "2025";
                case "username" -> "someone-else";
                case "code" -> "ROOT";
                default -> UUID.randomUUID().toString();
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One endpoint with a role check: how to call it and what the check says. */
    public record Guarded(String method, String path, String rule, boolean systemWide) {
        @Override
        public String toString() {
            return method + " " + path + " (" + rule + ")";
        }
    }
}
