/**
 * `npm run fix-lockfile`: adds the optional platform packages (other OSes' native bindings of the
 * Astro compiler and Pagefind) that npm leaves out of package-lock.json when the registry it can
 * reach does not carry them. Without the entries `npm ci` refuses the lock file ("Missing: … from
 * lock file"); with them it skips the packages, as it does for any platform that is not this one.
 * Run it after `npm install` changes the lock file.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };

function platform(name: string): { os?: string; cpu?: string; libc?: string } {
  const base = name.split('/').pop() ?? name;
  const os = ['android', 'darwin', 'linux', 'win32', 'windows', 'freebsd'].find((o) => base.includes(o));
  const cpu = ['arm64', 'x64', 'wasm32', 'ia32', 'arm'].find((c) => new RegExp(`(^|-)${c}($|-)`).test(base));
  const libc = base.includes('musl') ? 'musl' : base.includes('gnu') ? 'glibc' : undefined;
  return { ...(os && { os: os === 'windows' ? 'win32' : os }), ...(cpu && { cpu }), ...(libc && { libc }) };
}

const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const { os, cpu, libc } = platform(dep);
    // Keys in the order npm writes them (version first, then alphabetical), so a later
    // `npm install` leaves the file as it is.
    lock.packages[key] = {
      version,
      ...(cpu && { cpu: [cpu] }),
      dev: true,
      ...(libc && { libc: [libc] }),
      optional: true,
      ...(os && { os: [os] }),
    };
    added.push(`${dep}@${version}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added.length ? `fix-lockfile: added ${added.join(', ')}` : 'fix-lockfile: nothing to add');
