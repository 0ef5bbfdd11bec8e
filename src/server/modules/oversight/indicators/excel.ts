import ExcelJS from 'exceljs';
import { type IndicatorTargets, townshipsToCover } from '../../../../domain/oversight/indicators.ts';
import { guardCell } from '../../../platform/files/spreadsheet.ts';
import type { DivisionIndicators } from './schemas.ts';

/** One row of the sheet: a division's indicators and the names of its city, district and township. */
export type ExportRow = DivisionIndicators & { city: string; district: string; township: string };

const PERCENT = '0.00%';
const DECIMAL = '0.00';

type Column = {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
  value: (row: ExportRow, targets: IndicatorTargets) => unknown;
};

const LEVEL = { city: '市 City', district: '区县 District', township: '乡镇街道 Township' } as const;

/** The columns in reading order: where, how many people, places against 4.5, coverage against 100 %. */
const COLUMNS: Column[] = [
  { header: '市 City', key: 'city', width: 14, value: (r) => r.city },
  { header: '区县 District', key: 'district', width: 14, value: (r) => r.district },
  { header: '乡镇街道 Township', key: 'township', width: 18, value: (r) => r.township },
  { header: '区划代码 Code', key: 'divisionCode', width: 12, value: (r) => r.divisionCode },
  { header: '层级 Level', key: 'level', width: 14, value: (r) => LEVEL[r.level] },
  { header: '常住人口 Population', key: 'population', width: 14, value: (r) => r.population },
  { header: '3岁以下人口 Under 3', key: 'under3Population', width: 14, value: (r) => r.under3Population },
  { header: '托位数 Places', key: 'places', width: 12, value: (r) => r.places },
  { header: '千人托位数 Places per 1,000', key: 'placesPer1000', width: 16, numFmt: DECIMAL, value: (r) => r.placesPer1000 },
  {
    header: '千人托位目标 Target per 1,000',
    key: 'targetPlacesPer1000',
    width: 16,
    numFmt: DECIMAL,
    value: (_r, t) => t.placesPer1000,
  },
  { header: '尚缺托位 Places needed', key: 'placesNeeded', width: 14, value: (r) => r.placesNeeded },
  { header: '普惠托位 Inclusive places', key: 'inclusivePlaces', width: 14, value: (r) => r.inclusivePlaces },
  { header: '普惠占比 Inclusive share', key: 'inclusiveShare', width: 14, numFmt: PERCENT, value: (r) => r.inclusiveShare },
  { header: '在托幼儿 Enrolled', key: 'enrolled', width: 12, value: (r) => r.enrolled },
  { header: '托位使用率 Occupancy', key: 'occupancy', width: 14, numFmt: PERCENT, value: (r) => r.occupancy },
  { header: '入托率 Enrolment rate', key: 'enrolmentRate', width: 14, numFmt: PERCENT, value: (r) => r.enrolmentRate },
  { header: '乡镇街道数 Townships', key: 'townships', width: 14, value: (r) => r.townships },
  { header: '有普惠乡镇 With inclusive', key: 'townshipsWithInclusive', width: 14, value: (r) => r.townshipsWithInclusive },
  { header: '普惠覆盖率 Coverage', key: 'townshipCoverage', width: 14, numFmt: PERCENT, value: (r) => r.townshipCoverage },
  {
    header: '覆盖目标 Coverage target',
    key: 'targetTownshipCoverage',
    width: 14,
    numFmt: PERCENT,
    value: (_r, t) => t.townshipCoverage,
  },
  {
    header: '未覆盖乡镇 Townships uncovered',
    key: 'townshipsUncovered',
    width: 16,
    value: (r, t) => townshipsToCover(t.townshipCoverage, r.townships, r.townshipsWithInclusive),
  },
];

/** 托育指标: one row per division of the subtree, a column per indicator, its target and its gap. */
export async function indicatorsWorkbook(asOf: string, rows: ExportRow[], targets: IndicatorTargets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tuoyu';
  const sheet = workbook.addWorksheet(`${asOf} 托育指标`, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  sheet.columns = COLUMNS.map(({ header, key, width, numFmt }) => ({ header, key, width, style: numFmt ? { numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, guardCell(c.value(row, targets) ?? null)])));
    added.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.numFmt = '@';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
