package cn.opengov.tracker.command.application.web;

import cn.opengov.tracker.platform.publicaccess.PublicThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * At most {@code tracker.public.applications-per-hour} online applications an hour from one address (20 by
 * default: an office's shared connection may send a few). Counted before the body is read, so a flood costs one
 * upsert a call and is refused with 429 and {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicationThrottle implements WebMvcConfigurer, HandlerInterceptor {

    private final PublicThrottle throttle;
    private final int perHour;

    public ApplicationThrottle(PublicThrottle throttle, @Value("${tracker.public.applications-per-hour:20}") int perHour) {
        this.throttle = throttle;
        this.perHour = perHour;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/public/applications");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod())) {
            throttle.hit("apply", request.getRemoteAddr(), perHour, Duration.ofHours(1));
        }
        return true;
    }
}
