package dev.schemaguard.server.e2e;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bare HTTP/1.1 request over a socket, for headers the JDK's client will not send (a forged Host). */
final class RawHttp {

    private RawHttp() {}

    static HttpResponse<String> post(URI uri, String host, String origin, String body) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append("POST ")
                    .append(uri.getPath())
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(host)
                    .append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json, text/event-stream\r\n")
                    .append("Content-Length: ")
                    .append(payload.length)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            if (origin != null) {
                head.append("Origin: ").append(origin).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            String responseBody = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
            return new Response(status, responseBody, uri);
        }
    }

    private record Response(int statusCode, String body, URI uri) implements HttpResponse<String> {
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        public HttpHeaders headers() {
            return HttpHeaders.of(Map.<String, List<String>>of(), (a, b) -> true);
        }

        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
