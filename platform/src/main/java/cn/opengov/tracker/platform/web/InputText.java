package cn.opengov.tracker.platform.web;

/**
 * What text a client may send: any character of any plane, tab and line breaks included, but no other control
 * character (C0, DEL, C1) and no half of a surrogate pair. PostgreSQL cannot store a NUL in text at all, and the
 * rest is never typed by a person: refusing them at the door keeps every read model able to store what the
 * events hold.
 */
public final class InputText {

    private InputText() {
    }

    /** The index of the first character no text may hold, or -1 when all are allowed. */
    public static int firstForbidden(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isForbiddenControl(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isAllowed(CharSequence text) {
        return firstForbidden(text) < 0;
    }

    /** Why the text is refused, for the {@code errors} of a 400 answer; {@code null} when it is allowed. */
    public static String problem(CharSequence text) {
        int at = firstForbidden(text);
        if (at < 0) {
            return null;
        }
        char c = text.charAt(at);
        String code = String.format("U+%04X", (int) c);
        return Character.isSurrogate(c)
                ? "含有不成对的代理字符（" + code + "，第" + (at + 1) + "个字符）：不是有效的文字"
                : "含有不允许的控制字符（" + code + "，第" + (at + 1) + "个字符）：只允许制表符和换行";
    }

    /** The text with every forbidden character replaced by '?': safe to name in an answer, a log or a table. */
    public static String printable(String text) {
        if (text == null || isAllowed(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) || isForbiddenControl(c) ? '?' : c);
            }
        }
        return out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }
}
