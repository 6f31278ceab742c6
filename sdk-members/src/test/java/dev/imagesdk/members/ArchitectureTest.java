package dev.imagesdk.members;

import dev.imagesdk.core.contract.ModuleArchitectureTest;

/** sdk-members keeps the library modules' architecture rules (no package cycles, an API without internal types). */
class ArchitectureTest extends ModuleArchitectureTest {
}
