import { build } from 'esbuild';

/** Bundles the tab page (TypeScript and CSS) into tab/dist/, which /tab serves. Run by `npm run build:tab`. */
async function buildTab(): Promise<void> {
  const here = new URL('./', import.meta.url).pathname;
  await build({
    entryPoints: [
      { in: `${here}src/main.ts`, out: 'tab' },
      { in: `${here}src/tab.css`, out: 'tab' },
    ],
    // dist/ is git-ignored and lint-ignored at the root.
    outdir: new URL('../dist/tab/', import.meta.url).pathname,
    bundle: true,
    format: 'esm',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

buildTab().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
