#!/usr/bin/env node
// Makes sure the system Chromium (and CJK fonts, so Chinese renders in screenshots) is
// installed. We never download a browser: on Debian as root we apt-get install it,
// otherwise we stop and say which command to run. Prints and returns the executable path.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const INSTALL_CMD = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** True when a font covering Chinese is installed (fontconfig, or the Noto CJK directory). */
export function hasCjkFonts() {
  if (hasCommand('fc-list')) {
    const out = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    if (out.status === 0 && out.stdout.trim().length > 0) return true;
  }
  const dir = '/usr/share/fonts/opentype/noto';
  return existsSync(dir) && readdirSync(dir).some((f) => /CJK/i.test(f));
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.error(`[ensure-chromium] apt-get update && apt-get install -y ${packages.join(' ')}`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
}

/** Returns the Chromium executable path, installing Chromium/fonts when root on Debian. */
export function ensureChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  const exe = explicit || DEFAULT_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canApt = isRoot && hasCommand('apt-get');

  if (!isExecutableFile(exe)) {
    if (explicit) {
      throw new Error(
        `CHROMIUM_PATH=${explicit} is not an executable file. Point it at a Chromium ` +
          `or unset it to use ${DEFAULT_CHROMIUM} (install: sudo sh -c '${INSTALL_CMD}').`,
      );
    }
    if (!canApt) {
      const why = isRoot ? 'apt-get is not available here' : 'we are not root';
      throw new Error(
        `Chromium is not installed at ${DEFAULT_CHROMIUM} and ${why}, so the browser tests ` +
          `cannot install it. Run:\n\n    sudo sh -c '${INSTALL_CMD}'\n\n` +
          `(or set CHROMIUM_PATH to an existing Chromium). This project never downloads a browser.`,
      );
    }
    aptInstall(['chromium', 'fonts-noto-cjk']);
    if (!isExecutableFile(exe)) throw new Error(`apt-get finished but ${exe} is still missing`);
  }

  if (!hasCjkFonts()) {
    if (canApt) aptInstall(['fonts-noto-cjk']);
    else {
      console.error(
        `[ensure-chromium] WARNING: no CJK font installed; Chinese text will render as boxes ` +
          `in screenshots. Run: sudo apt-get install -y fonts-noto-cjk`,
      );
    }
  }

  // The Debian wrapper script prints a harmless "[: unexpected operator" on stderr.
  const version = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0) {
    throw new Error(`${exe} --version failed (${version.status}): ${version.stderr}`);
  }
  console.error(`[ensure-chromium] ${exe}: ${version.stdout.trim()}; CJK fonts: ${hasCjkFonts() ? 'yes' : 'NO'}`);
  return exe;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (err) {
    console.error(`[ensure-chromium] ${err.message}`);
    process.exit(1);
  }
}
