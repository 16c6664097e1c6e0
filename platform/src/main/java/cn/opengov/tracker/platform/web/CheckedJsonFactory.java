package cn.opengov.tracker.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The JSON reader of every request body: each key and string value is checked as it is read ({@link InputText}),
 * and a key given twice in one object is refused, so that no body of any shape — records, {@code JsonNode}, maps —
 * can carry a NUL, a control character or a lone surrogate past the door, and the field at fault is named.
 */
public class CheckedJsonFactory extends JsonFactory {

    public CheckedJsonFactory() {
        super();
    }

    private CheckedJsonFactory(CheckedJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new CheckedJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
        return new CheckedParser(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(input, ctxt));
    }

    /** A body refused while it was read: the JSON path of the field at fault and why. */
    public static class RefusedField extends JsonParseException {
        private final String field;
        private final String reason;

        RefusedField(JsonParser parser, String field, String reason) {
            super(parser, field + "：" + reason);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return reason;
        }
    }

    /** Checks every token the data binding pulls; {@code nextValue} and {@code skipChildren} go through it too. */
    static final class CheckedParser extends JsonParserDelegate {
        private final Deque<Set<String>> keys = new ArrayDeque<>();

        CheckedParser(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken token = currentToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken next = nextToken();
                if (next == null) {
                    return this;
                }
                if (next.isStructStart()) {
                    open++;
                } else if (next.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == null) {
                return null;
            }
            switch (token) {
                case START_OBJECT -> keys.push(new HashSet<>());
                case END_OBJECT -> keys.poll();
                case FIELD_NAME -> {
                    String key = delegate.currentName();
                    check(key);
                    Set<String> seen = keys.peek();
                    if (seen != null && !seen.add(key)) {
                        throw new RefusedField(this, path(), "同一对象中此字段出现了两次");
                    }
                }
                case VALUE_STRING -> check(delegate.getText());
                default -> {
                }
            }
            return token;
        }

        private void check(String text) throws RefusedField {
            String problem = InputText.problem(text);
            if (problem != null) {
                throw new RefusedField(this, path(), problem);
            }
        }

        /** The JSON path of the current token, written as the validation errors write it: {@code a.b[0].c}. */
        private String path() {
            StringBuilder out = new StringBuilder();
            for (JsonStreamContext c = delegate.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject()) {
                    String name = c.getCurrentName() == null ? "" : InputText.printable(c.getCurrentName());
                    out.insert(0, name).insert(0, '.');
                } else if (c.inArray()) {
                    out.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
                }
            }
            String path = !out.isEmpty() && out.charAt(0) == '.' ? out.substring(1) : out.toString();
            return path.isEmpty() ? "body" : path;
        }
    }
}
