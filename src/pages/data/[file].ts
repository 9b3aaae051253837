/** The county's open-data files: /data/<file> (CSV, XLSX, datapackage.json, README.md). */
import type { APIRoute } from 'astro';
import { dataFileResponse, listCountyDataFiles } from '../../data/opendata.ts';

export function getStaticPaths() {
  return listCountyDataFiles();
}

export const GET: APIRoute = ({ params }) => dataFileResponse(params.file!);
