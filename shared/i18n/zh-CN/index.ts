// One language's whole catalog, in the shape of the English one (shared/i18n/catalog.ts).
import { cli } from './cli';
import { errors } from './errors';
import { notes } from './notes';
import { problems } from './problems';
import { rst } from './rst';
import { ui } from './ui';

export const catalog = { errors, notes, problems, rst, ui, cli };
