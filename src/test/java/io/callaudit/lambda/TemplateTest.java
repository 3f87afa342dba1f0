package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callaudit.engine.Summary;
import io.smallrye.config.WithDefault;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * infra/template.yaml against what the code assumes: the handler and runtimes, the environment variables
 * {@link FunctionConfig} reads, prefixes that cannot overlap, the notification filter, the role's S3
 * resources, the failure destination and the alarms on the metrics {@link MetricsLine} emits. The template
 * uses long-form intrinsics, so plain SnakeYAML reads it.
 */
class TemplateTest {

    static final Path TEMPLATE = Path.of("infra/template.yaml");
    static final String FUNCTION = "CallauditFunction";

    static Map<String, Object> template;
    static Map<String, Object> function;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(TEMPLATE, StandardCharsets.UTF_8)) {
            template = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
        function = map(map(map(template.get("Resources")).get(FUNCTION)).get("Properties"));
    }

    @Test
    void should_run_the_quarkus_handler_on_java_and_bootstrap_on_provided_al2023_arm64() throws IOException {
        assertThat(function.get("Runtime")).isEqualTo(Map.of("Fn::If", List.of("Native", "provided.al2023", "java21")));
        assertThat(function.get("Handler"))
                .isEqualTo(Map.of(
                        "Fn::If",
                        List.of(
                                "Native",
                                "bootstrap",
                                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")));
        assertThat(function.get("Architectures")).isEqualTo(List.of("arm64"));
        assertThat(function.get("CodeUri")).isEqualTo("../target/function.zip");
        // The Quarkus handler dispatches to the bean quarkus.lambda.handler names.
        Properties lambda = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of("src/main/resources-lambda/META-INF/microprofile-config.properties"))) {
            lambda.load(in);
        }
        assertThat(lambda.getProperty("quarkus.lambda.handler"))
                .isEqualTo(S3AuditHandler.class.getAnnotation(Named.class).value());
    }

    @Test
    void should_set_exactly_the_environment_variables_the_config_mapping_reads() {
        Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
        Set<String> expected = new TreeSet<>();
        for (Method m : FunctionConfig.class.getDeclaredMethods()) {
            expected.add(envName("callaudit.lambda." + kebab(m.getName())));
        }
        Set<String> set = new TreeSet<>();
        for (String name : variables.keySet()) {
            if (name.startsWith("CALLAUDIT_")) {
                set.add(name);
            }
        }
        assertThat(set).isEqualTo(expected);
        assertThat(expected)
                .contains(
                        "CALLAUDIT_LAMBDA_INPUT_PREFIX",
                        "CALLAUDIT_LAMBDA_OUTPUT_PREFIX",
                        "CALLAUDIT_LAMBDA_PROFILE_KEY");
        assertThat(variables.get("CALLAUDIT_LAMBDA_INPUT_PREFIX")).isEqualTo(Map.of("Ref", "InputPrefix"));
        assertThat(variables.get("CALLAUDIT_LAMBDA_OUTPUT_PREFIX")).isEqualTo(Map.of("Ref", "OutputPrefix"));
        assertThat(variables.get("CALLAUDIT_LAMBDA_PROFILE_KEY")).isEqualTo(Map.of("Ref", "ProfileKey"));
        assertThat(variables.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
    }

    @Test
    void should_default_to_the_code_defaults_and_forbid_overlapping_prefixes() throws NoSuchMethodException {
        Map<String, Object> parameters = map(template.get("Parameters"));
        String input = (String) map(parameters.get("InputPrefix")).get("Default");
        String output = (String) map(parameters.get("OutputPrefix")).get("Default");
        assertThat(input)
                .isEqualTo(FunctionConfig.class
                        .getMethod("inputPrefix")
                        .getAnnotation(WithDefault.class)
                        .value());
        assertThat(output)
                .isEqualTo(FunctionConfig.class
                        .getMethod("outputPrefix")
                        .getAnnotation(WithDefault.class)
                        .value());
        new Prefixes(input, output);
        // One top-level folder each, and a rule that they differ: two such prefixes can never overlap.
        for (String p : List.of("InputPrefix", "OutputPrefix")) {
            String pattern = (String) map(parameters.get(p)).get("AllowedPattern");
            assertThat("incoming/").matches(pattern);
            assertThat("incoming/reports/").doesNotMatch(pattern);
            assertThat("").doesNotMatch(pattern);
            assertThat("incoming").doesNotMatch(pattern);
        }
        Map<String, Object> rule = map(map(template.get("Rules")).get("PrefixesDiffer"));
        assertThat(rule.toString())
                .contains("Fn::Not")
                .contains("Fn::Equals")
                .contains("Ref=InputPrefix")
                .contains("Ref=OutputPrefix");
    }

    @Test
    void should_trigger_on_object_creation_under_the_input_prefix_only() {
        Map<String, Object> events = map(function.get("Events"));
        Set<String> suffixes = new TreeSet<>();
        for (Object e : events.values()) {
            Map<String, Object> event = map(e);
            assertThat(event.get("Type")).isEqualTo("S3");
            Map<String, Object> properties = map(event.get("Properties"));
            assertThat(properties.get("Bucket")).isEqualTo(Map.of("Ref", "CallsBucket"));
            assertThat(properties.get("Events")).isEqualTo("s3:ObjectCreated:*");
            List<Object> rules =
                    list(map(map(properties.get("Filter")).get("S3Key")).get("Rules"));
            assertThat(rules).contains(Map.of("Name", "prefix", "Value", Map.of("Ref", "InputPrefix")));
            for (Object r : rules) {
                if (map(r).get("Name").equals("suffix")) {
                    suffixes.add((String) map(r).get("Value"));
                }
            }
        }
        assertThat(suffixes).containsExactlyInAnyOrder(".json", ".ndjson", ".csv", ".gz");
        assertThat(ProfileLocator.FILE_NAME).doesNotEndWith(".json").doesNotEndWith(".gz");
    }

    @Test
    void should_grant_s3_access_to_the_input_prefix_the_profile_and_the_output_prefix_only() {
        String bucket = "arn:${AWS::Partition}:s3:::${BucketName}";
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(function.get("Policies"))) {
            for (Object s : list(map(policy).get("Statement"))) {
                Map<String, Object> statement = map(s);
                if (statement.containsKey("Fn::If")) {
                    statement = map(list(statement.get("Fn::If")).get(1));
                }
                statements.add(statement);
            }
        }
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            List<Object> actions = list(statement.get("Action"));
            String resource = (String) map(statement.get("Resource")).get("Fn::Sub");
            assertThat(actions)
                    .allSatisfy(a -> assertThat((String) a).startsWith("s3:").doesNotContain("*"));
            if (actions.contains("s3:GetObject")) {
                assertThat(actions).isSubsetOf("s3:GetObject", "s3:GetObjectVersion");
                assertThat(resource).isIn(bucket + "/${InputPrefix}*", bucket + "/${ProfileKey}");
            } else if (actions.contains("s3:PutObject")) {
                assertThat(actions).isSubsetOf("s3:PutObject", "s3:AbortMultipartUpload");
                assertThat(resource).isEqualTo(bucket + "/${OutputPrefix}*");
            } else {
                assertThat(actions).containsExactly("s3:ListBucket");
                assertThat(resource).isEqualTo(bucket);
                assertThat(statement.get("Condition").toString())
                        .contains("s3:prefix")
                        .contains("${InputPrefix}*")
                        .doesNotContain("OutputPrefix");
            }
        }
        assertThat(statements)
                .extracting(s -> map(s.get("Resource")).get("Fn::Sub"))
                .contains(bucket + "/${InputPrefix}*", bucket + "/${ProfileKey}", bucket + "/${OutputPrefix}*");
    }

    @Test
    void should_send_failed_invocations_to_an_sqs_queue() {
        Map<String, Object> onFailure =
                map(map(map(function.get("EventInvokeConfig")).get("DestinationConfig"))
                        .get("OnFailure"));
        assertThat(onFailure.get("Type")).isEqualTo("SQS");
        assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));
        assertThat(map(map(template.get("Resources")).get("FailureQueue")).get("Type"))
                .isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void should_alarm_on_errors_and_on_unexplained_gaps_from_the_emf_metrics() {
        Map<String, Object> resources = map(template.get("Resources"));
        Map<String, Object> errors = map(map(resources.get("ErrorsAlarm")).get("Properties"));
        assertThat(errors.get("Namespace")).isEqualTo("AWS/Lambda");
        assertThat(errors.get("MetricName")).isEqualTo("Errors");
        assertThat(errors.get("Dimensions"))
                .isEqualTo(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", FUNCTION))));
        Map<String, Object> gaps = map(map(resources.get("UnexplainedGapAlarm")).get("Properties"));
        assertThat(gaps.get("Namespace")).isEqualTo(MetricsLine.NAMESPACE);
        assertThat(MetricsLine.metrics(
                        new Summary(0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0, null), 0))
                .containsKey((String) gaps.get("MetricName"));
        assertThat(gaps.get("Dimensions"))
                .isEqualTo(List.of(Map.of("Name", MetricsLine.DIMENSION, "Value", Map.of("Ref", FUNCTION))));
    }

    /** cfn-lint (which applies the SAM transform) where it is installed; skipped elsewhere. */
    @Test
    void should_pass_cfn_lint_where_it_is_installed() throws IOException, InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder("cfn-lint", "--version")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            probe = null;
        }
        assumeTrue(
                probe != null && probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "cfn-lint is not installed");
        Process lint = new ProcessBuilder("cfn-lint", TEMPLATE.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(out).isZero();
    }

    /** {@code inputPrefix} to {@code input-prefix}, as SmallRye names a mapping's properties. */
    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A property name as an environment variable (MicroProfile Config's rule). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }
}
