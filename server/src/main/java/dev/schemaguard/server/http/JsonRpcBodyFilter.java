package dev.schemaguard.server.http;

import dev.schemaguard.tools.RunningCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Answers the bodies the MCP transport should never see, with the status and JSON-RPC error the specification gives
 * and without a stack trace: over the size limit (413), not JSON (400, -32700), a batch (400, -32600: batching was
 * removed from MCP in 2025-06-18), or not a JSON-RPC object (400, -32600). Everything else passes on unchanged, with
 * what cancels tool calls noted on the way: a request's id and {@code notifications/cancelled}.
 */
public final class JsonRpcBodyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcBodyFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String endpoint;
    private final int maxBytes;

    public JsonRpcBodyFilter(String endpoint, int maxBytes) {
        this.endpoint = endpoint;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !endpoint.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(
                    request,
                    response,
                    413,
                    -32600,
                    "Request body of " + declared + " bytes exceeds the limit of " + maxBytes
                            + " bytes (server.max-request-bytes)");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            reject(
                    request,
                    response,
                    413,
                    -32600,
                    "Request body exceeds the limit of " + maxBytes + " bytes (server.max-request-bytes)");
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            reject(request, response, 400, -32700, "Parse error: the body is not valid JSON" + where);
            return;
        }
        if (message == null || message.isMissingNode()) {
            reject(request, response, 400, -32700, "Parse error: the body is empty");
            return;
        }
        if (message.isArray()) {
            reject(
                    request,
                    response,
                    400,
                    -32600,
                    "JSON-RPC batches are not supported (removed from MCP in 2025-06-18); send one message per request");
            return;
        }
        if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asString(null))) {
            reject(
                    request,
                    response,
                    400,
                    -32600,
                    "Invalid request: expected a JSON-RPC 2.0 object with jsonrpc set to 2.0");
            return;
        }
        noteCall(request, message);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * A request's id travels to the tool that answers it (request attribute, then the MCP transport context); a
     * {@code notifications/cancelled} is noted for {@link CallCancellationFilter}, which acts on it once the session is
     * known to be the caller's.
     */
    private static void noteCall(HttpServletRequest request, JsonNode message) {
        JsonNode id = message.get("id");
        if (id != null && !id.isNull() && message.has("method")) {
            request.setAttribute(RunningCalls.REQUEST_ID, id.isString() ? id.asString() : id.toString());
        }
        if (RunningCalls.CANCELLED.equals(message.path("method").asString(null))) {
            JsonNode requestId = message.path("params").path("requestId");
            if (!requestId.isMissingNode() && !requestId.isNull()) {
                request.setAttribute(
                        CallCancellationFilter.CANCELS,
                        requestId.isString() ? requestId.asString() : requestId.toString());
                request.setAttribute(
                        CallCancellationFilter.REASON,
                        message.path("params").path("reason").asString(""));
            }
        }
    }

    private static void reject(
            HttpServletRequest request, HttpServletResponse response, int status, int code, String message)
            throws IOException {
        LOG.warn(
                "rejected {} {} from {}: {} ({})",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                status,
                message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter()
                .write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\"" + escaped
                        + "\"}}");
    }

    /** The request with its body already read, for the transport to read again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
