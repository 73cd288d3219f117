package dev.connect.oauth.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.connect.oauth.adapter.archfixture.AdapterUsingTestkit;
import dev.connect.oauth.domain.archfixture.DomainClassUsingFramework;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rings of the hexagon, checked on the compiled main classes of every module: bootstrap is
 * the one module that sees them all (adapter-memory and the published application-testkit included,
 * as test dependencies). Generated code is left out of the scan: jOOQ's classes, and
 * the factories Dagger writes beside the services it wires (they belong to this module). ArchUnit's
 * {@code failOnEmptyShould} stays on, so a rule that matches no class fails instead of passing.
 */
class ArchitectureTest {
    private static final String[] FRAMEWORKS = {
        "io.vertx..", "io.netty..", "org.jooq..", "java.sql..", "javax.sql..", "com.zaxxer..",
        "org.flywaydb..", "com.fasterxml.jackson..", "com.nimbusds..", "dagger..", "org.slf4j..",
        "org.apache.logging..", "ch.qos.logback..", "java.util.logging..", "java.lang.System$Logger",
        "org.bouncycastle..", "io.micrometer..", "io.prometheus..", "io.opentelemetry.."
    };

    static final ArchRule DOMAIN_DEPENDS_ON_JAVA_ONLY = noClasses()
            .that().resideInAPackage("dev.connect.oauth.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.connect.oauth.domain..", "java..");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_JAKARTA_INJECT_ONLY = noClasses()
            .that().resideInAPackage("dev.connect.oauth.application..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "dev.connect.oauth.application..", "dev.connect.oauth.domain..", "java..", "jakarta.inject..");

    static final ArchRule CORE_TOUCHES_NO_FRAMEWORK = noClasses()
            .that().resideInAnyPackage("dev.connect.oauth.domain..", "dev.connect.oauth.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    static final ArchRule RINGS_POINT_INWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("dev.connect.oauth.domain..")
            .layer("application").definedBy("dev.connect.oauth.application..")
            .layer("adapters").definedBy("dev.connect.oauth.adapter..")
            .layer("bootstrap").definedBy("dev.connect.oauth.bootstrap..")
            .layer("testkit").definedBy("dev.connect.oauth.testkit..")
            .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("bootstrap")
            .whereLayer("application").mayOnlyBeAccessedByLayers("adapters", "bootstrap", "testkit")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "bootstrap", "testkit");

    /** The published contract suite is tests over the core: JUnit and AssertJ, never an adapter's framework. */
    static final ArchRule TESTKIT_DEPENDS_ON_CORE_AND_TEST_LIBRARIES_ONLY = noClasses()
            .that().resideInAPackage("dev.connect.oauth.testkit..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.connect.oauth.testkit..",
                    "dev.connect.oauth.application..", "dev.connect.oauth.domain..", "java..", "org.junit..",
                    "org.assertj..");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("dev.connect.oauth.adapter.(*)..")
            .should().notDependOnEachOther();

    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.connect.oauth.(**)")
            .should().beFreeOfCycles();

    static final ArchRule ONLY_BOOTSTRAP_USES_DAGGER = noClasses()
            .that().resideOutsideOfPackage("dev.connect.oauth.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dagger..");

    private static final Pattern DAGGER_GENERATED = Pattern.compile(".*_(Factory|MembersInjector)\\.class");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/adapter/persistence/jooq/"))
                .withImportOption(location -> !location.matches(DAGGER_GENERATED))
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.connect.oauth");
    }

    @Test
    void domainDependsOnJavaOnly() {
        DOMAIN_DEPENDS_ON_JAVA_ONLY.check(production);
    }

    @Test
    void applicationDependsOnDomainJavaAndJakartaInjectOnly() {
        APPLICATION_DEPENDS_ON_DOMAIN_AND_JAKARTA_INJECT_ONLY.check(production);
    }

    @Test
    void coreTouchesNoFramework() {
        CORE_TOUCHES_NO_FRAMEWORK.check(production);
    }

    @Test
    void ringsPointInward() {
        RINGS_POINT_INWARD.check(production);
    }

    @Test
    void testkitDependsOnCoreAndTestLibrariesOnly() {
        TESTKIT_DEPENDS_ON_CORE_AND_TEST_LIBRARIES_ONLY.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
    }

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void onlyBootstrapUsesDagger() {
        ONLY_BOOTSTRAP_USES_DAGGER.check(production);
    }

    @Test
    void whenDomainClassUsesFrameworkThenRulesFail() {
        JavaClasses offending = new ClassFileImporter().importClasses(DomainClassUsingFramework.class);

        assertThatThrownBy(() -> DOMAIN_DEPENDS_ON_JAVA_ONLY.check(offending)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CORE_TOUCHES_NO_FRAMEWORK.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.vertx");
    }

    @Test
    void whenAdapterUsesTestkitThenRingsFail() {
        JavaClasses offending = new ClassFileImporter()
                .importClasses(AdapterUsingTestkit.class, MutableClock.class, Clock.class);

        assertThatThrownBy(() -> RINGS_POINT_INWARD.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MutableClock");
    }
}
