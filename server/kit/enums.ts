import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum whose values are described by their French labels (what screens and letters
 * show): one call instead of `registerEnumType` with a `valuesConfig` built by hand.
 */
export function registerLabelledEnum<E extends Record<string, string>>(enumObject: E, options: { name: string; description: string; labels: Record<E[keyof E], string> }): void {
  // type-graphql keys its values' descriptions by the enum's keys; labels are given by value.
  const labels = options.labels as Record<string, string>;
  const valuesConfig = Object.fromEntries(Object.entries(enumObject).map(([key, value]) => [key, { description: labels[value] }]));
  registerEnumType(enumObject, { name: options.name, description: options.description, valuesConfig: valuesConfig as never });
}
