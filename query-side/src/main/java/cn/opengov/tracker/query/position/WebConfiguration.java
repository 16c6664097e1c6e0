package cn.opengov.tracker.query.position;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final MinPositionInterceptor minPosition;

    public WebConfiguration(MinPositionInterceptor minPosition) {
        this.minPosition = minPosition;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(minPosition).addPathPatterns("/api/**", "/requests/**", "/board", "/reports/**", "/reports");
    }
}
