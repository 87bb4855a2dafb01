import type { FastifyPluginAsync } from 'fastify';

/**
 * Marks a plugin as not encapsulated, so what it decorates is visible to its siblings: what the `fastify-plugin`
 * package does, without the dependency for one line.
 */
export function globalPlugin<T extends FastifyPluginAsync>(plugin: T): T {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
