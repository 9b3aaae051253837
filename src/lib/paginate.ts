/**
 * Flows a poster's content onto sheets (第 1/3 页…): nothing is ever cut off. Units are stacked
 * top to bottom; a unit that does not fit starts a new sheet; a heading stays with what follows it;
 * a table row that starts a sheet gets the table's header repeated above it. Pure: heights come in
 * from the layout, sheets come out.
 */

export interface FlowUnit {
  /** Height of the unit itself, without the space above it. */
  height: number;
  /** Space above the unit; dropped when the unit is first on a sheet. */
  spaceBefore: number;
  /** Keep on the same sheet as the next unit (a heading, a table's header, a last row with its total). */
  keepWithNext?: boolean;
  /** Height of the header repeated above this unit when it starts a sheet (table rows). */
  repeatHeight?: number;
}

export interface FlowSheet {
  /** Indices of the units on this sheet, in order. */
  units: number[];
  /** The first unit is a continued table row, so the table's header is repeated above it. */
  repeatsHeader: boolean;
}

/** A single unit is taller than a whole sheet: it can never be printed uncut. */
export class UnitTooTallError extends Error {
  readonly unit: number;
  readonly height: number;
  readonly capacity: number;
  constructor(unit: number, height: number, capacity: number) {
    super(
      `内容第 ${unit + 1} 段高 ${height.toFixed(1)}，超过整页可用高度 ${capacity.toFixed(1)} / unit ${unit} is ${height.toFixed(1)} tall, a sheet holds ${capacity.toFixed(1)}`,
    );
    this.unit = unit;
    this.height = height;
    this.capacity = capacity;
  }
}

/** Splits units into sheets of the given capacity. */
export function paginate(units: readonly FlowUnit[], capacity: number): FlowSheet[] {
  const sheets: FlowSheet[] = [];
  let sheet: FlowSheet = { units: [], repeatsHeader: false };
  let used = 0;
  const cost = (i: number, first: boolean) => {
    const u = units[i]!;
    return first ? u.height + (u.repeatHeight ?? 0) : u.spaceBefore + u.height;
  };
  const newSheet = () => {
    sheets.push(sheet);
    sheet = { units: [], repeatsHeader: false };
    used = 0;
  };
  const place = (i: number) => {
    const first = sheet.units.length === 0;
    if (first && units[i]!.repeatHeight !== undefined) sheet.repeatsHeader = true;
    used += cost(i, first);
    sheet.units.push(i);
  };

  let i = 0;
  while (i < units.length) {
    // The chain of units that must stay together: i … j.
    let j = i;
    while (j < units.length - 1 && units[j]!.keepWithNext) j += 1;
    const chainCost = (first: boolean) => {
      let c = 0;
      for (let k = i; k <= j; k += 1) c += cost(k, first && k === i);
      return c;
    };
    if (used + chainCost(sheet.units.length === 0) <= capacity + 1e-6) {
      for (let k = i; k <= j; k += 1) place(k);
      i = j + 1;
      continue;
    }
    if (sheet.units.length > 0) {
      newSheet();
      if (chainCost(true) <= capacity + 1e-6) continue;
    }
    // The chain is taller than a sheet: place its units one by one.
    if (cost(i, sheet.units.length === 0) > capacity + 1e-6) {
      if (sheet.units.length === 0) throw new UnitTooTallError(i, cost(i, true), capacity);
      newSheet();
      continue;
    }
    place(i);
    i += 1;
  }
  if (sheet.units.length > 0 || sheets.length === 0) sheets.push(sheet);
  return sheets;
}
