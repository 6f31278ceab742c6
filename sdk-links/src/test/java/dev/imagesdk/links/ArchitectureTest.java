package dev.imagesdk.links;

import dev.imagesdk.core.contract.ModuleArchitectureTest;

/** sdk-links keeps the library modules' architecture rules (no package cycles, an API without internal types). */
class ArchitectureTest extends ModuleArchitectureTest {
}
