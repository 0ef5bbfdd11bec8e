import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { maskName, trainingVerifyPath } from '../../../../domain/guidance/index.ts';
import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
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
import { qrRects } from '../../../platform/pdf/qr.ts';
import * as q from './queries.ts';
import { institutionsDirectedBy, isTrainingStaff } from './settings.ts';

const LEFT = 72;
const WIDTH = PAGE.width - 2 * LEFT;
const QR_SIZE = 132;

/**
 * 培训合格证书 as one A4 page. The holder's name is printed masked, as the public check shows it:
 * the page is handed around and pinned up, and the QR code leads to the check, which is what
 * proves it.
 */
function trainingCertificatePdf(c: q.CertificateRow, verifyUrl: string): Buffer {
  const texts: PdfText[] = [];
  const lines: PdfLine[] = [];
  const holder = maskName(c.staff_name);
  const hours = String(Number(c.hours));
  const issuedOn = chineseDate(toShanghaiDate(new Date(c.issued_at)));
  const title = '托育从业人员培训合格证书';
  let y = certificateHeading({ texts, lines }, { title, size: 22, number: `证书编号：${c.number}`, top: PAGE.height - 100, margin: LEFT });
  const body = `${holder}（${c.institution_name}）参加“${c.training_title}”培训，完成${hours}学时，经考核合格，特发此证。`;
  for (const line of wrap(`　　${body}`, Math.floor(WIDTH / 14))) {
    texts.push({ x: LEFT, y, size: 14, text: line });
    y -= 26;
  }
  y -= 12;
  const rows: [string, string][] = [
    ['持证人', holder],
    ['所在机构', c.institution_name],
    ['培训项目', c.training_title],
    ['培训学时', `${hours}学时`],
    ['发证日期', issuedOn],
    ['证书编号', c.number],
    ['核验码', formatVoucherCode(c.code)],
  ];
  y = labelledRows({ texts, lines }, rows, { y, left: LEFT, right: PAGE.width - LEFT, valueAt: 100 });
  y -= 12;
  const rects = qrRects(verifyUrl, LEFT, y - QR_SIZE, QR_SIZE);
  const noteX = LEFT + QR_SIZE + 16;
  let noteY = y - 24;
  for (const line of wrap('扫描二维码，或访问下列地址，查看本证书是否有效：', Math.floor((PAGE.width - LEFT - noteX) / 10.5))) {
    texts.push({ x: noteX, y: noteY, size: 10.5, text: line });
    noteY -= 18;
  }
  for (const line of wrap(verifyUrl, (PAGE.width - LEFT - noteX) / 9)) {
    texts.push({ x: noteX, y: noteY, size: 9, text: line });
    noteY -= 14;
  }
  texts.push({ x: LEFT, y: 60, size: 9, text: '本证书由托育服务平台依据培训考勤记录生成；证书被撤销后以核验结果为准。' });
  return renderPdf({ texts, lines, rects, title, author: '托育服务平台' });
}

/**
 * The certificate's PDF for the holder's director, the center's directors, city officials and the
 * admin; anyone else is told it does not exist. A revoked certificate is not printed again.
 */
export async function trainingCertificateFile(deps: Deps, scope: Scope, id: string, origin: string) {
  const [c] = await q.findCertificates(deps.db, { id });
  if (!c) throw new AppError('NOT_FOUND');
  const holdersDirector = institutionsDirectedBy(scope).includes(c.institution_id);
  if (!holdersDirector && !(await isTrainingStaff(deps.db, scope))) throw new AppError('NOT_FOUND');
  if (c.revoked_at) throw new AppError('TRAINING_CERTIFICATE_REVOKED');
  return { filename: `training-certificate-${c.number}.pdf`, data: trainingCertificatePdf(c, `${origin}${trainingVerifyPath(c.code)}`) };
}
