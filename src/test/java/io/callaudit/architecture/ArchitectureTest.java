package io.callaudit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries, enforced rather than reviewed: the rules and the engine stay pure Java so the
 * CLI and the Lambda are two thin faces over the same checklist.
 */
class ArchitectureTest {

    private static final String[] PURE = {"io.callaudit.model..", "io.callaudit.rules..", "io.callaudit.engine.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.callaudit");
    }

    @Test
    void should_keep_rules_model_and_engine_free_of_frameworks_and_io() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(PURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax..",
                        "com.fasterxml..",
                        "software.amazon..",
                        "com.amazonaws..",
                        "picocli..",
                        "org.yaml..",
                        "org.apache.commons.csv..",
                        "com.google.i18n..",
                        "java.nio.file..",
                        "java.net..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(
                        java.io.File.class,
                        java.io.FileInputStream.class,
                        java.io.FileOutputStream.class,
                        java.io.FileReader.class,
                        java.io.FileWriter.class);
        rule.check(classes);
    }

    @Test
    void should_keep_pure_packages_independent_of_the_faces_and_adapters() {
        noClasses()
                .that()
                .resideInAnyPackage(PURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.callaudit.ingest..",
                        "io.callaudit.profile..",
                        "io.callaudit.report..",
                        "io.callaudit.audit..",
                        "io.callaudit.cli..",
                        "io.callaudit.lambda..")
                .check(classes);
    }

    @Test
    void should_let_nothing_but_the_faces_depend_on_the_faces() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.callaudit.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.callaudit.cli..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("io.callaudit.lambda..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.callaudit.lambda..")
                .check(classes);
    }

    @Test
    void should_keep_adapters_independent_of_each_other() {
        noClasses()
                .that()
                .resideInAnyPackage("io.callaudit.ingest..", "io.callaudit.profile..", "io.callaudit.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.callaudit.audit..")
                .check(classes);
    }

    @Test
    void should_call_system_exit_only_from_main() {
        noClasses()
                .that()
                .doNotHaveSimpleName("Main")
                .should()
                .callMethod(System.class, "exit", int.class)
                .check(classes);
    }

    @Test
    void should_not_write_to_system_out_or_err_in_commands() {
        noClasses()
                .that()
                .resideInAPackage("io.callaudit.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void should_give_every_rule_class_its_spec() {
        classes()
                .that()
                .implement(io.callaudit.rules.Rule.class)
                .and()
                .areNotInterfaces()
                .should()
                .beAnnotatedWith(io.callaudit.rules.RuleSpec.class)
                .andShould()
                .haveModifier(JavaModifier.FINAL)
                .check(classes);
    }
}
