package dev.imagesdk.images;

import dev.imagesdk.core.contract.ModuleArchitectureTest;

/** sdk-images keeps the library modules' architecture rules (no package cycles, an API without internal types). */
class ArchitectureTest extends ModuleArchitectureTest {
}
