package com.paymentmigration.stack;

import com.paymentmigration.StackOutputs;
import com.paymentmigration.network.Tier;
import com.paymentmigration.network.VpcRole;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every output the stack exports is named in StackOutputs, and every name there is exported (the dev stack has all). */
class StackOutputsTest {

    @Test
    void everyExportedOutputIsNamedInStackOutputs() {
        var named = new TreeSet<>(constants());
        for (var vpc : VpcRole.values()) {
            named.add(StackOutputs.vpcId(vpc));
            Arrays.stream(Tier.values()).map(tier -> StackOutputs.subnetIds(vpc, tier)).forEach(named::add);
        }

        assertThat(StackFixture.dev().outputs().keySet()).isSubsetOf(named);
    }

    @Test
    void everyNamedOutputIsExportedByTheDevStack() {
        var exported = StackFixture.dev().outputs().keySet();

        assertThat(exported).containsAll(constants());
        for (var vpc : VpcRole.values()) {
            assertThat(exported).contains(StackOutputs.vpcId(vpc), StackOutputs.subnetIds(vpc, Tier.PRIVATE));
        }
    }

    private static Set<String> constants() {
        var names = new TreeSet<String>();
        for (Field field : StackOutputs.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(30);
        return names;
    }
}
