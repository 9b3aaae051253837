/**
 * Licences a county may publish its open data under (site.yaml `dataLicence`), with the title the
 * /data/ page and the data package show and the licence's public address.
 */
export interface Licence {
  id: string;
  title: string;
  url?: string;
}

export const LICENCES = [
  { id: 'CC-BY-4.0', title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' },
  { id: 'CC0-1.0', title: 'CC0 1.0 公有领域贡献', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.zh-hans' },
  { id: 'gov-open', title: '政府信息公开：可自由使用，使用时注明来源' },
] as const satisfies readonly Licence[];

export type LicenceId = (typeof LICENCES)[number]['id'];
export const LICENCE_IDS = LICENCES.map((l) => l.id) as [LicenceId, ...LicenceId[]];

export function getLicence(id: string): Licence {
  return LICENCES.find((l) => l.id === id) ?? LICENCES[0];
}
