// The programme dashboard: per budget item and year the plan, the allocation given (dự toán được giao; the plan's
// figure stands for it in 2022–2025 until one is recorded), reserved, committed, disbursed and remaining amounts
// (GET /api/budget) with an SVG chart, the year's allocation log and, for an Admin, its form (allocations.js), progress
// towards the II.2 targets (GET /api/targets) with values entered with their source, and the year-end report.
import { el, $, clear, vnd, date, notify } from './dom.js';
import { field, showErrors, clearErrors, errorSummary } from './forms.js';
import { api, ApiError } from './api.js';
import { exportButtons } from './exports.js';
import { requireOfficer } from './session.js';
import { officerNav } from './officer-nav.js';
import { allocationsSection } from './allocations.js';

const SVG = 'http://www.w3.org/2000/svg';
const root = $('#dashboard');
const yearForm = $('#year-form');
const status = $('#page-status');
const COLUMNS = [['planVnd', 'Kế hoạch'], ['allocatedVnd', 'Dự toán được giao'], ['reservedVnd', 'Tạm giữ (đã phê duyệt)'], ['committedVnd', 'Cam kết chi, chưa giải ngân'], ['disbursedVnd', 'Đã giải ngân'], ['remainingVnd', 'Còn lại']];
const BARS = [['disbursedVnd', 'Đã giải ngân', 'bar-disbursed'], ['committedVnd', 'Cam kết chi, chưa giải ngân', 'bar-committed'], ['reservedVnd', 'Tạm giữ', 'bar-reserved'], ['remainingVnd', 'Còn lại', 'bar-remaining']];

const num = (n) => new Intl.NumberFormat('vi-VN').format(n);

/** "46,2% (năm 2025) · Nguồn: … · Nhập ngày 15/01/2026 (Lê Văn A)": an entered value with where it comes from. */
function enteredLine(t, e, label) {
  const shown = t.unit === '%' ? `${num(e.value)}%` : `${num(e.value)} ${t.unit}`;
  return el('p', { class: 'entered', dataset: { field: 'entered', value: e.value } },
    el('strong', {}, `${label}: ${shown}`), ` (${e.period.label})`,
    el('br'), el('span', { dataset: { field: 'source' } }, `Nguồn: ${e.source}`),
    el('br'), el('span', { class: 'muted', dataset: { field: 'recorded' } }, `Nhập ngày ${date(e.recordedAtUtc)} (${e.recordedBy.name})`),
    e.note ? [el('br'), el('span', { class: 'muted' }, `Ghi chú: ${e.note}`)] : null);
}

/**
 * One target: its text; for those the system counts, achieved of the target with a progress bar; for those measured
 * outside the system (TFP), the value officers entered with its source and date, or "Chưa có số liệu". Leaders and
 * admins (canRecord) get a form to enter a value with its source; once a value is entered, every officer can open the history.
 */
function targetItem(t, canRecord, year) {
  const item = el('li', { dataset: { target: t.id } }, el('p', {}, t.text));
  if (t.measuredBy === 'entered') {
    item.append(el('p', { dataset: { field: 'achieved', value: t.achieved } }, el('strong', {}, t.met ? 'Đã đạt. ' : 'Chưa đạt. '),
      `Mục tiêu ${t.comparison === 'GreaterThan' ? 'trên' : 'ít nhất'} ${num(t.value)} ${t.unit} (năm ${t.byYear}).`),
    enteredLine(t, t.entered, 'Số liệu'));
  } else if (!t.measured) {
    item.append(el('p', { class: 'muted', dataset: { field: 'achieved', value: '' } },
      `Chưa có số liệu. Mục tiêu ${num(t.value)} ${t.unit} (năm ${t.byYear}): số liệu từ nguồn khác, do cán bộ nhập kèm nguồn.`));
  } else {
    const label = `Đạt ${num(t.achieved)}/${num(t.value)} ${t.unit} (mục tiêu năm ${t.byYear})${t.pending ? `; đang thực hiện ${num(t.pending)}` : ''}`;
    const id = `target-${t.id}`;
    item.append(
      el('p', { id, dataset: { field: 'achieved', value: t.achieved } }, el('strong', {}, t.met ? 'Đã đạt. ' : ''), label),
      el('progress', { max: String(t.value), value: String(Math.min(t.achieved, t.value)), 'aria-labelledby': id }));
    if (t.entered) item.append(enteredLine(t, t.entered, 'Số liệu báo cáo'));
  }
  if (t.entered) item.append(historyBlock(t));
  if (canRecord) item.append(valueForm(t, year));
  return item;
}

