package cn.opengov.tracker.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** What both sides run the same way. Each side's application imports this. */
@Configuration
@ComponentScan
@PropertySource("classpath:tracker-platform.properties")
public class PlatformConfiguration {
}
