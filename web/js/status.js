// The enterprise's status page, opened through the secret link trang-thai.html#id=…&access=…. The token stays in the
// fragment (browsers never send it to a server, so it is in no access log) and goes to the API in a header.
import { el, $, clear, notify } from './dom.js';
import { api, stepSignature, waitForChange, ApiError } from './api.js';
import { summary, timeline, documents, issuedDocuments, uploadForm } from './application-view.js';
import { actionForms, staleNotice } from './actions.js';

const params = new URLSearchParams(location.hash.slice(1));
const id = params.get('id');
const caller = { access: params.get('access') };
const root = $('#application');
const status = $('#page-status');
let kinds = [];

const load = () => api(`/api/applications/${encodeURIComponent(id)}`, caller);

async function render(view) {
  const kindName = kinds.find((k) => k.id === view.supportKindId)?.name;
  const parts = [summary(view, kindName)];
  const forms = actionForms(view.applicationId, [...view.allowedActions, ...(view.annotations ?? [])], caller, async () => {
    const before = stepSignature(view);
    await render(await waitForChange(load, (v) => stepSignature(v) !== before));
    notify(status, 'Hồ sơ đã được cập nhật.', 'success');
  }, { version: view.version, view, onStale: async () => {
    const now = await load();
    await render(now);
    notify(status, staleNotice(view, now), 'error');
  } });
  if (forms.length > 0) parts.push(el('section', { class: 'card', 'aria-labelledby': 'h-actions' }, el('h2', { id: 'h-actions' }, 'Việc doanh nghiệp có thể làm'), forms));
  parts.push(await issuedDocuments(view, caller));
  parts.push(await documents(view, caller, view.allowedActions.length > 0 ? uploadForm(id, caller, status) : null));
  parts.push(await timeline(view, caller));
  clear(root).append(...parts.filter(Boolean));
}

async function start() {
  if (!id || !caller.access) { notify(status, 'Đường liên kết không đầy đủ. Vui lòng dùng đường liên kết trong thư xác nhận.', 'error'); return; }
  try {
    kinds = (await api('/api/catalogue')).supportKinds;
    await render(await load());
  } catch (error) {
    notify(status, error instanceof ApiError && error.status === 404
      ? 'Không tìm thấy hồ sơ: đường liên kết sai hoặc đã được thu hồi. Vui lòng liên hệ Sở KH&CN để được cấp lại.'
      : 'Không tải được hồ sơ; vui lòng thử lại.', 'error');
  }
}

start();
