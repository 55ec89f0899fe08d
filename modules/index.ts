import platform from './platform/index.js';
import territory from './territory/index.js';
import sectors from './sectors/index.js';
import organizations from './organizations/index.js';
import partners from './partners/index.js';
import accounts from './accounts/index.js';
import imports from './imports/index.js';
import { type ModuleManifest } from '../server/kit/index.js';
import interviewGrids from './interview-grids/index.js';
import radar from './radar/index.js';
import support from './support/index.js';
import governance from './governance/index.js';

/** Every module of the platform; the gateway orders them by dependency and enables those in MODULES. */
export const ALL_MODULES: readonly ModuleManifest[] = [platform, territory, sectors, organizations, partners, accounts, imports, interviewGrids, support, radar, governance];
