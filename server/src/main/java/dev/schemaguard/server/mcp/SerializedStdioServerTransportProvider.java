/*
 * Copyright 2024-2024 the original author or authors.
 * From the MCP Java SDK 2.0.0 (MIT License, https://github.com/modelcontextprotocol/java-sdk), class
 * io.modelcontextprotocol.server.transport.StdioServerTransportProvider; changed by schemaguard: see the class comment.
 */

package dev.schemaguard.server.mcp;

import dev.schemaguard.tools.RunningCalls;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.util.Assert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Implementation of the MCP Stdio transport provider for servers that communicates using
 * standard input/output streams. Messages are exchanged as newline-delimited JSON-RPC
 * messages over stdin/stdout, with errors and debug information sent to stderr.
 *
 * @author Christian Tzolov
 * <p>
 * schemaguard's copy differs in two places: a line that is not a JSON-RPC message gets a JSON-RPC error and the server
 * serves on (the SDK's ends the session); and {@code sendMessage} serialises concurrent sends (the SDK's version drops a
 * message with "Failed to enqueue message" when two threads send at once, e.g. a tool result and a resources
 * notification: java-sdk issue #304, unfixed in 2.0.x). Also: until the client's {@code notifications/initialized}, only
 * responses go out (notifications are held, one per method, and sent then, as the lifecycle asks), and a burst of
 * {@code …/list_changed} notices (the SDK sends one per resource added) is sent as one. Remove this class when the SDK
 * does both.
 */
public class SerializedStdioServerTransportProvider implements McpServerTransportProvider {

    /** The one session over stdio, as {@link RunningCalls} knows it. */
    static final String STDIO_SESSION = "stdio";

    /** schemaguard: sends a list_changed notice once a burst of changes has settled (daemon: never keeps the JVM up). */
    private static final java.util.concurrent.ScheduledExecutorService LIST_CHANGES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stdio-list-changes");
                t.setDaemon(true);
                return t;
            });

    private static final Logger logger = LoggerFactory.getLogger(SerializedStdioServerTransportProvider.class);

    private final McpJsonMapper jsonMapper;

    private final InputStream inputStream;

    private final OutputStream outputStream;

    private McpServerSession session;

    private final AtomicBoolean isClosing = new AtomicBoolean(false);

    private final Sinks.One<Void> inboundReady = Sinks.one();

    /**
     * Creates a new StdioServerTransportProvider with the specified ObjectMapper and
     * System streams.
     * @param jsonMapper The JsonMapper to use for JSON serialization/deserialization
     */
    public SerializedStdioServerTransportProvider(McpJsonMapper jsonMapper) {
        this(jsonMapper, System.in, System.out);
    }

    /**
     * Creates a new StdioServerTransportProvider with the specified ObjectMapper and
     * streams.
     * @param jsonMapper The JsonMapper to use for JSON serialization/deserialization
     * @param inputStream The input stream to read from
     * @param outputStream The output stream to write to
     */
    public SerializedStdioServerTransportProvider(
            McpJsonMapper jsonMapper, InputStream inputStream, OutputStream outputStream) {
        Assert.notNull(jsonMapper, "The JsonMapper can not be null");
        Assert.notNull(inputStream, "The InputStream can not be null");
        Assert.notNull(outputStream, "The OutputStream can not be null");

        this.jsonMapper = jsonMapper;
        this.inputStream = inputStream;
        this.outputStream = outputStream;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        // Create a single session for the stdio connection
        var transport = new StdioMcpSessionTransport();
        this.session = sessionFactory.create(transport);
        transport.initProcessing();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        if (this.session == null) {
            return Mono.error(new IllegalStateException("No session to notify"));
        }
        return this.session
                .sendNotification(method, params)
                .doOnError(e -> logger.error("Failed to send notification: {}", e.getMessage()));
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            if (this.session == null) {
                return Mono.error(new IllegalStateException("No session to notify"));
            }
            if (!this.session.getId().equals(sessionId)) {
                return Mono.error(new IllegalStateException("Existing session id " + this.session.getId()
                        + " doesn't match the notification target: " + sessionId));
            }
            return this.session.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        if (this.session == null) {
            return Mono.empty();
        }
        return this.session.closeGracefully();
    }

    /**
     * Implementation of McpServerTransport for the stdio session.
     */
    private class StdioMcpSessionTransport implements McpServerTransport {

        private final Sinks.Many<JSONRPCMessage> inboundSink;

        private final Sinks.Many<JSONRPCMessage> outboundSink;

        private final AtomicBoolean isStarted = new AtomicBoolean(false);

        /** Scheduler for handling inbound messages */
        private Scheduler inboundScheduler;

        /** Scheduler for handling outbound messages */
        private Scheduler outboundScheduler;

        private final Sinks.One<Void> outboundReady = Sinks.one();

        public StdioMcpSessionTransport() {

            this.inboundSink = Sinks.many().unicast().onBackpressureBuffer();
            this.outboundSink = Sinks.many().unicast().onBackpressureBuffer();

            // Use bounded schedulers for better resource management
            this.inboundScheduler =
                    Schedulers.fromExecutorService(Executors.newSingleThreadExecutor(), "stdio-inbound");
            this.outboundScheduler =
                    Schedulers.fromExecutorService(Executors.newSingleThreadExecutor(), "stdio-outbound");
        }

        /** schemaguard: the client has sent notifications/initialized; before it, the server sends nothing but responses. */
        private final AtomicBoolean clientInitialized = new AtomicBoolean(false);

        /** schemaguard: notifications held until initialized, one per method (a list change said once is said). */
        private final java.util.Map<String, JSONRPCMessage> held = new java.util.LinkedHashMap<>();

        /** schemaguard: list_changed methods waiting to be written: a burst of changes is one notification. */
        private final java.util.Set<String> listChangeQueued = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCNotification notification) {
                synchronized (held) {
                    if (!clientInitialized.get()) {
                        held.putIfAbsent(notification.method(), message);
                        return Mono.empty();
                    }
                }
                if (notification.method().endsWith("/list_changed")) {
                    // a burst of changes (the SDK notifies once per resource added) is said once, a moment after it
                    // began
                    if (listChangeQueued.add(notification.method())) {
                        LIST_CHANGES.schedule(
                                () -> enqueue(message).subscribe(), 250, java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                    return Mono.empty();
                }
            }
            return enqueue(message);
        }

        /** schemaguard: the client's notifications/initialized came in: what was held goes out, once per method. */
        private void initialized() {
            List<JSONRPCMessage> release;
            synchronized (held) {
                clientInitialized.set(true);
                release = new java.util.ArrayList<>(held.values());
                held.clear();
            }
            for (JSONRPCMessage message : release) {
                sendMessage(message).subscribe();
            }
        }

        private Mono<Void> enqueue(McpSchema.JSONRPCMessage message) {

            return Mono.zip(inboundReady.asMono(), outboundReady.asMono()).then(Mono.defer(() -> {
                try {
                    // schemaguard: emitNext with busy-looping instead of tryEmitNext, so that a response and a
                    // notification sent from two threads at once are serialised, not one of them dropped
                    outboundSink.emitNext(
                            message, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(2)));
                    return Mono.empty();
                } catch (Sinks.EmissionException e) {
                    return Mono.error(new RuntimeException("Failed to enqueue message", e));
                }
            }));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return jsonMapper.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> {
                isClosing.set(true);
                logger.debug("Session transport closing gracefully");
                inboundSink.tryEmitComplete();
            });
        }

        @Override
        public void close() {
            isClosing.set(true);
            logger.debug("Session transport closed");
        }

        private void initProcessing() {
            handleIncomingMessages();
            startInboundProcessing();
            startOutboundProcessing();
        }

        private void handleIncomingMessages() {
            // schemaguard: each request carries its id to the tool that answers it, so that it can be cancelled
            this.inboundSink
                    .asFlux()
                    .flatMap(message -> session.handle(message)
                            .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, callContext(message))))
                    .doOnTerminate(() -> {
                        // The outbound processing will dispose its scheduler upon completion
                        this.outboundSink.tryEmitComplete();
                        this.inboundScheduler.dispose();
                    })
                    .subscribe();
        }

        /**
         * Starts the inbound processing thread that reads JSON-RPC messages from stdin.
         * Messages are deserialized and passed to the session for handling.
         */
        private void startInboundProcessing() {
            if (isStarted.compareAndSet(false, true)) {
                this.inboundScheduler.schedule(() -> {
                    inboundReady.tryEmitValue(null);
                    BufferedReader reader = null;
                    try {
                        reader = new BufferedReader(new InputStreamReader(inputStream, StandardCharsets.UTF_8));
                        while (!isClosing.get()) {
                            try {
                                String line = reader.readLine();
                                if (line == null || isClosing.get()) {
                                    break;
                                }

                                logger.debug("Received JSON message: {}", line);

                                McpSchema.JSONRPCMessage message;
                                try {
                                    message = McpSchema.deserializeJsonRpcMessage(jsonMapper, line);
                                } catch (Exception e) {
                                    // schemaguard: a line that is not a JSON-RPC message is answered, and the server
                                    // serves on
                                    answerMalformed(line);
                                    continue;
                                }
                                if (message instanceof McpSchema.JSONRPCNotification n
                                        && RunningCalls.CANCELLED.equals(n.method())) {
                                    cancel(n.params()); // schemaguard: and still handed on, as the SDK expects
                                }
                                boolean initializedNotice = message instanceof McpSchema.JSONRPCNotification n
                                        && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method());
                                if (!this.inboundSink.tryEmitNext(message).isSuccess()) {
                                    // logIfNotClosing("Failed to enqueue message");
                                    break;
                                }
                                if (initializedNotice) {
                                    initialized();
                                }
                            } catch (IOException e) {
                                logIfNotClosing("Error reading from stdin", e);
                                break;
                            }
                        }
                    } catch (Exception e) {
                        logIfNotClosing("Error in inbound processing", e);
                    } finally {
                        RunningCalls.ofThisProcess()
                                .cancelAll(STDIO_SESSION, "the client closed the connection (stdin)");
                        isClosing.set(true);
                        if (session != null) {
                            session.close();
                        }
                        inboundSink.tryEmitComplete();
                    }
                });
            }
        }

        /**
         * Starts the outbound processing thread that writes JSON-RPC messages to stdout.
         * Messages are serialized to JSON and written with a newline delimiter.
         */
        private void startOutboundProcessing() {
            Function<Flux<JSONRPCMessage>, Flux<JSONRPCMessage>> outboundConsumer =
                    messages -> messages // @formatter:off
                            .doOnSubscribe(subscription -> outboundReady.tryEmitValue(null))
                            .publishOn(outboundScheduler)
                            .handle((message, sink) -> {
                                if (message != null && !isClosing.get()) {
                                    try {
                                        String jsonMessage = jsonMapper.writeValueAsString(message);
                                        // Escape any embedded newlines in the JSON message as per spec
                                        jsonMessage = jsonMessage
                                                .replace("\r\n", "\\n")
                                                .replace("\n", "\\n")
                                                .replace("\r", "\\n");

                                        if (message instanceof McpSchema.JSONRPCNotification notification) {
                                            listChangeQueued.remove(
                                                    notification.method()); // a change after this one is news again
                                        }
                                        synchronized (outputStream) {
                                            outputStream.write(jsonMessage.getBytes(StandardCharsets.UTF_8));
                                            outputStream.write("\n".getBytes(StandardCharsets.UTF_8));
                                            outputStream.flush();
                                        }
                                        sink.next(message);
                                    } catch (IOException e) {
                                        if (!isClosing.get()) {
                                            logger.error("Error writing message", e);
                                            sink.error(new RuntimeException(e));
                                        } else {
                                            logger.debug("Stream closed during shutdown", e);
                                        }
                                    }
                                } else if (isClosing.get()) {
                                    sink.complete();
                                }
                            })
                            .doOnComplete(() -> {
                                isClosing.set(true);
                                outboundScheduler.dispose();
                            })
                            .doOnError(e -> {
                                if (!isClosing.get()) {
                                    logger.error("Error in outbound processing", e);
                                    isClosing.set(true);
                                    outboundScheduler.dispose();
                                }
                            })
                            .map(msg -> (JSONRPCMessage) msg);

            outboundConsumer.apply(outboundSink.asFlux()).subscribe();
        } // @formatter:on

        /**
         * schemaguard: JSON-RPC's answer to a line it cannot take — -32700 when it is not JSON (or nests too deep to
         * read), -32600 when it is JSON but no request, notification or response (a batch, a missing method) — with the
         * request's id where one can be read, written straight to the wire.
         */
        private static McpTransportContext callContext(McpSchema.JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCRequest request && request.id() != null) {
                return McpTransportContext.create(Map.of(
                        RunningCalls.SESSION, STDIO_SESSION, RunningCalls.REQUEST_ID, String.valueOf(request.id())));
            }
            return McpTransportContext.create(Map.of(RunningCalls.SESSION, STDIO_SESSION));
        }

        /** notifications/cancelled: {@code requestId} and an optional {@code reason}. */
        private static void cancel(Object params) {
            if (params instanceof Map<?, ?> map && map.get("requestId") != null) {
                Object reason = map.get("reason");
                RunningCalls.ofThisProcess()
                        .cancel(
                                STDIO_SESSION,
                                String.valueOf(map.get("requestId")),
                                "the client cancelled the request"
                                        + (reason instanceof String r && !r.isBlank() ? " (" + r + ")" : ""));
            }
        }

        private void answerMalformed(String line) {
            int code = -32700;
            String text = "Parse error: the line is not JSON";
            Object id = null;
            try {
                Object parsed = jsonMapper.readValue(line, Object.class);
                code = -32600;
                if (parsed instanceof List<?>) {
                    text = "Invalid Request: JSON-RPC batches are not supported; send one message per line";
                } else if (parsed instanceof java.util.Map<?, ?> map) {
                    Object candidate = map.get("id");
                    id = candidate instanceof String || candidate instanceof Number ? candidate : null;
                    text = "Invalid Request: not a JSON-RPC 2.0 request, notification or response";
                } else {
                    text = "Invalid Request: a JSON-RPC message is an object";
                }
            } catch (Exception notJson) {
                // stays a parse error
            }
            logger.warn("answered a malformed line on stdin with JSON-RPC error {}", code);
            java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("code", code);
            error.put("message", text);
            java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("jsonrpc", "2.0");
            answer.put("id", id);
            answer.put("error", error);
            try {
                String json = jsonMapper.writeValueAsString(answer);
                synchronized (outputStream) {
                    outputStream.write(json.getBytes(StandardCharsets.UTF_8));
                    outputStream.write("\n".getBytes(StandardCharsets.UTF_8));
                    outputStream.flush();
                }
            } catch (IOException e) {
                logIfNotClosing("Error writing an error answer", e);
            }
        }

        private void logIfNotClosing(String message, Exception e) {
            if (!isClosing.get()) {
                logger.error(message, e);
            }
        }
    }
}
