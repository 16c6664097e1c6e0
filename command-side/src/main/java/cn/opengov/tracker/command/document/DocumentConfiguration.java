package cn.opengov.tracker.command.document;

import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.command.document.render.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices' renderer. {@code tracker.documents.fonts}: the font files to try, first found wins ("path" or
 * "path#name" inside a .ttc); {@code tracker.documents.renderers}: how many PDFs may be rendered at once (each
 * holds its own parsed copy of the font).
 */
@Configuration(proxyBeanMethods = false)
public class DocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

    @Bean
    public NoticeRenderer noticeRenderer(@Value("${tracker.documents.fonts:" + PdfWriter.DEFAULT_FONTS + "}") String fonts,
                                         @Value("${tracker.documents.renderers:2}") int renderers) {
        PdfWriter pdf = new PdfWriter(fonts, Math.max(1, renderers));
        pdf.fontFile().ifPresentOrElse(f -> log.info("written notices: PDF font {}", f),
                () -> log.warn("written notices: none of the fonts {} is installed; PDFs cannot be rendered "
                        + "until one is (apt-get install fonts-arphic-uming)", fonts));
        return new NoticeRenderer(pdf);
    }
}
