import PDFDocument from 'pdfkit';
import type { PpidReport } from '@pantau/shared';

const LABELS: Record<string, string> = {
  received: 'Menunggu jawaban', clarification: 'Menunggu kelengkapan', granted: 'Dipenuhi seluruhnya', partially_granted: 'Dipenuhi sebagian',
  refused: 'Ditolak', not_held: 'Informasi tidak dikuasai', withdrawn: 'Dicabut', upheld: 'Diterima', rejected: 'Ditolak', pending: 'Dalam proses',
  a_refused: 'a. Penolakan (Pasal 17)', b_periodic_not_provided: 'b. Informasi berkala tidak disediakan', c_not_answered: 'c. Tidak ditanggapi',
  d_not_as_requested: 'd. Tidak sebagaimana diminta', e_not_fulfilled: 'e. Tidak dipenuhi', f_unreasonable_fee: 'f. Biaya tidak wajar', g_late: 'g. Melebihi jangka waktu',
  mediated: 'Mediasi berhasil', requester_won: 'Dimenangkan pemohon', agency_won: 'Dimenangkan badan publik',
};

/** Draws a horizontal bar chart of one breakdown; built-in Helvetica only, nothing is downloaded. */
function bars(doc: PDFKit.PDFDocument, title: string, rec: Record<string, number>): void {
  const entries = Object.entries(rec);
  if (doc.y > 680) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(title).font('Helvetica').fontSize(9);
  if (entries.length === 0) {
    doc.text('Tidak ada data.');
    return;
  }
  const max = Math.max(1, ...entries.map(([, v]) => v));
  for (const [k, v] of entries) {
    const y = doc.y + 2;
    doc.fillColor('#222').text(LABELS[k] ?? k, 50, y, { width: 170 });
    doc.rect(225, y, Math.max(1, (v / max) * 260), 9).fill('#1c7ed6');
    doc.fillColor('#222').text(String(v), 492, y);
    doc.y = y + 13;
  }
  doc.x = 50;
}

/** The annual report as a PDF (Perki 1/2021 Pasal 56): summary, breakdowns as bar charts, per-request table. */
export function reportPdf(r: PpidReport, tenantName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Laporan Layanan Informasi Publik ${r.year}`, Author: tenantName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(16).text(`Laporan Layanan Informasi Publik Tahun ${r.year}`);
    doc.font('Helvetica').fontSize(10).text(`${tenantName} — PPID (Perki 1/2021 Pasal 56)`).moveDown();
    const summary: [string, string | number][] = [
      ['Jumlah permohonan', r.requests],
      ['Dijawab', r.answered],
      ['Rata-rata waktu jawab (hari kerja)', r.averageWorkingDays ?? '-'],
      ['Dijawab melewati tenggat', r.answeredLate],
      ['Diperpanjang', r.extended],
      ['Keberatan', r.objections],
      ['Sengketa ke Komisi Informasi', r.disputes],
    ];
    for (const [k, v] of summary) doc.text(`${k}: ${v}`);
    bars(doc, 'Permohonan menurut status', r.byStatus);
    bars(doc, 'Penolakan menurut dasar Pasal 17 UU 14/2008', Object.fromEntries(Object.entries(r.refusedByGround).map(([k, v]) => [`Pasal 17 huruf ${k}`, v])));
    bars(doc, 'Keberatan menurut alasan Pasal 35(1)', r.objectionsByGround);
    bars(doc, 'Keberatan menurut putusan atasan PPID', r.objectionsByDecision);
    bars(doc, 'Sengketa menurut hasil', r.disputesByOutcome);
    doc.addPage().font('Helvetica-Bold').fontSize(11).text('Waktu pelayanan per permohonan').font('Helvetica').fontSize(8).moveDown(0.5);
    const cols = [50, 170, 250, 330, 400];
    const row = (cells: string[]) => {
      if (doc.y > 770) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => doc.text(c, cols[i]!, y, { width: (cols[i + 1] ?? 545) - cols[i]! - 4, lineBreak: false }));
      doc.y = y + 12;
    };
    row(['Nomor', 'Diterima', 'Dijawab', 'Hari kerja', 'Status']);
    for (const p of r.perRequest) row([p.registrationNumber, p.receivedOn, p.respondedOn ?? '-', p.workingDays === null ? '-' : String(p.workingDays), LABELS[p.status] ?? p.status]);
    doc.end();
  });
}
