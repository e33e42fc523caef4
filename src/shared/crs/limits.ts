// The one absolute bound on a coordinate, known without the project: no CRS QuyTap uses has a
// position beyond ±100,000 km (Web Mercator's square ends at ±20,037 km). The contract refuses
// anything larger before it reaches a handler; the store then checks the project's own CRS domain
// (domain.ts). Without this bound one absurd number (1e18, 1e39) froze grid walks whose `x++` does
// nothing beyond 2^53, and overflowed the R-tree's float32 into ±Infinity.
export const COORDINATE_LIMIT = 1e8;
