package cn.opengov.tracker.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * API.md: authorization comes before validation — a caller outside an endpoint's role gets 403 whatever the body
 * holds. Method security alone checks {@code @PreAuthorize} when the controller method is called, which is after
 * Spring MVC has read and validated its arguments (a STAFF user's {@code {"password":"p"}} to {@code /api/users}
 * got 400). So the same annotation is evaluated here first, before any argument is read, for every endpoint at
 * once; path variables are available to the expression ({@code #username}), the body is not. Method security
 * still checks it again at the call.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationBeforeValidation implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    public AuthorizationBeforeValidation(ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        preAuthorize.setExpressionHandler(expressions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        SimpleMethodInvocation call = new SimpleMethodInvocation(method.getBean(), method.getMethod(), pathArguments(method, request));
        AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContextHolderStrategy().getContext()::getAuthentication, call);
        if (result != null && !result.isGranted()) {
            boolean systemWide = AnnotatedElementUtils.hasAnnotation(method.getMethod(), SystemAdministration.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), SystemAdministration.class);
            throw new AccessDeniedException(systemWide ? SystemAdministration.DENIED : "Access Denied");
        }
        return true;
    }

    /** The call's arguments as far as they are known before reading the request: its path variables. */
    private static Object[] pathArguments(HandlerMethod method, HttpServletRequest request) {
        Object[] args = new Object[method.getMethodParameters().length];
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return args;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path != null && parameter.getParameterType() == String.class) {
                String name = !path.name().isEmpty() ? path.name() : !path.value().isEmpty() ? path.value() : parameter.getParameterName();
                args[parameter.getParameterIndex()] = variables.get(name);
            }
        }
        return args;
    }
}
