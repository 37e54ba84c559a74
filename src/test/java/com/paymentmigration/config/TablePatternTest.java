package com.paymentmigration.config;

import com.paymentmigration.config.MigrationConfig.TablePattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DMS's selection language as the rehearsal, the drain marker and the stand-ins all read it. */
class TablePatternTest {

    @Test
    void percentIsAnyRunAndEveryOtherCharacterIsItself() {
        assertThat(TablePattern.like("pay%").matcher("payments").matches()).isTrue();
        assertThat(TablePattern.like("%").matcher("").matches()).isTrue();
        assertThat(TablePattern.like("payments.%").matcher("payments.a.b").matches()).isTrue();
        assertThat(TablePattern.like("pay_ments").matcher("payXments").matches()).as("_ is not a wildcard").isFalse();
        assertThat(TablePattern.like("pay_ments").matcher("pay_ments").matches()).isTrue();
        assertThat(TablePattern.like("a.b").matcher("aXb").matches()).as(". is not a regex wildcard").isFalse();
        assertThat(TablePattern.like("t(1)+").matcher("t(1)+").matches()).isTrue();
        assertThat(TablePattern.like("payments").matcher("payments_old").matches()).as("the whole name").isFalse();
    }
}
