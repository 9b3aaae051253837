/** A village's open-data files: /v/<village>/data/<file> (CSV, XLSX, datapackage.json, README.md). */
import type { APIRoute } from 'astro';
import { dataFileResponse, listVillageDataFiles } from '../../../../data/opendata.ts';

export function getStaticPaths() {
  return listVillageDataFiles();
}

export const GET: APIRoute = ({ params }) => dataFileResponse(params.file!, params.village!);
