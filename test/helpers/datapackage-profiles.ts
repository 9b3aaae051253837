/**
 * The official Frictionless Data Package v2, Table Schema and Table Dialect profiles (copies in
 * test/fixtures/datapackage-v2), compiled with Ajv, for the tests that validate the data packages a build writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './fixture-tree.ts';

type Ajv = AjvModule;
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (o: object) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void;
const profile = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/datapackage-v2', `${name}.json`), 'utf8')) as object;

/** Validators of a data package, a table schema and a table dialect against the official v2 profiles. */
export function dataPackageValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  return { pkg: ajv.compile(profile('datapackage')), schema: ajv.compile(profile('tableschema')), dialect: ajv.compile(profile('tabledialect')) };
}

interface Field {
  name: string;
  type: string;
  unit?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
}

/** A resource of a data package as the build writes it. */
export interface DataPackageResource {
  name: string;
  /** One file, or a table in parts (the county's ledger entries by year). */
  path: string | string[];
  format: string;
  bytes: number;
  hash?: string;
  dialect: { sheetName?: string };
  schema: { fields: Field[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
}
