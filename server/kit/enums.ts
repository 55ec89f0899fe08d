import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum whose values are described by their French labels (what screens and letters
 * show): one call instead of `registerEnumType` with a `valuesConfig` built by hand.
 */
export function registerLabelledEnum<E extends Record<string, string>>(enumObject: E, options: { name: string; description: string; labels: Record<E[keyof E], string> }): void {
  const valuesConfig = Object.fromEntries(Object.entries(options.labels).map(([value, label]) => [value, { description: label as string }]));
  registerEnumType(enumObject, { name: options.name, description: options.description, valuesConfig: valuesConfig as never });
}
