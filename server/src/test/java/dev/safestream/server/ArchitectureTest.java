package dev.safestream.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safestream.server");

    @Test
    void onlyTransportTouchesWebSockets() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..transport..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.websocket..", "org.glassfish.tyrus..")
                .because("the WebSocket library is an adapter detail; the chat core sees only ChatConnection")
                .check(SERVER);
    }

    @Test
    void onlyTransportTouchesJaxRs() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..transport.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..")
                .because("REST is one adapter over the services, not where rules live")
                .check(SERVER);
    }

    @Test
    void onlyPersistenceTouchesJdbc() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "com.zaxxer.hikari..",
                        "org.flywaydb..",
                        "org.h2..",
                        "org.postgresql..")
                .because("storage is behind repository interfaces owned by the features")
                .check(SERVER);
    }

    @Test
    void onlyTheRedisAdapterTouchesRedis() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..cluster.redis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.lettuce..", "io.netty..", "reactor..")
                .because("cluster mode's engine is an adapter; the chat core sees only ChannelBus and MessageIds")
                .check(SERVER);
    }

    @Test
    void onlyTheOnnxAdapterTouchesOnnxRuntime() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..moderation.onnx..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.onnxruntime..")
                .allowEmptyShould(true)
                .because("model inference hides behind ToxicityClassifier")
                .check(SERVER);
    }

    @Test
    void featuresDoNotDependOnAdaptersOrWiring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.safestream.server.chat..",
                        "dev.safestream.server.moderation..",
                        "dev.safestream.server.gifts..",
                        "dev.safestream.server.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.safestream.server.transport..",
                        "dev.safestream.server.persistence..",
                        "dev.safestream.server.app..",
                        "dev.safestream.server.simulate..")
                .because("dependencies point inward: adapters and wiring depend on features, never the reverse")
                .check(SERVER);
    }

    @Test
    void theSimulatedAudienceIsAClientThatKnowsOnlyTheProtocol() {
        noClasses()
                .that()
                .resideInAPackage("..simulate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.safestream.server.chat..",
                        "dev.safestream.server.auth..",
                        "dev.safestream.server.gifts..",
                        "dev.safestream.server.moderation..",
                        "dev.safestream.server.persistence..",
                        "dev.safestream.server.transport..",
                        "dev.safestream.server.app..")
                .because("bots talk to a server over HTTP and WebSockets like any viewer, so they run against any"
                        + " server, in-process or remote")
                .check(SERVER);
    }

    @Test
    void persistenceDoesNotDependOnTransport() {
        noClasses()
                .that()
                .resideInAPackage("..persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..transport..", "..app..")
                .because("persistence implements feature repositories and knows nothing of HTTP or WebSockets")
                .check(SERVER);
    }

    @Test
    void moderationSettingsAreValuesThatDependOnTheJdkAndJacksonAnnotationsOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "com.fasterxml.jackson.annotation..", "dev.safestream.protocol.settings..")
                .because("settings are validated values shared by the rules, the policy, storage, the REST API and the"
                        + " console (shared-protocol's enforcer keeps the module on Jackson; this keeps them plainer)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // shared-protocol's test-jar (its fixtures) is on this class path too
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("dev.safestream.protocol.settings"));
    }

    @Test
    void moderationRulesDoNotDependOnTheModelOrThePolicy() {
        noClasses()
                .that()
                .resideInAPackage("..moderation.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.safestream.server.moderation")
                .because("rules run before and beside the model; the policy composes them, not the reverse")
                .check(SERVER);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.safestream.server.(**)")
                .should()
                .beFreeOfCycles()
                .because("packages, sub-packages included, form a layered graph: chat uses the moderation workflow,"
                        + " which uses fan-out, which uses neither")
                .check(SERVER);
    }

    @Test
    void noThreeClassesDependOnEachOtherInACircle() {
        assertThat(ClassCycles.of(SERVER).stream().filter(cycle -> cycle.size() >= 3))
                .as("class cycles of three or more (a pair that knows each other is allowed: an owner and its"
                        + " helper); break one with an interface owned by the lower class")
                .isEmpty();
    }

    @Test
    void theFanOutKnowsNothingOfChatOrItsModeration() {
        noClasses()
                .that()
                .resideInAPackage("dev.safestream.server.fanout..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.safestream.server.chat..", "dev.safestream.server.moderation.workflow..")
                .because("channels and the bus deliver whatever events they are given; the pipeline and the"
                        + " moderators' workflow decide what those are")
                .check(SERVER);
    }

    @Test
    void theModerationWorkflowDoesNotReachBackIntoThePipeline() {
        noClasses()
                .that()
                .resideInAPackage("dev.safestream.server.moderation.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.safestream.server.chat..")
                .because("the pipeline hands its decisions to the workflow (review, auto-timeouts, labels); the"
                        + " workflow acts on channels and sanctions, never on the pipeline that called it")
                .check(SERVER);
    }

    @Test
    void supervisionAndLimitsAreLeavesEveryoneMayUse() {
        noClasses()
                .that()
                .resideInAnyPackage("..workers..", "..limits..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..chat..",
                        "..moderation..",
                        "..gifts..",
                        "..auth..",
                        "..transport..",
                        "..persistence..",
                        "..app..")
                .because("features and adapters all supervise workers and count limits; these packages know none of"
                        + " them")
                .check(SERVER);
    }
}
