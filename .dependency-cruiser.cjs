/**
 * The layering of gongkai, written down and enforced (`npm run deps`, and
 * test/unit/dependency-rules.test.ts in `npm test`). From the bottom up:
 *
 *   law (the law as data)  →  lib (pure domain logic)  →  schemas (content shapes)  →  check (the checker)
 *   →  records (facts per record)  →  build (the build context and step contract)
 *   →  data, posters, integrations (outputs)  →  components, layouts, pages (rendering)
 *
 * A module may import only from its own layer or below. Beside the ladder: client/ (browser code,
 * imports only lib), import/ (spreadsheet reading, only lib) and tools/ (clerk commands, run by scripts/).
 * .astro files are not parsed by dependency-cruiser; the .ts modules they import are.
 */
const LAW = ['law'];
const LIB = [...LAW, 'lib'];
const SCHEMAS = [...LIB, 'schemas'];
const CHECK = [...SCHEMAS, 'check'];
const RECORDS = [...CHECK, 'records'];
const BUILD = [...RECORDS, 'build'];

/** `from` may import from src/ only what `allowed` lists (npm packages and Node are other rules). */
const onlyFrom = (name, comment, from, allowed, extra = []) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/(${from.join('|')})/` },
  to: { path: '^src/', pathNot: [`^src/(${allowed.join('|')})/`, ...extra] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make layers meaningless: put shared types in a module of their own (e.g. src/build/steps.ts).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports is dead code, unless it is an entry point (pages, content config, workers, scripts) or a module only .astro files import (components/: .astro is not parsed).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '^src/content\\.config\\.ts$',
          '^src/pages/',
          '^src/components/',
          '^src/client/',
          '^src/posters/worker\\.ts$',
          '^src/check/village-worker\\.ts$',
          '^scripts/',
          '(^|/)tsconfig\\.json$',
          '\\.cjs$',
        ],
      },
      to: {},
    },
    onlyFrom('law-imports-nothing', 'src/law is the law as data: it imports nothing from src/.', ['law'], LAW),
    {
      ...onlyFrom(
        'lib-imports-only-law',
        'src/lib is pure domain logic on the law: it imports only src/law (and, as types only, the message catalogue that declares the parameters of the codes its rules emit).',
        ['lib'],
        LIB,
      ),
      to: { path: '^src/', pathNot: ['^src/(law|lib)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'lib-types-only-from-messages',
      comment: 'The only thing src/lib may take from above it: the types of the message catalogue.',
      severity: 'error',
      from: { path: '^src/(lib|import)/' },
      to: { path: '^src/', pathNot: ['^src/(law|lib|import|check/messages)/'] },
    },
    onlyFrom('schemas-import-only-lib-and-law', 'src/schemas validate and normalise with lib and law only.', ['schemas'], SCHEMAS),
    onlyFrom(
      'check-imports-below-it',
      'src/check turns content into a checked county with schemas, lib and law (and two plain tables: the MDX component registry and the record-type registry, which the loader reads for folders and schemas).',
      ['check'],
      CHECK,
      ['^src/components/mdx/registry\\.ts$', '^src/records/registry\\.ts$'],
    ),
    onlyFrom('records-import-below-them', 'src/records derive facts from checked records: schemas, lib, law, check.', ['records'], RECORDS),
    onlyFrom('build-imports-below-it', 'src/build (the build context and the step contract) knows only the checked county.', ['build'], BUILD),
    onlyFrom(
      'outputs-import-no-rendering',
      "data, posters, open data and integrations project records; they never import components, layouts or pages (the MDX registry excepted). The build's log step (integrations/publication-log.ts) writes the publication log through src/log-store.",
      ['data', 'posters', 'opendata', 'integrations'],
      [...BUILD, 'data', 'posters', 'opendata', 'integrations', 'log-store'],
      ['^src/components/mdx/registry\\.ts$'],
    ),
    onlyFrom(
      'client-imports-only-lib',
      'Browser code (src/client) runs the same pure logic as the build, nothing else (and its own chunks loaded later, e.g. the search results).',
      ['client'],
      ['lib', 'client'],
    ),
    {
      ...onlyFrom(
        'import-imports-only-lib',
        'Spreadsheet reading (src/import) is pure parsing on lib (and the message catalogue, as types only).',
        ['import'],
        ['lib', 'import'],
      ),
      to: { path: '^src/', pathNot: ['^src/(lib|import)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-imports-tools',
      comment: 'src/tools are clerk commands run by scripts/; no module of the site imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/tools/' },
      to: { path: '^src/tools/' },
    },
    {
      name: 'lib-is-pure',
      comment: 'src/lib never touches files, processes, the network or Astro (node:crypto hashing is pure and allowed).',
      severity: 'error',
      from: { path: '^src/(lib|law|schemas|client)/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'lib-imports-no-astro',
      comment: 'Pure layers never import astro, astro:* or Astro integrations.',
      severity: 'error',
      from: { path: '^src/(lib|law|schemas|check|records|client)/' },
      to: { path: '(^|/)node_modules/(astro|@astrojs)/|^astro(:|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: they are what made the post-build cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^src/.*\\.astro$'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
