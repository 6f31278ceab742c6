package dev.imagesdk.testing;

import dev.imagesdk.core.contract.ModuleArchitectureTest;

/** sdk-testing keeps the library modules' architecture rules (no package cycles, an API without internal types). */
class ArchitectureTest extends ModuleArchitectureTest {
}
