package dev.safestream.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1/32", "10.0.0.0/8", "::1/128"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(addresses.resolve("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        assertThat(addresses.resolve("127.0.0.1", List.of("1.2.3.4, 198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("127.0.0.1", List.of("1.2.3.4, 198.51.100.7, 10.1.2.3")))
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("127.0.0.1", List.of("1.2.3.4", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalk() {
        assertThat(addresses.resolve("127.0.0.1", List.of("198.51.100.7, evil.example")))
                .isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6AndPrefixesMatch() {
        ClientAddresses v6 = new ClientAddresses(List.of("2001:db8::/32", "192.168.0.0/23"));
        assertThat(v6.isTrusted("2001:db8:1::5")).isTrue();
        assertThat(v6.isTrusted("2001:db9::5")).isFalse();
        assertThat(v6.isTrusted("192.168.1.200")).isTrue();
        assertThat(v6.isTrusted("192.168.2.1")).isFalse();
        assertThat(addresses.resolve("0:0:0:0:0:0:0:1", List.of("[2001:db8::9]")))
                .isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    void namesAreNeverResolved() {
        assertThat(Networks.literal("localhost")).isNull();
        assertThat(Networks.literal("example.com")).isNull();
    }

    @Test
    void aBadEntryFailsAtStartWithItsName() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .hasMessageContaining("TRUSTED_PROXIES")
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
    }
}
