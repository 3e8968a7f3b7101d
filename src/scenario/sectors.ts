/**
 * Sectors are data, not code paths (MODEL.md "Time, place, sectors"; ¶5, ¶25(c)).
 * Adding a sector (e.g. organ removal, ¶5, ¶28) means adding a row here and its
 * assumptions; the engine only ever loops over SECTORS.
 */
export const SECTORS = ['sexual', 'agriculture', 'manufacturing'] as const;
export type Sector = (typeof SECTORS)[number];

export interface SectorInfo {
  /** Final buyers are clients of commercial sex (true) or households buying goods (false). */
  readonly clientMarket: boolean;
  /** Goods reach households through corporate buyers (brands, retailers, importers). */
  readonly supplyChain: boolean;
}

export const SECTOR_INFO: Record<Sector, SectorInfo> = {
  sexual: { clientMarket: true, supplyChain: false },
  agriculture: { clientMarket: false, supplyChain: true },
  manufacturing: { clientMarket: false, supplyChain: true },
};

export const sectorIndex = (s: Sector): number => SECTORS.indexOf(s);
