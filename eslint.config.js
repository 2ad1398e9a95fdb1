// Lint with type information, and let the linter hold the layers apart (STYLE.md principle 1):
// shared/ imports nothing of ours and no Node; the engine never imports electron; the renderer
// never imports Node or main/; only main/electron may import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'net', 'path', 'os', 'child_process', 'http', 'https', 'stream', 'crypto',
  'dgram', 'dns', 'tls', 'url', 'util', 'events', 'buffer', 'worker_threads',
];
// Exact module names go in `paths`: as a pattern, 'http' would also match a folder of ours (shared/http/).
const restrict = (...groups) => [
  'error',
  {
    patterns: groups.filter((g) => !g.names),
    paths: groups.flatMap((g) => (g.names ?? []).map((name) => ({ name, message: g.message }))),
  },
];
const NODE_MESSAGE = 'This layer runs in a browser: no Node built-ins.';
const noNode = { group: NODE_BUILTINS.filter((m) => m.includes('*')), message: NODE_MESSAGE };
const noNodeNames = { names: NODE_BUILTINS.filter((m) => !m.includes('*')), message: NODE_MESSAGE };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/electron may import electron.' };
const noMain = { group: ['**/main/**'], message: 'Reach main only through the bridge contract in shared/.' };
const noRenderer = { group: ['**/renderer/**'], message: 'main and shared never import the renderer.' };
const noHosts = {
  group: ['**/electron/**', '**/web/**', '**/cli/**', '**/host/**', '**/settings/**', '**/bench/**', '**/e2e/**'],
  message: 'The engine is hosted; it never imports its hosts (main/host wraps it, not the other way round).',
};
// The engine's own code is plain Node: node:* built-ins, shared/ and itself, no npm package.
const noPackages = { regex: '^(?!node:|\\.)', message: 'The engine imports only node:*, shared/ and itself.' };

// A renderer feature never imports another (STYLE.md's renderer tree): a panel that shows another's
// view gets it as a prop from app.tsx, and what several features use lives outside features/
// (renderer/journal/, renderer/body-preview/), so each can be drawn and tested alone. The rule sees
// only the import's text, so each folder of each feature gets the pattern for its own depth: from
// features/F/x.ts, `../G/...` is another feature and `../../store/...` is not.
const FEATURES = new URL('./renderer/features/', import.meta.url);
const otherFeature = (feature, depth) => ({
  regex: `^(\\.\\./){${depth + 1}}(?!${feature}/)[^./]|(^|/)features/`,
  message: 'A feature never imports another: hand its view in from app.tsx, or move what both use out of renderer/features/.',
});
const foldersOf = (url, path = '') => [
  path,
  ...readdirSync(new URL(path, url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => foldersOf(url, `${path}${d.name}/`)),
];
const featureBlocks = readdirSync(FEATURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap(({ name }) =>
    foldersOf(FEATURES, `${name}/`).map((folder) => ({
      files: [`renderer/features/${folder}*.{ts,tsx}`],
      rules: { 'no-restricted-imports': restrict(noNode, noNodeNames, noElectron, noMain, otherFeature(name, folder.split('/').length - 2)) },
    })),
  );
const noFeatures = { group: ['**/features/**'], message: 'Only app.tsx and main.tsx put features together; what they share imports none.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] } },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': restrict(noNode, noNodeNames, noElectron, noMain, noRenderer) } },
  // The engine's tests may drive it the way a host does (main/host/testing/engine-probe.ts) and use e2e's browser.
  { files: ['main/engine/**/*.ts'], rules: { 'no-restricted-imports': restrict(noElectron, noRenderer) } },
  {
    files: ['main/engine/**/*.ts'],
    ignores: ['main/engine/**/*.test.ts', 'main/engine/**/testing/**'],
    rules: { 'no-restricted-imports': restrict(noElectron, noRenderer, noHosts, noPackages) },
  },
  { files: ['main/web/**/*.ts', 'main/cli/**/*.ts', 'main/host/**/*.ts', 'main/settings/**/*.ts'], rules: { 'no-restricted-imports': restrict(noElectron, noRenderer) } },
  { files: ['main/electron/**/*.ts'], rules: { 'no-restricted-imports': restrict(noRenderer) } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': restrict(noNode, noNodeNames, noElectron, noMain) },
  },
  ...featureBlocks,
  {
    files: ['renderer/{bridge,body-preview,journal,lib,settings,store,testing,ui,waiting}/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(noNode, noNodeNames, noElectron, noMain, noFeatures) },
  },
);
