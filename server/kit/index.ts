/*
 * The module kit: the one door from modules to the server. A module reads, shows and changes data
 * through what this file exports, and imports nothing else of server/ (the architecture test and the
 * lint rule hold it). See docs/modules.md.
 */
export { list, find, type ListOptions, type Order } from './list.js';
export { load, loadMany, loadChildren, related, once } from './loaders.js';
export { Needs } from './fields.js';
export { visibleTo, matches, type VisibilityRule, type Rights, type RowRule } from './visibility.js';
export { type ResolverHook, type ResolverCall } from './schema.js';
export { type KitContext } from './scope.js';
