package com.paymentmigration.rehearsal.data;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's side of the contract, without a database: how it reads the flags, and what it refuses. */
class WriterContractTest {

    @Test
    void theFlagsAreReadAgainOnlyOnceTheCachedValueIsAsOldAsTheMaximumAge() {
        var reads = new AtomicInteger();
        var clock = new AtomicLong();
        var cache = new FlagCache(() -> {
            reads.incrementAndGet();
            return WriterFlags.of("onprem", "off");
        }, Duration.ofSeconds(5), clock::get);

        cache.current();
        clock.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        cache.current();
        assertThat(reads).hasValue(1);
        clock.incrementAndGet();
        cache.current();
        assertThat(reads).hasValue(2);
    }

    @Test
    void flagValuesNoWriterUnderstandsAreRefusedWithTheParameterNamed() {
        assertThatThrownBy(() -> WriterFlags.of("rds", "off"))
                .hasMessageContaining("database/active-writer").hasMessageContaining("'rds'");
        assertThatThrownBy(() -> WriterFlags.of("aurora", "true"))
                .hasMessageContaining("database/write-freeze").hasMessageContaining("'true'");
    }

    @Test
    void everyValueOfASubscriptionConnectionStringIsQuotedSoAPasswordCannotAddAKeyword() {
        var endpoint = new Endpoint("db.example", 5432, "pay ments", "migrator", "x' sslmode='disable\\");
        assertThat(endpoint.conninfo()).isEqualTo("host='db.example' port=5432 dbname='pay ments'"
                + " user='migrator' password='x\\' sslmode=\\'disable\\\\'");
    }

    @Test
    void aReplicationOrSlotNameMustBeAPlainIdentifier() {
        var endpoint = new Endpoint("localhost", 5432, "db", "postgres", null);
        assertThatThrownBy(() -> new LogicalReplication("forward; DROP TABLE x", endpoint, endpoint))
                .hasMessageContaining("not a plain PostgreSQL identifier");
    }
}