/** "Lịch sử số liệu": every entered value of the target, newest first (GET /api/targets/{id}/values), loaded on opening. */
function historyBlock(t) {
  const list = el('div', { class: 'history' });
  const block = el('details', { class: 'target-history' }, el('summary', {}, 'Lịch sử số liệu đã nhập'), list);
  block.addEventListener('toggle', async () => {
    if (!block.open) return;
    clear(list).append(el('p', { class: 'muted' }, 'Đang tải…'));
    try {
      const { values } = await api(`/api/targets/${encodeURIComponent(t.id)}/values`, { officer: true });
      clear(list).append(values.length
        ? el('ol', { reversed: true }, values.map((v) => el('li', { dataset: { entry: v.id } }, enteredLine(t, v, v.current ? 'Đang dùng' : 'Đã thay thế'))))
        : el('p', { class: 'muted' }, 'Chưa có số liệu nào được nhập.'));
    } catch {
      clear(list).append(el('p', { class: 'muted' }, 'Không tải được lịch sử số liệu.'));
    }
  });
  return block;
}

/** The leader's form: value (in the target's unit), year, source document, note (POST /api/targets/{id}/values). */
function valueForm(t, year) {
  const message = el('p', { role: 'status' });
  const form = el('form', { class: 'value-form', novalidate: true, dataset: { target: t.id } },
    errorSummary(),
    field(`tv-${t.id}`, { name: 'value', label: `Giá trị (${t.unit})`, required: true, inputmode: 'decimal', autocomplete: 'off',
      hint: t.unit === '%' ? 'Tỷ lệ phần trăm, dấu chấm hoặc phẩy thập phân (ví dụ 46,2).' : 'Số nguyên.' }),
    field(`tv-${t.id}`, { name: 'year', label: 'Năm của số liệu', type: 'number', min: 2022, max: 2030, value: String(year), required: true }),
    field(`tv-${t.id}`, { name: 'source', label: 'Nguồn số liệu', required: true,
      hint: 'Cơ quan ban hành, số và ngày văn bản, ví dụ: Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 15/01/2026.' }),
    field(`tv-${t.id}`, { name: 'note', label: 'Ghi chú', type: 'textarea', rows: 2, hint: 'Bắt buộc khi nhập lại số liệu của cùng một năm (lý do điều chỉnh).' }),
    el('button', { type: 'submit', class: 'button' }, 'Ghi số liệu'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const text = String(data.get('value') ?? '').trim().replace(',', '.');
    // A number the API reads as one; anything else goes as typed, so the API names what is wrong with it.
    const value = text === '' ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    const body = { value, year: Number(data.get('year')), source: String(data.get('source') ?? ''), note: String(data.get('note') ?? '') || null };
    try {
      await api(`/api/targets/${encodeURIComponent(t.id)}/values`, { method: 'POST', json: body, officer: true });
      notify(status, `Đã ghi số liệu chỉ tiêu: ${t.text}`, 'success');
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors.length) showErrors(form, error.fieldErrors);
      else notify(message, error instanceof ApiError && error.status === 403 ? 'Chỉ lãnh đạo Sở hoặc quản trị viên được nhập số liệu chỉ tiêu.' : 'Không ghi được số liệu.', 'error');
    }
  });
  return el('details', { class: 'target-entry' }, el('summary', {}, 'Nhập số liệu kèm nguồn'), form);
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One horizontal stacked bar per line: disbursed, committed, reserved, remaining, as shares of the plan. */
function chart(lines, year) {
  const rowHeight = 34;
  const width = 640;
  const label = 70;
  const height = lines.length * rowHeight + 40;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart', id: 'budget-chart' });
  root.append(svg('title', { id: 'chart-title' }, `Tình hình sử dụng kinh phí năm ${year}`),
    svg('desc', { id: 'chart-desc' }, 'Mỗi thanh là một mục kinh phí; các đoạn là phần đã giải ngân, đã cam kết chi nhưng chưa giải ngân, đang tạm giữ và còn lại so với kế hoạch. Số liệu chi tiết ở bảng bên dưới.'));
  lines.forEach((line, i) => {
    const y = i * rowHeight + 4;
    root.append(svg('text', { x: 0, y: y + 18, class: 'chart-label' }, line.lineId));
    let x = label;
    const scale = (width - label - 10) / Math.max(line.allocatedVnd ?? 0, line.reservedVnd + line.committedVnd + line.disbursedVnd, 1);
    for (const [key, name, css] of BARS) {
      // The ledger's amounts are disjoint (a commitment leaves the reserved amount, a payment the committed one).
      const amount = line[key] ?? 0;
      const w = Math.max(0, amount * scale);
      if (w > 0) {
        const rect = svg('rect', { x, y, width: w, height: 24, class: css });
        rect.append(svg('title', {}, `${line.lineId} – ${name}: ${vnd(line[key])}`));
        root.append(rect);
      }
      x += w;
    }
  });
  const legendY = lines.length * rowHeight + 18;
  BARS.forEach(([, name, css], i) => {
    root.append(svg('rect', { x: label + i * 140, y: legendY, width: 14, height: 14, class: css }), svg('text', { x: label + i * 140 + 20, y: legendY + 12, class: 'chart-legend' }, name));
  });
  return root;
}

