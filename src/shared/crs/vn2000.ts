/**
 * VN-2000 → WGS 84 seven parameters of QĐ 05/2007/QĐ-BTNMT, written in the order and
 * with the signs proj4/PROJ `+towgs84` expects (position-vector rotations, as the
 * Decision prints them). This is the string Vietnamese converters use, and with it
 * their published VN-2000 ↔ WGS 84 pairs reproduce to the millimetre.
 *
 * EPSG:6960 ("VN-2000 to WGS 84 (2)", what `projinfo EPSG:9218` prints) applies the same
 * numbers as a coordinate-frame rotation, i.e. with the three rotation signs reversed, which
 * moves positions by about 0.5 m; in the Mekong delta PROJ picks EPSG:6959 instead, about
 * 1.3 m away. Never mix the two: a layer converted one way and checked the other shows a
 * phantom metre-level error. Tests pin this string.
 */
export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';
