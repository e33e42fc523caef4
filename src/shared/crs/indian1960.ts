/**
 * Indian 1960 (war-era US L7014 1:50,000 maps of Vietnam) → WGS 84, three parameters.
 * Always given explicitly: PROJ's automatic operation choice for EPSG:4131 applies no shift
 * south of 14°N, which puts a grid reference at Krông Nô about 500 m from where it belongs.
 */
export const INDIAN1960_TOWGS84 = '198,881,317';

/** Everest 1830 (1937 Adjustment), EPSG:7015: the ellipsoid of Indian 1960. */
export const EVEREST1830 = { a: 6377276.345, rf: 300.8017 } as const;
