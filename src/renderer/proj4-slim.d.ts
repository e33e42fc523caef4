// The slim proj4 has the whole library's interface (proj4-slim.js).
import proj4 from 'proj4';
export default proj4;
