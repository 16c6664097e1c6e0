package cn.opengov.tracker.command;

import cn.opengov.tracker.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The command side: every write goes through here (port 8081 by default). */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
