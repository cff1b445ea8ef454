/**
 * The printed sheets for the village teams and the booklet. They are pages of the route registry
 * (src/data/routes.ts), which lists them, their PDFs and whether they are stored for offline use.
 */
export { BOOKLET, SHEETS, type Sheet } from '../data/routes';
