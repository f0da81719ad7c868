package dev.safestream.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ConsoleArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safestream.console");

    @Test
    void viewModelsUseNoControls() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .because("view models are tested without a scene; only views touch controls")
                .check(CLASSES);
    }

    @Test
    void onlyTheUiExecutorHopsOntoTheFxThread() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.safestream.console.ui.FxUiExecutor")
                .should()
                .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("one place moves work onto the FX thread, so threading stays reviewable")
                .check(CLASSES);
    }

    @Test
    void theNetworkLayerKnowsNothingOfTheUi() {
        noClasses()
                .that()
                .resideInAPackage("..console.net..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "dev.safestream.console.app..", "dev.safestream.console.ui..")
                .because("the ServerClient calls back on its own threads; callers hop onto the FX thread")
                .check(CLASSES);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.safestream.console.(*)..")
                .should()
                .beFreeOfCycles()
                .because("app is the composition root: it may use every feature, no feature may use it or form a loop")
                .check(CLASSES);
    }

    @Test
    void sharedUiHelpersUseNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("..console.ui..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.safestream.console.ui..", "java..", "javafx..")
                .because("console.ui is the bottom layer every feature package may share")
                .check(CLASSES);
    }

    @Test
    void theConsoleNeverUsesServerClasses() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.safestream.server..", "dev.safestream.models..")
                .because("the console talks to the server over the wire, through shared-protocol only")
                .check(CLASSES);
    }

    @Test
    void thirdPartyLibrariesStayInTheirAdapters() {
        noClasses()
                .that()
                .haveNameNotMatching("dev\\.safestream\\.console\\.webcam\\.SarxosCameraSource(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.github.sarxos..")
                .because("webcam-capture sits behind CameraSource so tests can fake cameras")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("..console.charts..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jfree..")
                .because("JFreeChart is a detail of the charts view")
                .check(CLASSES);
    }
}
