/** /compliance/hegui.csv: the compliance table for download (Excel and WPS open it directly). */
import { getComplianceCsv } from '../../data/compliance.ts';

export function GET(): Response {
  return new Response(getComplianceCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
