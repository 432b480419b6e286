package dev.schemaguard.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostOriginPolicyTest {

    private final HostOriginPolicy defaults = new HostOriginPolicy(List.of(), List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "localhost:8765", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:8765", "LOCALHOST:80"
            })
    void loopbackHostsAreAccepted(String host) {
        assertThat(defaults.hostAllowed(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:8765",
                "localhost.evil.example",
                "127.0.0.1.nip.io",
                "0.0.0.0",
                " ",
                "[::2]:80"
            })
    void otherHostsAreRejected(String host) {
        assertThat(defaults.hostAllowed(host)).isFalse();
    }

    @Test
    void missingHostIsRejected() {
        assertThat(defaults.hostAllowed(null)).isFalse();
    }

    @Test
    void listedHostsAreAcceptedWithOrWithoutPort() {
        HostOriginPolicy policy = new HostOriginPolicy(List.of("mcp.example.com", "other.example:9000"), List.of());
        assertThat(policy.hostAllowed("mcp.example.com")).isTrue();
        assertThat(policy.hostAllowed("mcp.example.com:443")).isTrue();
        assertThat(policy.hostAllowed("other.example:9000")).isTrue();
        assertThat(policy.hostAllowed("other.example:9001")).isFalse();
    }

    @Test
    void originsAreLoopbackOrListed() {
        assertThat(defaults.originAllowed(null)).as("not a browser").isTrue();
        assertThat(defaults.originAllowed("http://localhost:6274")).isTrue();
        assertThat(defaults.originAllowed("https://127.0.0.1")).isTrue();
        assertThat(defaults.originAllowed("http://evil.example")).isFalse();
        assertThat(defaults.originAllowed("null")).isFalse();
        assertThat(defaults.originAllowed("file://localhost")).isFalse();
        HostOriginPolicy policy = new HostOriginPolicy(List.of(), List.of("https://console.example.com/"));
        assertThat(policy.originAllowed("https://console.example.com")).isTrue();
        assertThat(policy.originAllowed("https://console.example.com.evil")).isFalse();
    }
}
