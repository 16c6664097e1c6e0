package cn.opengov.tracker.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own refusals, made before any servlet runs (an invalid request line, raw UTF-8 or an encoded slash or
 * NUL in the address, headers past the size limit), answered as problem+json like every other refusal
 * instead of Tomcat's HTML page. Replaces the host's {@link ErrorReportValve}; never shows a stack trace or the
 * server's version.
 */
public class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    static String json(int status) {
        return "{\"type\":\"about:blank\",\"title\":\"" + Problems.title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\"}";
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "请求格式不正确（请求行、地址、参数或请求头无效），未作任何记录";
            case 405 -> "不支持此请求方法";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 431 -> "请求头过大";
            default -> Problems.title(status);
        };
    }
}
