package dev.schemaguard.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The MCP transport (Spring AI 2.0's WebMvc Streamable HTTP) answers some errors — an unknown session, a missing
 * session id — by serialising the whole exception, stack trace included. This filter buffers only error responses
 * (status 400 and above) and rewrites them as a plain JSON-RPC error with the same status, code and message, so that
 * nothing of the server's insides reaches a client. Successful responses, SSE streams among them, pass unbuffered.
 */
public final class TransportErrorFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TransportErrorFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorBuffering wrapped = new ErrorBuffering(response);
        chain.doFilter(request, wrapped);
        if (wrapped.buffer == null) {
            return;
        }
        int code = -32600;
        String message = "Request failed with HTTP status " + response.getStatus();
        try {
            JsonNode body = JSON.readTree(wrapped.buffer.toByteArray());
            JsonNode error = body.has("jsonRpcError") ? body.get("jsonRpcError") : body.get("error");
            if (error != null && error.has("message")) {
                code = error.path("code").asInt(code);
                message = error.get("message").asString();
            }
        } catch (RuntimeException notJson) {
            // keep the generic message
        }
        LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), response.getStatus(), message);
        var error = JSON.createObjectNode().put("code", code).put("message", message);
        var clean = JSON.writeValueAsBytes(
                JSON.createObjectNode().put("jsonrpc", "2.0").putNull("id").set("error", error));
        response.setContentType("application/json");
        response.setContentLength(clean.length);
        response.getOutputStream().write(clean);
        response.flushBuffer();
    }

    /** Hands out the real stream unless the status is already an error when the body is first written. */
    private static final class ErrorBuffering extends HttpServletResponseWrapper {

        private ByteArrayOutputStream buffer;
        private ServletOutputStream bufferStream;
        private PrintWriter bufferWriter;

        ErrorBuffering(HttpServletResponse response) {
            super(response);
        }

        private boolean error() {
            return getStatus() >= 400;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (bufferStream == null && !error()) {
                return super.getOutputStream();
            }
            if (bufferStream == null) {
                buffer = new ByteArrayOutputStream();
                bufferStream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("error bodies are buffered");
                    }
                };
            }
            return bufferStream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (bufferWriter == null && !error()) {
                return super.getWriter();
            }
            if (bufferWriter == null) {
                bufferWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            }
            return bufferWriter;
        }

        @Override
        public void setContentLength(int len) {
            if (!error()) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!error()) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (bufferStream == null) {
                super.flushBuffer();
            } else if (bufferWriter != null) {
                bufferWriter.flush();
            }
        }
    }
}
