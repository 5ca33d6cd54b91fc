package org.vnextract.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Data flows one way (spec/ARCHITECTURE.md): a stage package never reaches forward to a later
 * stage, to the CLI, the store or the web; the internal package depends on nothing of ours.
 */
@AnalyzeClasses(packages = "org.vnextract", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] LATER_THAN_EXTRACT = {"org.vnextract.record..", "org.vnextract.sink..",
            "org.vnextract.cli..", "org.vnextract.store..", "org.vnextract.web..", "org.vnextract.eval..",
            "org.vnextract.spark..", "org.vnextract.batch.."};

    @ArchTest
    static final ArchRule ingestIsFirst = noClasses().that().resideInAPackage("org.vnextract.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.clean..", "org.vnextract.text..",
                    "org.vnextract.segment..", "org.vnextract.extract..", "org.vnextract.ner..", "org.vnextract.record..",
                    "org.vnextract.sink..", "org.vnextract.cli..");

    @ArchTest
    static final ArchRule cleanComesBeforeText = noClasses().that().resideInAPackage("org.vnextract.clean..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.text..", "org.vnextract.segment..",
                    "org.vnextract.extract..", "org.vnextract.record..", "org.vnextract.sink..", "org.vnextract.cli..");

    @ArchTest
    static final ArchRule textComesBeforeExtract = noClasses().that().resideInAPackage("org.vnextract.text..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.segment..", "org.vnextract.extract..",
                    "org.vnextract.record..", "org.vnextract.sink..", "org.vnextract.cli..");

    @ArchTest
    static final ArchRule extractorsDoNotKnowTheOutput = noClasses().that().resideInAnyPackage("org.vnextract.extract..",
                    "org.vnextract.segment..", "org.vnextract.ner..")
            .should().dependOnClassesThat().resideInAnyPackage(LATER_THAN_EXTRACT);

    /** No package cycles anywhere; extractors may read each other's keys (counts ← dates) one way. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.vnextract.(**)").should().beFreeOfCycles();

    /** The entity tagger stands on the text layer; the extractors consume its interface. */
    @ArchTest
    static final ArchRule nerKnowsNoExtractor = noClasses().that().resideInAPackage("org.vnextract.ner..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.extract..", "org.vnextract.train..",
                    "org.vnextract.eval..");

    /** Training types never reach the runtime: only the CLI's training commands use them. */
    @ArchTest
    static final ArchRule trainingIsApart = noClasses().that().resideOutsideOfPackages("org.vnextract.train..",
                    "org.vnextract.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.vnextract.train..");

    @ArchTest
    static final ArchRule internalDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.vnextract.internal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.pipeline..", "org.vnextract.ingest..",
                    "org.vnextract.clean..", "org.vnextract.text..", "org.vnextract.extract..", "org.vnextract.record..",
                    "org.vnextract.cli..");

    @ArchTest
    static final ArchRule pipelineKnowsNoStage = noClasses().that().resideInAPackage("org.vnextract.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vnextract.ingest..", "org.vnextract.clean..",
                    "org.vnextract.text..", "org.vnextract.extract..", "org.vnextract.record..", "org.vnextract.cli..");

    @ArchTest
    static final ArchRule webReadsThroughTheStore = noClasses().that().resideInAPackage("org.vnextract.web..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .allowEmptyShould(true); // until the web package lands
}
