package cn.opengov.tracker.command.document.wording;

import cn.opengov.tracker.api.document.DocumentKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one notice, by placeholder: what a template is filled with. Each value is a list of paragraphs
 * (most have one); a missing value prints as nothing.
 */
public final class NoticeContent {

    private final DocumentKind kind;
    private final Map<Placeholder, List<String>> values = new EnumMap<>(Placeholder.class);

    public NoticeContent(DocumentKind kind) {
        this.kind = kind;
    }

    public DocumentKind kind() {
        return kind;
    }

    public NoticeContent put(Placeholder p, String value) {
        if (value != null && !value.isBlank()) {
            values.put(p, List.of(value));
        }
        return this;
    }

    public NoticeContent put(Placeholder p, List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        paragraphs.stream().filter(s -> s != null && !s.isBlank()).forEach(kept::add);
        if (!kept.isEmpty()) {
            values.put(p, List.copyOf(kept));
        }
        return this;
    }

    /** The paragraphs of a placeholder, empty when it has no value. */
    public List<String> paragraphs(Placeholder p) {
        return values.getOrDefault(p, Collections.emptyList());
    }

    /** A placeholder's value as one line (paragraphs joined by line breaks). */
    public String text(Placeholder p) {
        return String.join("\n", paragraphs(p));
    }
}
