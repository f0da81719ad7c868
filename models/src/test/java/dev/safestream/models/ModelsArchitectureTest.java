package dev.safestream.models;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModelsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safestream.models");

    @Test
    void onlyTheOnnxAdapterImportsOnnxRuntime() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.safestream.models.onnx..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.onnxruntime..")
                .check(CLASSES);
    }

    @Test
    void servingCodeHoldsNoTraining() {
        noClasses()
                .should()
                .resideInAPackage("dev.safestream.models.training..")
                .because("training lives in models-training, which depends on this module and never the reverse, so"
                        + " the server's class path carries none of it")
                .check(CLASSES);
    }
}
