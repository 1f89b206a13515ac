// The server's configuration: the module's development-postgres12.yaml with every port moved
// into the cluster's own block (clear of the dev server's 7233 and its neighbours) and
// PostgreSQL at the cluster's port.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { paths, type ClusterSettings } from './settings.js';

export const configFile = `${paths.config}temporal.yaml`;

/** The template's ports and where they go, from the frontend's port P. */
function portMap(s: ClusterSettings): Record<string, number> {
  const p = s.temporalPort;
  return {
    // frontend, history, matching, worker gRPC; the frontend's HTTP API
    7233: p,
    7234: p + 1,
    7235: p + 2,
    7239: p + 3,
    7243: p + 4,
    // their membership (ringpop) ports
    6933: p + 10,
    6934: p + 11,
    6935: p + 12,
    6939: p + 13,
    // pprof and Prometheus metrics
    7936: p + 20,
    8000: p + 21,
    5432: s.pgPort,
  };
}

export function writeServerConfig(s: ClusterSettings, moduleDir: string): string {
  mkdirSync(paths.config, { recursive: true });
  const dynamicConfig = `${paths.config}dynamicconfig.yaml`;
  copyFileSync(`${moduleDir}config/dynamicconfig/development-sql.yaml`, dynamicConfig);
  const template = readFileSync(`${moduleDir}config/development-postgres12.yaml`, 'utf8');
  const ports = portMap(s);
  const seen = new Set<string>();
  // One pass, so a moved port is never moved again (the frontend's 7243 is the template's HTTP port).
  let config = template.replace(/(?<=[:"\s])(\d{4})(?=["\s])/g, (port) => {
    if (!(port in ports)) return port;
    seen.add(port);
    return String(ports[port]);
  });
  const missing = Object.keys(ports).filter((port) => !seen.has(port));
  if (missing.length)
    throw new Error(`development-postgres12.yaml no longer has the ports ${missing.join(', ')}: scripts/cluster/serverConfig.ts needs updating`);
  const before = config;
  config = config.replace(/filepath: ".*"/, `filepath: "${dynamicConfig}"`);
  if (config === before) throw new Error('development-postgres12.yaml no longer names a dynamic config file: scripts/cluster/serverConfig.ts needs updating');
  writeFileSync(configFile, config);
  return configFile;
}
