package com.paymentmigration.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    @Test
    void parsesAndPrints() {
        var cidr = Cidr.parse("10.20.0.0/16");
        assertThat(cidr.toString()).isEqualTo("10.20.0.0/16");
        assertThat(cidr.size()).isEqualTo(65_536);
        assertThat(Cidr.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(Cidr.parse("192.168.1.7/32").lastAddress()).isEqualTo(Cidr.parse("192.168.1.7/32").network());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.1/16      | host bits set; did you mean 10.0.0.0/16?",
            "10.0.0.0         | is not an IPv4 CIDR block",
            "10.0.0.0/33      | prefix length above 32",
            "256.0.0.0/8      | octet above 255",
            "ten.0.0.0/8      | is not an IPv4 CIDR block",
    })
    void rejectsMalformedBlocksWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/16, 10.0.255.0/24, true",
            "10.0.0.0/16, 10.1.0.0/16, false",
            "10.0.0.0/8, 10.200.0.0/16, true",
            "192.168.0.0/24, 192.168.0.255/32, true",
            "192.168.0.0/24, 192.168.1.0/32, false",
    })
    void overlapIsSymmetric(String a, String b, boolean overlaps) {
        assertThat(Cidr.parse(a).overlaps(Cidr.parse(b))).isEqualTo(overlaps);
        assertThat(Cidr.parse(b).overlaps(Cidr.parse(a))).isEqualTo(overlaps);
    }

    @Test
    void cutsSubnetsInOrderAndRefusesOutOfRange() {
        var vpc = Cidr.parse("10.20.0.0/16");
        assertThat(vpc.subnet(20, 0)).hasToString("10.20.0.0/20");
        assertThat(vpc.subnet(20, 15)).hasToString("10.20.240.0/20");
        assertThat(vpc.contains(vpc.subnet(28, 4095))).isTrue();
        assertThatThrownBy(() -> vpc.subnet(20, 16)).hasMessageContaining("holds 16 /20 blocks");
        assertThatThrownBy(() -> vpc.subnet(8, 0)).hasMessageContaining("cannot cut /8 blocks");
    }

    @Test
    void knowsPrivateSpace() {
        assertThat(Cidr.parse("172.16.0.0/16").isPrivate()).isTrue();
        assertThat(Cidr.parse("172.32.0.0/16").isPrivate()).isFalse();
        assertThat(Cidr.parse("203.0.113.0/24").isPrivate()).isFalse();
    }
}