let latest = 0;

async function load() {
  const year = yearForm.elements.year.value;
  const mine = ++latest;
  try {
    const [{ lines }, { targets, canRecord }] = await Promise.all([
      api(`/api/budget?year=${encodeURIComponent(year)}`, { officer: true }),
      api(`/api/targets?year=${encodeURIComponent(year)}`, { officer: true })]);
    const allocations = await allocationsSection(year, lines.map((l) => l.lineId), load);
    if (mine !== latest) return; // a newer request (another year, a refresh) owns the page
    clear(root);
    const table = el('table', { class: 'table', id: 'budget-table' },
      el('caption', {}, `Kinh phí theo mục, năm ${year} (đồng)`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Mục'), COLUMNS.map(([, h]) => el('th', { scope: 'col', class: 'num' }, h)))),
      el('tbody', {}, lines.map((line) => el('tr', { dataset: { line: line.lineId, year: line.year } },
        el('th', { scope: 'row' }, line.lineId),
        COLUMNS.map(([key]) => budgetCell(line, key))))));
    root.append(
      el('section', { class: 'card', 'aria-labelledby': 'h-budget' }, el('h2', { id: 'h-budget' }, 'Kinh phí'),
        lines.length ? chart(lines, year) : el('p', { class: 'muted' }, 'Năm này không có kinh phí theo kế hoạch.'),
        el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Bảng kinh phí' }, table),
        exportButtons('Xuất số liệu', [
          { id: 'export-ledger', text: 'Xuất sổ kinh phí (Excel)', path: () => `/api/exports/ledger?year=${encodeURIComponent(year)}`, fileName: `so-kinh-phi-${year}.xlsx` },
          { id: 'export-enterprises', text: 'Xuất doanh nghiệp được hỗ trợ (Excel)', path: () => `/api/exports/enterprises?year=${encodeURIComponent(year)}`,
            fileName: `doanh-nghiep-${year}.xlsx` },
          { id: 'export-activities', text: 'Xuất hoạt động (Excel)', path: () => `/api/exports/activities?year=${encodeURIComponent(year)}`, fileName: `hoat-dong-${year}.xlsx` },
        ], status)),
      allocations,
      el('section', { class: 'card', 'aria-labelledby': 'h-targets' }, el('h2', { id: 'h-targets' }, `Chỉ tiêu của Chương trình (mục II.2), tính đến năm ${year}`),
        el('ul', { class: 'targets' }, targets.map((t) => targetItem(t, canRecord, year)))),
      reportSection(year));
  } catch (error) {
    const text = !(error instanceof ApiError) ? 'Không tải được số liệu.'
      : error.status === 401 ? 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.'
        : error.status === 422 ? error.message : 'Không tải được số liệu.';
    notify(status, text, 'error');
  }
}

/** A cell of the budget table; the allocation says where it comes from (recorded, the plan's figure, or none yet). */
function budgetCell(line, key) {
  const value = line[key] ?? null;
  const cell = el('td', { class: 'num', dataset: { field: key, value: value ?? '' } }, vnd(value));
  if (key === 'allocatedVnd') {
    cell.dataset.source = line.allocationSource;
    if (line.allocationSource === 'plan') cell.append(el('br'), el('small', {}, '(theo kế hoạch)'));
    if (line.allocationSource === 'none') cell.replaceChildren(el('small', {}, 'Chưa giao'));
  }
  return cell;
}

function reportSection(year) {
  const path = `/api/reports/year-end/${encodeURIComponent(year)}`;
  const message = el('p', { role: 'status' });
  const create = el('button', { type: 'button', class: 'button secondary' }, `Tạo báo cáo năm ${year}`);
  create.addEventListener('click', async () => {
    try { await api(path, { method: 'POST', officer: true }); notify(message, 'Đã tạo báo cáo; bấm “Tải báo cáo”.', 'success'); } catch (error) {
      notify(message, error instanceof ApiError && error.status === 404 ? 'Chức năng báo cáo cuối năm chưa có trên máy chủ này.' : 'Không tạo được báo cáo.', 'error');
    }
  });
  const download = el('button', { type: 'button', class: 'button secondary' }, 'Tải báo cáo');
  download.addEventListener('click', async () => {
    try {
      const response = await api(path, { officer: true, raw: true, headers: { Accept: '*/*' } });
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: `bao-cao-nscl-${year}.docx` });
      document.body.append(a); a.click(); a.remove();
    } catch (error) {
      notify(message, error instanceof ApiError && error.status === 404 ? 'Chưa có báo cáo của năm này.' : 'Không tải được báo cáo.', 'error');
    }
  });
  return el('section', { class: 'card', 'aria-labelledby': 'h-report' }, el('h2', { id: 'h-report' }, 'Báo cáo cuối năm'), el('p', {}, create, ' ', download), message);
}

async function start() {
  if (!requireOfficer()) return;
  officerNav();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  let years = [];
  try { years = (await api('/api/catalogue')).programme.years; } catch { years = []; }
  // This year (the programme runs on after the plan's figures end, on yearly allocations, to ten years after them).
  // A link may name the year (the year-end e-mail: tong-quan.html?year=2025).
  const first = years.length ? Math.min(...years) : 2022;
  const last = years.length ? Math.max(...years) + 10 : 2035;
  const asked = Number(new URLSearchParams(location.search).get('year'));
  const defaultYear = Number.isInteger(asked) && asked >= first && asked <= last ? asked : Math.min(Math.max(thisYear, first), last);
  yearForm.append(field('dash', { name: 'year', label: 'Năm', type: 'number', min: first, max: last, value: String(defaultYear), required: true }),
    el('button', { type: 'submit', class: 'button', id: 'refresh' }, 'Xem / làm mới'));
  yearForm.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
}

start();
