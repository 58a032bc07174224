import { mkdir, readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { ZipFile } from 'yazl';
import { loadConfig } from '#bot/config.ts';
import { buildManifest, LOCAL_PLACEHOLDER_APP_ID } from './build-manifest.ts';
import { validateManifest } from './validate-manifest.ts';

/** Writes manifest/build/partner-access.zip: manifest.json and the two icons, as Teams expects. */
async function packageApp(): Promise<void> {
  const config = loadConfig();
  const host = config.publicHost;
  const appId = config.auth?.appId ?? LOCAL_PLACEHOLDER_APP_ID;
  if (!config.auth)
    console.warn(
      `No MicrosoftAppId configured: packaging with the placeholder id ${LOCAL_PLACEHOLDER_APP_ID} (fine for a look, not for upload).`,
    );
  const manifest = buildManifest({ appId, host });
  const problems = validateManifest(manifest);
  if (problems.length > 0) throw new Error(`The manifest does not validate:\n${problems.join('\n')}`);

  const outDir = new URL('./build/', import.meta.url);
  await mkdir(outDir, { recursive: true });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addBuffer(await readFile(new URL('./color.png', import.meta.url)), 'color.png');
  zip.addBuffer(await readFile(new URL('./outline.png', import.meta.url)), 'outline.png');
  zip.end();
  const target = new URL('./partner-access.zip', outDir);
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(target)).on('close', resolve).on('error', reject);
  });
  console.log(`Wrote ${target.pathname}`);
}

packageApp().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
