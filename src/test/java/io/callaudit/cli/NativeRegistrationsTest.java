package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.model.WireEnum;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule or wire enum added without its native registration fails here, not in a native binary. */
class NativeRegistrationsTest {

    private final List<Class<?>> registered = Arrays.asList(
            NativeRegistrations.class.getAnnotation(RegisterForReflection.class).targets());

    @Test
    void should_register_every_rule_class_for_its_spec() {
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            assertThat(registered).as(rule.id()).contains(rule.rule().getClass());
        }
    }

    @Test
    void should_register_every_wire_enum() {
        for (Class<?> type : registered) {
            if (type.isEnum()) {
                assertThat(WireEnum.class.isAssignableFrom(type)
                                || type.getSimpleName().equals("Outcome"))
                        .as(type.getName())
                        .isTrue();
            }
        }
        assertThat(registered)
                .contains(
                        io.callaudit.model.CallStatus.class,
                        io.callaudit.rules.Severity.class,
                        io.callaudit.ingest.InputFormat.class,
                        io.callaudit.report.ReportFormat.class);
    }
}
