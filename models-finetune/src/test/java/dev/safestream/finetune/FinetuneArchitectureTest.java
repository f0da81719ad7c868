package dev.safestream.finetune;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class FinetuneArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safestream");

    /** DJL and libtorch are a build-time tool: serving and the models module must never need them. */
    @Test
    void onlyTheFineTuningImportsDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.safestream.finetune..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(CLASSES);
    }

    @Test
    void theFineTuningDoesNotReachIntoOnnxRuntime() {
        noClasses()
                .that()
                .resideInAPackage("dev.safestream.finetune..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.onnxruntime..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.safestream.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
