import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import {
  certificateHeading,
  chineseDate,
  labelledRows,
  PAGE,
  type PdfLine,
  type PdfText,
  renderPdf,
  wrap,
} from '../../../platform/pdf/pdf.ts';

export type CertificateFacts = {
  code: string;
  institutionName: string;
  creditCode: string;
  address: string;
  filingNumber: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  verifyUrl: string;
};

const LEFT = 72;
const WIDTH = PAGE.width - 2 * LEFT;

/**
 * 托育机构用水用电用气执行居民生活类价格证明. The rule it states: 国务院办公厅关于促进3岁以下婴幼儿
 * 照护服务发展的指导意见（国办发〔2019〕15号）: 托育机构"用电、用水、用气、用热按照居民生活类价格执行".
 */
export function certificatePdf(f: CertificateFacts): Buffer {
  const texts: PdfText[] = [];
  const lines: PdfLine[] = [];
  const title = '托育机构用水用电用气执行居民生活类价格证明';
  let y = certificateHeading(
    { texts, lines },
    { title, size: 19, number: `证明编号：${formatVoucherCode(f.code)}`, top: PAGE.height - 96, margin: LEFT },
  );
  const body =
    `兹证明${f.institutionName}（统一社会信用代码：${f.creditCode}，地址：${f.address}）` +
    `已依照《托育机构登记和备案办法（试行）》完成托育机构备案，备案回执编号：${f.filingNumber}。` +
    '根据《国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见》（国办发〔2019〕15号），' +
    '该机构用电、用水、用气、用热按照居民生活类价格执行。';
  for (const line of wrap(`　　${body}`, Math.floor(WIDTH / 13))) {
    texts.push({ x: LEFT, y, size: 13, text: line });
    y -= 24;
  }
  y -= 12;
  const rows: [string, string][] = [
    ['机构名称', f.institutionName],
    ['统一社会信用代码', f.creditCode],
    ['备案回执编号', f.filingNumber],
    ['有效期至', chineseDate(f.validUntil)],
  ];
  y = labelledRows({ texts, lines }, rows, { y, left: LEFT, right: PAGE.width - LEFT, valueAt: 130 });
  y -= 24;
  const check = '核验：供水、供电、供气单位可访问下列地址，或在托育服务平台“证明核验”页面输入证明编号，查看本证明及机构当前的备案状态：';
  for (const line of wrap(check, Math.floor(WIDTH / 10.5))) {
    texts.push({ x: LEFT, y, size: 10.5, text: line });
    y -= 18;
  }
  texts.push({ x: LEFT, y, size: 10.5, text: f.verifyUrl });
  y -= 18;
  y -= 48;
  texts.push({ x: PAGE.width - LEFT - 14 * 13, y, size: 13, text: f.issuer });
  y -= 24;
  texts.push({ x: PAGE.width - LEFT - 14 * 13, y, size: 13, text: chineseDate(f.issuedOn) });
  texts.push({ x: LEFT, y: 60, size: 9, text: '本证明由托育服务平台依据备案信息生成；机构暂停、关闭或撤销备案后自动失效。' });
  return renderPdf({ texts, lines, title, author: f.issuer });
}
