package io.callemu.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the emulator, enforced: the core knows no platform and no HTTP or JSON, each surface
 * renders the core, shared infrastructure is in platform, and no package depends on itself through
 * others.
 */
@AnalyzeClasses(packages = "io.callemu.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreImportsNoSurfaceOrPlatform = noClasses().that().resideInAPackage("..emulator.core..")
      .should().dependOnClassesThat().resideInAnyPackage("..emulator.surface..", "..emulator.platform..")
      .because("the core is platform-neutral: surfaces render it, platform infrastructure serves them");

  @ArchTest
  static final ArchRule coreImportsNoWebOrJson = noClasses().that().resideInAPackage("..emulator.core..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.json..",
          "com.fasterxml.jackson..")
      .because("parsing and rendering wire formats is a surface's job");

  @ArchTest
  static final ArchRule onlyTheEntryPointsKnowTheConfiguration = noClasses()
      .that().resideInAnyPackage("..emulator.core..", "..emulator.surface..", "..emulator.client..")
      .should().dependOnClassesThat().resideInAPackage("io.callemu.emulator")
      .because("the command line and the embedded API (Callemu, CallemuConfig, Main) sit above everything");

  @ArchTest
  static final ArchRule surfacesDoNotReachIntoTheServer = noClasses().that().resideInAPackage("..emulator.surface..")
      .should().dependOnClassesThat().resideInAPackage("..emulator.platform.server..")
      .because("the server is the composition root that builds the surfaces, not something they use");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.callemu.emulator.(**)").should().beFreeOfCycles();
}
